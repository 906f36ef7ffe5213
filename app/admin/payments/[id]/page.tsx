import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { CopyCurl } from "@/components/admin/copy-curl";
import { PaymentActions } from "@/components/admin/payment-actions";
import { RelativeTime, renderedAt } from "@/components/admin/relative-time";
import { ReplayButton } from "@/components/admin/replay-button";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { emulatorNotifications } from "@/lib/emulator-control";
import { formatMoney, toDecimalString } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { findProvider } from "@/lib/payments/registry";
import { needsOperatorKey } from "@/lib/payments/reconcile-payment";
import { isPending } from "@/lib/payments/state";
import type { ApiCallRecord } from "@/lib/payments/types";

export const metadata = { title: "Payment · Operator console" };

const TYPE_STYLE: Record<string, string> = {
  api_call: "bg-sky-100 text-sky-900",
  notification: "bg-violet-100 text-violet-900",
  status_change: "bg-emerald-100 text-emerald-900",
  operator_action: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-900",
  integrity_failure: "bg-red-600 text-white",
  extra_charge: "bg-amber-800 text-white",
};

function isApiCall(detail: unknown): detail is ApiCallRecord {
  return Boolean(detail && typeof detail === "object" && "url" in detail && "method" in detail);
}

export default async function PaymentTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/admin/payments/${id}`);
  await connection();
  const payment = await findPayment(id);
  if (!payment) notFound();
  const order = await findOrder(payment.orderId);
  const provider = findProvider(payment.provider);
  const events = await listPaymentEvents(payment.id);
  const deliveries = await emulatorNotifications(payment.provider, payment.id);
  const now = renderedAt();
  const refundable = (payment.capturedAmount || payment.amount) - payment.refundedAmount;
  // The provider cannot say how this pending attempt stands (e.g. Ping Payments without its payment id).
  const needsOperator =
    isPending(payment.status) && events.some((event) => event.dedupeKey === needsOperatorKey(payment.id));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link href="/admin/payments" className="text-sm text-stone-500 underline">
          ← Payments
        </Link>
        <AdminNav current="payments" />
      </div>
      <section className="space-y-3 rounded-xl border border-stone-200 bg-white p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h1 className="font-mono text-xl font-semibold">{payment.id}</h1>
            <p className="text-sm text-stone-500">
              {provider?.displayName ?? payment.provider} · {payment.method} · order{" "}
              <Link href={`/admin/orders/${payment.orderId}`} className="underline">
                {payment.orderId}
              </Link>{" "}
              · {order?.email}
            </p>
          </div>
          <span className="rounded bg-stone-100 px-2 py-0.5 font-mono" data-testid="admin-payment-status">
            {payment.status}
          </span>
          {needsOperator && (
            <span className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900" data-testid="admin-needs-operator">
              Needs an operator: {provider?.displayName ?? payment.provider} cannot say how it stands (see the timeline)
            </span>
          )}
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-stone-500">Amount</dt>
          <dd>{formatMoney(payment.amount, payment.currency)}</dd>
          <dt className="text-stone-500">Captured / refunded</dt>
          <dd>
            {formatMoney(payment.capturedAmount, payment.currency)} /{" "}
            {formatMoney(payment.refundedAmount, payment.currency)}
          </dd>
          <dt className="text-stone-500">Provider reference</dt>
          <dd className="font-mono">{payment.providerPaymentId ?? "—"}</dd>
          <dt className="text-stone-500">Card</dt>
          <dd>
            {payment.cardLast4 ? `${payment.cardBrand ?? ""} ${payment.cardFirst6 ?? ""}…${payment.cardLast4}` : "—"}
          </dd>
        </dl>
        <PaymentActions
          paymentId={payment.id}
          canCapture={Boolean(provider?.capture) && payment.status === "authorized"}
          canRefund={
            Boolean(provider?.refund) && (payment.status === "succeeded" || payment.status === "partially_refunded")
          }
          canVoid={Boolean(provider?.cancel) && payment.status === "authorized"}
          canReconcile={Boolean(provider?.inquire) && isPending(payment.status) && Boolean(payment.providerPaymentId)}
          canSettle={Boolean(provider?.settle) && payment.status === "succeeded"}
          capturable={toDecimalString(payment.amount, payment.currency)}
          refundable={toDecimalString(Math.max(0, refundable), payment.currency)}
          currency={payment.currency}
        />
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">Timeline</h2>
        <ol className="space-y-2" data-testid="timeline">
          {events.map((event) => (
            <li
              key={event.id}
              className="rounded-lg border border-stone-200 bg-white p-3 text-sm"
              data-testid="timeline-event"
              data-type={event.type}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className={`rounded px-2 py-0.5 font-mono text-xs ${TYPE_STYLE[event.type] ?? ""}`}>
                  {event.type}
                </span>
                <span className="flex-1">
                  {event.summary}
                  {event.type === "status_change" && event.toStatus && (
                    <span className="ml-2 font-mono text-xs text-stone-600">
                      {event.fromStatus ?? "?"} → {event.toStatus}
                    </span>
                  )}
                </span>
                {isApiCall(event.detail) && (
                  <>
                    <span className="text-xs text-stone-500">{event.detail.durationMs} ms</span>
                    <CopyCurl method={event.detail.method} url={event.detail.url} body={event.detail.request} />
                  </>
                )}
                <span className="text-xs">
                  <RelativeTime date={event.createdAt} now={now} />
                </span>
              </div>
              {event.detail != null && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs text-stone-500">
                    Details{event.dedupeKey ? ` · dedupe key ${event.dedupeKey}` : ""}
                  </summary>
                  <pre className="mt-1 max-h-80 overflow-auto rounded bg-stone-50 p-2 text-xs">
                    {JSON.stringify(event.detail, null, 2)}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">Notifications the emulator sent</h2>
        {deliveries === undefined ? (
          <p className="text-sm text-stone-500">
            Not available (a real provider is configured, or the emulator&apos;s control plane did not answer).
          </p>
        ) : deliveries.length === 0 ? (
          <p className="text-sm text-stone-500">None.</p>
        ) : (
          <ul className="space-y-2" data-testid="emulator-notifications">
            {deliveries.map((n) => (
              <li
                key={n.id}
                className="rounded-lg border border-stone-200 bg-white p-3 text-sm"
                data-testid="emulator-notification"
              >
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-mono text-xs">#{n.id}</span>
                  {n.type && (
                    <span className="font-mono text-xs" data-testid="emulator-notification-type">
                      {n.type}
                    </span>
                  )}
                  <span className="flex-1">
                    {n.status} after {n.attempts} attempt{n.attempts === 1 ? "" : "s"} → {n.targetUrl}
                  </span>
                  <ReplayButton paymentId={payment.id} notificationId={n.id} />
                </div>
                <ol className="mt-1 space-y-0.5 text-xs text-stone-600">
                  {n.deliveries.map((d, i) => (
                    <li key={i}>
                      {d.attemptedAt}: {d.httpStatus ?? d.error} ({d.durationMs} ms)
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
