import Link from "next/link";
import { redirect } from "next/navigation";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { currentUser } from "@/lib/auth";
import { listOrdersForUser } from "@/lib/db/queries/orders";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "My orders" };

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/account");
  const orders = listOrdersForUser(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My orders</h1>
      {orders.length === 0 ? (
        <p className="text-stone-600">No orders yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {orders.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <Link href={`/orders/${order.id}`} className="font-mono text-sm underline">
                {order.id}
              </Link>
              <span className="text-sm text-stone-500">{order.createdAt.toLocaleString("en-GB")}</span>
              <span className="font-medium">{formatMoney(order.totalAmount, order.currency)}</span>
              <OrderStatusBadge status={order.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
