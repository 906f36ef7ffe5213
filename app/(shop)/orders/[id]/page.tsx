import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { OrderStatusPoller } from "@/components/payment/order-status-poller";
import { PayAgainForm } from "@/components/payment/pay-again-form";
import { autofillUrls, browserExtensions, providerNames, savedCardsFor } from "@/lib/checkout-config";
import { settings } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { loadOrderForViewer } from "@/lib/order-view";
import { findMethod, findProvider, paymentMethodsFor } from "@/lib/payments/registry";
import { QrPayment } from "@/components/payment/qr-payment";

export const metadata = { title: "Your order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadOrderForViewer(id);
  if (!view) notFound();
  const { order, items, attempts, latest } = view;
  const total = formatMoney(order.totalAmount, order.currency);
  /** Another payment for the order (a fresh attempt token each), with what the shop offers in its currency. */
  const payAgainForm = (attempt: {
    replaceAttempt?: string;
    buttonLabel?: string;
    declined?: { provider: string; method: string };
  }) => (
    <PayAgainForm
      orderId={order.id}
      attemptToken={randomUUID()}
      methods={paymentMethodsFor(order.currency)}
      extensions={browserExtensions()}
      savedCards={savedCardsFor(order.userId)}
      providerNames={providerNames()}
      autofill={autofillUrls()}
      merchantUserId={order.userId ?? undefined}
      totalLabel={total}
      {...attempt}
    />
  );
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="rounded-xl border border-stone-200 bg-white p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="text-sm text-stone-500">Order {order.id}</p>
            <h1 className="text-2xl font-semibold">
              {order.status === "paid"
                ? "Thank you, your order is paid"
                : order.status === "failed"
                  ? "The payment did not go through"
                  : "Your order"}
            </h1>
          </div>
          <OrderStatusBadge status={order.status} />
        </div>

        {order.status === "pending" && (
          <div className="mt-4 rounded-lg bg-amber-50 p-4 text-sm text-amber-950">
            <p data-testid="waiting-for">{view.waitingFor}</p>
            {latest?.nextActionType === "qr" && latest.nextActionQr && (
              <QrPayment
                payload={latest.nextActionQr}
                expiresAt={latest.nextActionExpiresAt}
                methodLabel={findMethod(latest.provider, latest.method)?.label ?? latest.method}
              />
            )}
            {latest?.nextActionType === "redirect" && latest.nextActionUrl && (
              <a href={latest.nextActionUrl} className="mt-2 inline-block font-medium underline">
                Continue to the payment page
              </a>
            )}
            <OrderStatusPoller
              orderId={order.id}
              fingerprint={`${order.status}:${latest?.status ?? "none"}`}
              intervalMs={settings().PAYMENT_PENDING_POLL_MS}
            />
          </div>
        )}

        {order.status === "pending" && latest?.status === "requires_action" && (
          <details className="mt-4 rounded-lg border border-stone-200 p-4" data-testid="pay-another-way">
            <summary className="cursor-pointer font-medium">Pay another way</summary>
            {findProvider(latest.provider)?.closeOpenAttempt ? (
              <div className="mt-4 space-y-3">
                <p className="text-sm text-stone-700">
                  Your open payment is closed first, so the order is only charged once.
                </p>
                {payAgainForm({ replaceAttempt: latest.id, buttonLabel: `Pay ${total} another way` })}
              </div>
            ) : (
              <p className="mt-3 text-sm text-stone-700" data-testid="switch-waits">
                {findProvider(latest.provider)?.displayName ?? latest.provider} cannot close this payment early, so the
                order is never charged twice: finish it, or choose another way once it has expired
                {latest.nextActionType === "redirect" ? " or you have cancelled it on the payment page" : ""}.
              </p>
            )}
          </details>
        )}

        {order.status === "failed" && latest && (
          <div className="mt-4 space-y-4">
            <p role="alert" className="rounded-lg bg-red-50 p-4 text-red-900" data-testid="failure-reason">
              {latest.failureMessage ?? "The payment failed."}
              {latest.failureCode === "wallet_link_invalid" && (
                <>
                  {" "}
                  <Link href="/account#wallets" className="font-medium underline">
                    Link the wallet again
                  </Link>
                </>
              )}
            </p>
            {payAgainForm({ declined: { provider: latest.provider, method: latest.method } })}
          </div>
        )}

        {order.status === "paid" && (
          <p className="mt-4 text-stone-700">
            We have your payment of {total}. A confirmation goes to {order.email}.
          </p>
        )}
      </div>

      <div className="rounded-xl border border-stone-200 bg-white p-6">
        <h2 className="mb-3 font-medium">Items</h2>
        <ul className="divide-y divide-stone-100 text-sm">
          {items.map((item) => (
            <li key={item.id} className="flex justify-between py-2">
              <span>
                {item.name} × {item.quantity}
              </span>
              <span>{formatMoney(item.unitAmount * item.quantity, order.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 font-semibold">
          <span>Total</span>
          <span>{total}</span>
        </p>
        <p className="mt-4 text-sm text-stone-500">
          Ships to {order.name}, {order.addressLine}, {order.postalCode} {order.city}, {order.country}
        </p>
      </div>

      {attempts.length > 0 && (
        <div className="rounded-xl border border-stone-200 bg-white p-6">
          <h2 className="mb-3 font-medium">Payment attempts</h2>
          <ol className="space-y-2 text-sm">
            {attempts.map((payment, index) => (
              <li key={payment.id} className="flex flex-wrap justify-between gap-2" data-testid="payment-attempt">
                <span>
                  {index + 1}. {findProvider(payment.provider)?.displayName ?? payment.provider} · {payment.method}
                  {payment.cardLast4 ? ` · •••• ${payment.cardLast4}` : ""}
                </span>
                <span className="font-mono text-xs">{payment.status}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <Link href="/" className="inline-block text-sm text-brand-600 underline">
        Continue shopping
      </Link>
    </div>
  );
}
