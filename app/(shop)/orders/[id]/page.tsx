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
import type { Payment } from "@/lib/db/schema";
import { orderNumberOf } from "@/lib/order-number";
import type { OrderState } from "@/lib/order-state";
import {
  attemptStatusWords,
  endingWords,
  openStepOf,
  shopperMethodLabel,
  wasCanceled,
} from "@/lib/payments/shopper-words";

export const metadata = { title: "Your order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadOrderForViewer(id);
  if (!view) notFound();
  const { order, items, attempts, latest } = view;
  const total = formatMoney(order.totalAmount, order.currency);
  const openStep = latest ? openStepOf(latest) : null;
  // An open attempt the shop can close at its provider first, so a second way to pay never charges twice.
  const canSwitch = Boolean(latest && findProvider(latest.provider)?.closeOpenAttempt);
  const ending = latest && order.status === "failed" ? endingWords(latest, providerWords()) : null;
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
            <p className="text-sm text-stone-500" data-testid="order-number">
              Order No. {orderNumberOf(order.id)}
            </p>
            <h1 className="text-2xl font-semibold">{headlineOf(view.state, latest)}</h1>
          </div>
          <OrderStatusBadge
            state={order.status === "failed" && latest && wasCanceled(latest) ? "payment_canceled" : view.state}
          />
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
            {openStep && openStep !== "qr" && latest?.nextActionUrl && (
              <div className="mt-3 flex flex-wrap items-center gap-3" data-testid="open-step-actions">
                <a
                  href={latest.nextActionUrl}
                  className="rounded-md bg-stone-900 px-4 py-2 font-medium text-white no-underline"
                >
                  {openStep === "bank" ? "Return to the bank page" : "Return to the payment page"}
                </a>
                {canSwitch && (
                  <a href="#pay-another-way" className="rounded-md border border-stone-400 px-4 py-2 font-medium">
                    Pay another way
                  </a>
                )}
              </div>
            )}
            <OrderStatusPoller
              orderId={order.id}
              fingerprint={`${order.status}:${latest?.status ?? "none"}`}
              intervalMs={settings().PAYMENT_PENDING_POLL_MS}
            />
          </div>
        )}

        {order.status === "pending" && latest?.status === "requires_action" && (
          <details
            id="pay-another-way"
            className="mt-4 rounded-lg border border-stone-200 p-4 target:border-stone-500"
            data-testid="pay-another-way"
            open={openStep === "bank" && canSwitch ? true : undefined}
          >
            <summary className="cursor-pointer font-medium">Pay another way</summary>
            {canSwitch ? (
              <div className="mt-4 space-y-3">
                <p className="text-sm text-stone-700">
                  Your open payment is closed first, so the order is only charged once.
                </p>
                {payAgainForm({ replaceAttempt: latest.id, buttonLabel: `Pay ${total} another way` })}
              </div>
            ) : (
              <p className="mt-3 text-sm text-stone-700" data-testid="switch-waits">
                We cannot close this payment early, so the order is never charged twice: finish it, or choose another
                way once it has expired
                {latest.nextActionType === "redirect" ? " or you have canceled it on the payment page" : ""}.
              </p>
            )}
          </details>
        )}

        {order.status === "failed" && latest && ending && (
          <div className="mt-4 space-y-4">
            <p
              role={ending.tone === "failure" ? "alert" : "status"}
              className={`rounded-lg p-4 ${ending.tone === "failure" ? "bg-red-50 text-red-900" : "bg-stone-100 text-stone-800"}`}
              data-testid="failure-reason"
              data-tone={ending.tone}
            >
              {ending.text}
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
          <p className="mt-4 text-stone-700" data-testid="paid-note">
            {view.state === "to_capture"
              ? `Your order is confirmed. You'll be charged ${total} when it ships; nothing has been charged yet. A confirmation goes to ${order.email}.`
              : view.state === "capture_pending"
                ? `Your order is confirmed. The charge of ${total} completes shortly. A confirmation goes to ${order.email}.`
                : `We have your payment of ${total}. A confirmation goes to ${order.email}.`}
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
                  {index + 1}. {shopperMethodLabel(payment)}
                  {payment.cardLast4 ? ` · •••• ${payment.cardLast4}` : ""}
                </span>
                <span className="text-stone-600" data-testid="payment-attempt-status">
                  {attemptStatusWords(payment)}
                </span>
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

/** The page's headline for the order as it stands. */
function headlineOf(state: OrderState, latest: Payment | undefined): string {
  switch (state) {
    case "paid":
      return "Thank you, your order is paid";
    case "to_capture":
    case "capture_pending":
      return "Thank you, your order is confirmed";
    case "failed":
      return latest && wasCanceled(latest) ? "The payment was canceled" : "The payment did not go through";
    case "canceled":
      return "Your order is canceled";
    case "refunded":
      return "Your order was refunded";
    case "pending":
      return "Your order";
  }
}

/** Provider names and ids: a failure text that names one is not shown to the shopper as it is. */
function providerWords(): string[] {
  const names = providerNames();
  return [...Object.keys(names), ...Object.values(names), "PaymentIQ"];
}
