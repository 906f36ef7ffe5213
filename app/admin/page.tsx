import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { DemoResetButton } from "@/components/admin/demo-reset-button";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { listOrdersForOperator } from "@/lib/db/queries/orders";
import { formatMoney } from "@/lib/money";
import { requireOperator } from "@/lib/operator";

export const metadata = { title: "Operator console" };

export default async function AdminPage() {
  const gate = await requireOperator("/admin");
  const orders = listOrdersForOperator();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Operator console</h1>
          <p className="text-sm text-stone-500">Signed in as {gate.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/demo" className="text-sm underline">
            Demo storylines
          </Link>
          <DemoResetButton />
          <AdminNav current="orders" />
        </div>
      </div>
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="admin-orders">
          <thead className="bg-stone-100 text-xs text-stone-500 uppercase">
            <tr>
              <th className="p-3">Order</th>
              <th className="p-3">Placed</th>
              <th className="p-3">Customer</th>
              <th className="p-3">Total</th>
              <th className="p-3">Provider</th>
              <th className="p-3">Attempts</th>
              <th className="p-3">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {orders.map((order) => (
              <tr key={order.id}>
                <td className="p-3 font-mono">
                  <Link href={`/admin/orders/${order.id}`} className="underline">
                    {order.id}
                  </Link>
                </td>
                <td className="p-3">{order.createdAt.toLocaleString("en-GB")}</td>
                <td className="p-3">{order.email}</td>
                <td className="p-3">{formatMoney(order.totalAmount, order.currency)}</td>
                <td className="p-3">{order.lastProvider ?? "—"}</td>
                <td className="p-3">{order.attempts}</td>
                <td className="p-3">
                  <OrderStatusBadge status={order.status} />
                </td>
              </tr>
            ))}
            {orders.length === 0 && (
              <tr>
                <td className="p-6 text-center text-stone-500" colSpan={7}>
                  No orders yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
