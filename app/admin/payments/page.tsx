import Link from "next/link";
import { connection } from "next/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { FilterDates, FilterSelect, FilterText, ListFilters, OlderPageLink } from "@/components/admin/list-filters";
import { RelativeTime, renderedAt } from "@/components/admin/relative-time";
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
import { listPaymentsPage, type PaymentFilters } from "@/lib/db/queries/payments";
import { formatMoney, SHOP_CURRENCIES } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { rejectedNotifications, unchangedRedeliveries, type NotificationCount } from "@/lib/payments/rejections";
import { providerDescriptors } from "@/lib/payments/registry";
import { PAYMENT_STATUSES } from "@/lib/payments/state";

export const metadata = { title: "Payments · Operator console" };

const PAGE_SIZE = 50;

function filtersOf(search: ListSearch): PaymentFilters {
  const providers = providerDescriptors().map((p) => p.id);
  return {
    ...sharedFilters(search, { providers, currencies: SHOP_CURRENCIES }),
    method: search.method || undefined,
    status: oneOf(PAYMENT_STATUSES, search.status),
  };
}

export default async function PaymentsPage({ searchParams }: ListPageProps) {
  await requireOperator("/admin/payments");
  await connection();
  const search = singleValues(await searchParams);
  const filters = filtersOf(search);
  const { page, next } = pageOf(await listPaymentsPage(filters, cursorOf(search), PAGE_SIZE + 1), PAGE_SIZE, search);
  const now = renderedAt();
  const [rejections, redeliveries] = await Promise.all([rejectedNotifications(), unchangedRedeliveries()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Payments</h1>
        <AdminNav current="payments" />
      </div>
      <ListFilters clearHref="/admin/payments" query={queryStringOf(search)}>
        <FilterSelect
          name="provider"
          label="Provider"
          value={filters.provider}
          options={providerDescriptors().map((p) => p.id)}
        />
        <FilterSelect name="status" label="Status" value={filters.status} options={PAYMENT_STATUSES} />
        <FilterText name="method" label="Method" value={filters.method} placeholder="card, alipayhk…" />
        <FilterSelect name="currency" label="Currency" value={filters.currency} options={SHOP_CURRENCIES} />
        <FilterDates from={search.from} to={search.to} />
        <FilterText
          name="q"
          label="Reference or email"
          value={filters.q}
          placeholder="pay_…, ord_…, provider id"
          wide
        />
      </ListFilters>
      {rejections.length > 0 && (
        <NotificationCounts
          testId="rejected-notifications"
          tone="border-amber-300 bg-amber-50 text-amber-950"
          title="Notifications refused since the last demo reset (not stored; see the warn lines in the log)"
          counts={rejections}
          now={now}
        />
      )}
      {redeliveries.length > 0 && (
        <NotificationCounts
          testId="unchanged-redeliveries"
          tone="border-stone-200 bg-white text-stone-700"
          title="Redeliveries that changed nothing since the last demo reset (acknowledged, not stored again)"
          counts={redeliveries}
          now={now}
        />
      )}
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="admin-payments">
          <thead className="bg-stone-100 text-xs text-stone-500 uppercase">
            <tr>
              <th className="p-3">Payment</th>
              <th className="p-3">Created</th>
              <th className="p-3">Provider · method</th>
              <th className="p-3">Amount</th>
              <th className="p-3">Shopper</th>
              <th className="p-3">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {page.map((payment) => (
              <tr key={payment.id} data-testid="admin-payment-row">
                <td className="p-3 font-mono">
                  <Link href={`/admin/payments/${payment.id}`} className="underline">
                    {payment.id}
                  </Link>
                </td>
                <td className="p-3">
                  <RelativeTime date={payment.createdAt} now={now} />
                </td>
                <td className="p-3">
                  {payment.provider} · {payment.method}
                </td>
                <td className="p-3">{formatMoney(payment.amount, payment.currency)}</td>
                <td className="p-3">{payment.email}</td>
                <td className="p-3 font-mono">
                  {payment.status}
                  {payment.status === "authorized" && payment.captureMode === "manual" && (
                    <span
                      className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 font-sans text-xs font-medium text-sky-900"
                      data-testid="to-capture"
                      title="Authorized with manual capture: the money is held, not taken. Capture it when the order ships."
                    >
                      to capture
                    </span>
                  )}
                  {payment.integrityFailure && (
                    <span
                      className="ml-2 rounded bg-red-600 px-1.5 py-0.5 font-sans text-xs font-medium text-white"
                      data-testid="integrity-failure"
                      title="A provider reported another amount or currency than this payment's. Open it to see the report."
                    >
                      integrity failure
                    </span>
                  )}
                  {payment.extraChargeHeld && (
                    <span
                      className="ml-2 rounded bg-amber-800 px-1.5 py-0.5 font-sans text-xs font-medium text-white"
                      data-testid="extra-charge"
                      title="Its order was already paid by another attempt: this second charge is being returned. Open it to see where the return stands."
                    >
                      second charge
                    </span>
                  )}
                </td>
              </tr>
            ))}
            {page.length === 0 && (
              <tr>
                <td colSpan={6} className="p-6 text-center text-stone-500">
                  No payment matches.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <OlderPageLink basePath="/admin/payments" next={next} label="Older payments" />
    </div>
  );
}

/** Per provider, how many notifications of one kind the shop counted instead of storing, and the latest. */
function NotificationCounts({
  testId,
  tone,
  title,
  counts,
  now,
}: {
  testId: string;
  tone: string;
  title: string;
  counts: NotificationCount[];
  now: number;
}) {
  return (
    <div className={`rounded-xl border p-4 text-sm ${tone}`} data-testid={testId}>
      <p className="font-medium">{title}</p>
      <ul className="mt-1 space-y-0.5">
        {counts.map((c) => (
          <li key={c.provider} data-provider={c.provider} data-count={c.count}>
            <span className="font-mono">{c.provider}</span>: {c.count}, latest{" "}
            <RelativeTime date={c.lastAt} now={now} /> ({c.lastStatus}: {c.lastReason})
          </li>
        ))}
      </ul>
    </div>
  );
}
