import Link from "next/link";
import { notFound } from "next/navigation";
import { ChargeAgainForm, PaymentActions } from "@/components/admin/payment-actions";
import { savedCardsFor } from "@/lib/checkout-config";
import { isPending } from "@/lib/payments/state";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { findOrder, listOrderItems } from "@/lib/db/queries/orders";
import { listPaymentEvents, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { formatMoney, toDecimalString } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { orderNumberOf } from "@/lib/order-number";
import { orderStateOf } from "@/lib/order-state";
import { findProvider } from "@/lib/payments/registry";

export const metadata = { title: "Order · Operator console" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/admin/orders/${id}`);
  const order = await findOrder(id);
  if (!order) notFound();
  const items = await listOrderItems(order.id);
  const payments = await listPaymentsForOrder(order.id);
  const timelines = new Map(
    await Promise.all(payments.map(async (payment) => [payment.id, await listPaymentEvents(payment.id)] as const)),
  );
  const chargeable = (await savedCardsFor(order.userId)).filter((card) => findProvider(card.provider)?.cardOnFile);
  return (
    <div className="space-y-6">
      <Link href="/admin" className="text-sm text-stone-500 underline">
        ← All orders
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="font-mono text-2xl font-semibold">{order.id}</h1>
          <p className="text-sm text-stone-500">Shopper&apos;s order number {orderNumberOf(order.id)}</p>
          <p className="text-sm text-stone-500">
            {order.email} · {formatMoney(order.totalAmount, order.currency)} ·{" "}
            {items.reduce((n, i) => n + i.quantity, 0)} items
          </p>
        </div>
        <OrderStatusBadge
          state={orderStateOf(order.status, payments.find((p) => p.status === "authorized")?.captureMode ?? null)}
          audience="operator"
        />
      </div>
      {chargeable.length > 0 && (
        <ChargeAgainForm
          orderId={order.id}
          cards={chargeable.map((card) => ({
            id: card.id,
            label: `${card.brand ?? "Card"} •••• ${card.last4} (${findProvider(card.provider)?.displayName ?? card.provider})`,
          }))}
        />
      )}
      {payments.map((payment, index) => {
        const provider = findProvider(payment.provider);
        const refundable = (payment.capturedAmount || payment.amount) - payment.refundedAmount;
        return (
          <section
            key={payment.id}
            className="space-y-4 rounded-xl border border-stone-200 bg-white p-5"
            data-testid="admin-payment"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="font-medium">
                Attempt {index + 1}: {provider?.displayName ?? payment.provider} · {payment.method}
                {payment.cardLast4
                  ? ` · ${payment.cardBrand ?? "card"} ${payment.cardFirst6}…${payment.cardLast4}`
                  : ""}
              </h2>
              <span className="flex items-center gap-3">
                <Link href={`/admin/payments/${payment.id}`} className="text-sm underline">
                  Timeline
                </Link>
                <span className="rounded bg-stone-100 px-2 py-0.5 font-mono text-sm" data-testid="admin-payment-status">
                  {payment.status}
                </span>
              </span>
            </div>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
              <dt className="text-stone-500">Amount</dt>
              <dd>{formatMoney(payment.amount, payment.currency)}</dd>
              <dt className="text-stone-500">Captured</dt>
              <dd>{formatMoney(payment.capturedAmount, payment.currency)}</dd>
              <dt className="text-stone-500">Refunded</dt>
              <dd>{formatMoney(payment.refundedAmount, payment.currency)}</dd>
              <dt className="text-stone-500">Capture</dt>
              <dd>{payment.captureMode}</dd>
              <dt className="text-stone-500">AVS / CVV / 3DS</dt>
              <dd data-testid="admin-payment-checks">
                {[
                  payment.avsResult && `AVS ${payment.avsResult}`,
                  payment.cvvResult && `CVV ${payment.cvvResult}`,
                  payment.threeDsResult,
                ]
                  .filter(Boolean)
                  .join(" · ") || "—"}
              </dd>
              <dt className="text-stone-500">Our reference</dt>
              <dd className="font-mono">{payment.id}</dd>
              <dt className="text-stone-500">Provider reference</dt>
              <dd className="font-mono">{payment.providerPaymentId ?? "—"}</dd>
              {payment.failureMessage && (
                <>
                  <dt className="text-stone-500">Failure</dt>
                  <dd className="sm:col-span-3">
                    {payment.failureCode}: {payment.failureMessage}
                  </dd>
                </>
              )}
            </dl>
            <PaymentActions
              paymentId={payment.id}
              canCapture={Boolean(provider?.capture) && payment.status === "authorized"}
              canReconcile={
                Boolean(provider?.inquire) && isPending(payment.status) && Boolean(payment.providerPaymentId)
              }
              capturable={toDecimalString(payment.amount, payment.currency)}
              canRefund={
                Boolean(provider?.refund) && (payment.status === "succeeded" || payment.status === "partially_refunded")
              }
              canVoid={Boolean(provider?.cancel) && payment.status === "authorized"}
              canSettle={Boolean(provider?.settle) && payment.status === "succeeded"}
              refundable={toDecimalString(Math.max(0, refundable), payment.currency)}
              currency={payment.currency}
            />
            <details>
              <summary className="cursor-pointer text-sm text-stone-600">Event timeline</summary>
              <ol className="mt-2 space-y-1 text-xs">
                {(timelines.get(payment.id) ?? []).map((event) => (
                  <li key={event.id} className="flex gap-3">
                    <span className="w-40 shrink-0 text-stone-500">
                      {event.createdAt.toISOString().replace("T", " ").slice(0, 23)}
                    </span>
                    <span className="w-28 shrink-0 font-mono">{event.type}</span>
                    <span>{event.summary}</span>
                  </li>
                ))}
              </ol>
            </details>
          </section>
        );
      })}
    </div>
  );
}
