import Link from "next/link";
import { connection } from "next/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { RelativeTime, renderedAt } from "@/components/admin/relative-time";
import { listPaymentsPage, type PaymentFilters } from "@/lib/db/queries/payments";
import { formatMoney, SHOP_CURRENCIES } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { rejectedNotifications, unchangedRedeliveries, type NotificationCount } from "@/lib/payments/rejections";
import { providerDescriptors } from "@/lib/payments/registry";
import { PAYMENT_STATUSES, type PaymentStatus } from "@/lib/payments/state";

export const metadata = { title: "Payments · Operator console" };

const PAGE_SIZE = 50;

type Search = Record<string, string | undefined>;

function filtersOf(search: Search): PaymentFilters {
  const date = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined);
  return {
    provider: providerDescriptors().some((p) => p.id === search.provider) ? search.provider : undefined,
    method: search.method || undefined,
    status: (PAYMENT_STATUSES as readonly string[]).includes(search.status ?? "")
      ? (search.status as PaymentStatus)
      : undefined,
    currency: (SHOP_CURRENCIES as readonly string[]).includes(search.currency ?? "") ? search.currency : undefined,
    from: date(search.from),
    to: date(search.to),
    q: search.q?.trim() || undefined,
  };
}

/** `createdAt_ms:id` of the last row of a page. */
function cursorOf(search: Search): { createdAt: Date; id: string } | undefined {
  const match = /^(\d+):(.+)$/.exec(search.after ?? "");
  return match ? { createdAt: new Date(Number(match[1])), id: match[2] } : undefined;
}

/** The query as the filters read it: one value a name (a repeated `?q=a&q=b` keeps its first). */
function singleValues(query: Record<string, string | string[] | undefined>): Search {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
}

export default async function PaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOperator("/admin/payments");
  await connection();
  const search = singleValues(await searchParams);
  const filters = filtersOf(search);
  const rows = listPaymentsPage(filters, cursorOf(search), PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const next =
    rows.length > PAGE_SIZE && last
      ? new URLSearchParams({
          ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)),
          after: `${last.createdAt.getTime()}:${last.id}`,
        } as Record<string, string>)
      : null;
  const now = renderedAt();
  const rejections = rejectedNotifications();
  const redeliveries = unchangedRedeliveries();
  const select = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Payments</h1>
        <AdminNav current="payments" />
      </div>
      <form className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4" role="search">
        <label className="text-sm">
          <span className="block text-stone-500">Provider</span>
          <select name="provider" defaultValue={filters.provider ?? ""} className={select}>
            <option value="">Any</option>
            {providerDescriptors().map((p) => (
              <option key={p.id}>{p.id}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Any</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">Method</span>
          <input
            name="method"
            defaultValue={filters.method ?? ""}
            placeholder="card, alipayhk…"
            className={`${select} w-32`}
          />
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">Currency</span>
          <select name="currency" defaultValue={filters.currency ?? ""} className={select}>
            <option value="">Any</option>
            {SHOP_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">From</span>
          <input type="date" name="from" defaultValue={search.from ?? ""} className={select} />
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">To</span>
          <input type="date" name="to" defaultValue={search.to ?? ""} className={select} />
        </label>
        <label className="text-sm">
          <span className="block text-stone-500">Reference or email</span>
          <input
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder="pay_…, ord_…, provider id"
            className={`${select} w-56`}
          />
        </label>
        <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white">
          Filter
        </button>
        <Link href="/admin/payments" className="text-sm underline">
          Clear
        </Link>
      </form>
      {rejections.length > 0 && (
        <NotificationCounts
          testId="rejected-notifications"
          tone="border-amber-300 bg-amber-50 text-amber-950"
          title="Notifications refused since the server started (not stored; see the warn lines in the log)"
          counts={rejections}
          now={now}
        />
      )}
      {redeliveries.length > 0 && (
        <NotificationCounts
          testId="unchanged-redeliveries"
          tone="border-stone-200 bg-white text-stone-700"
          title="Redeliveries that changed nothing since the server started (acknowledged, not stored again)"
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
      {next && (
        <Link href={`/admin/payments?${next.toString()}`} className="inline-block text-sm underline">
          Older payments →
        </Link>
      )}
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
