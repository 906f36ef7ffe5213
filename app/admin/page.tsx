import Link from "next/link";
import { connection } from "next/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { DemoResetButton } from "@/components/admin/demo-reset-button";
import { FilterDates, FilterSelect, FilterText, ListFilters, OlderPageLink } from "@/components/admin/list-filters";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import {
  cursorOf,
  oneOf,
  pageOf,
  queryStringOf,
  sharedFilters,
  singleValues,
  type ListPageProps,
  type ListSearch,
} from "@/lib/admin-list-query";
import { listOrdersPage, type OrderFilters } from "@/lib/db/queries/orders";
import { formatMoney, SHOP_CURRENCIES } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { ORDER_STATE_WORDS, ORDER_STATES } from "@/lib/order-state";
import { orderNumberOf } from "@/lib/order-number";
import { providerDescriptors } from "@/lib/payments/registry";

export const metadata = { title: "Operator console" };

const PAGE_SIZE = 50;

function filtersOf(search: ListSearch): OrderFilters {
  const providers = providerDescriptors().map((p) => p.id);
  return {
    state: oneOf(ORDER_STATES, search.state),
    ...sharedFilters(search, { providers, currencies: SHOP_CURRENCIES }),
  };
}

export default async function AdminPage({ searchParams }: ListPageProps) {
  const gate = await requireOperator("/admin");
  await connection();
  const search = singleValues(await searchParams);
  const filters = filtersOf(search);
  const { page, next } = pageOf(await listOrdersPage(filters, cursorOf(search), PAGE_SIZE + 1), PAGE_SIZE, search);
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
      <nav aria-label="Order queues" className="flex flex-wrap gap-3 text-sm">
        <Link href="/admin?state=to_capture" className="underline" data-testid="to-capture-queue">
          To capture: authorized, charged when it ships
        </Link>
      </nav>
      <ListFilters clearHref="/admin" query={queryStringOf(search)}>
        <FilterSelect
          name="state"
          label="Status"
          value={filters.state}
          options={ORDER_STATES.map((state) => ({ value: state, label: ORDER_STATE_WORDS[state].operator }))}
        />
        <FilterSelect
          name="provider"
          label="Provider"
          value={filters.provider}
          options={providerDescriptors().map((p) => p.id)}
        />
        <FilterSelect name="currency" label="Currency" value={filters.currency} options={SHOP_CURRENCIES} />
        <FilterDates from={search.from} to={search.to} />
        <FilterText
          name="q"
          label="Reference or email"
          value={filters.q}
          placeholder="ord_…, pay_…, provider id"
          wide
        />
      </ListFilters>
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
            {page.map((order) => (
              <tr key={order.id} data-testid="admin-order-row">
                <td className="p-3">
                  <Link href={`/admin/orders/${order.id}`} className="font-mono underline">
                    {order.id}
                  </Link>
                  <span className="block text-xs text-stone-500">No. {orderNumberOf(order.id)}</span>
                </td>
                <td className="p-3">{order.createdAt.toLocaleString("en-GB")}</td>
                <td className="p-3">{order.email}</td>
                <td className="p-3">{formatMoney(order.totalAmount, order.currency)}</td>
                <td className="p-3">{order.lastProvider ?? "—"}</td>
                <td className="p-3">{order.attempts}</td>
                <td className="p-3">
                  <OrderStatusBadge state={order.state} audience="operator" />
                </td>
              </tr>
            ))}
            {page.length === 0 && (
              <tr>
                <td className="p-6 text-center text-stone-500" colSpan={7}>
                  {Object.values(filters).some(Boolean) ? "No order matches." : "No orders yet."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <OlderPageLink basePath="/admin" next={next} label="Older orders" />
    </div>
  );
}
