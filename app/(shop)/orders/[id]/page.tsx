import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/payment/order-status-badge";
import { OrderStatusPoller } from "@/components/payment/order-status-poller";
import { PayAgainForm } from "@/components/payment/pay-again-form";
import { autofillUrls, browserExtensions, providerNames, savedCardsFor } from "@/lib/checkout-config";
import { settings } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { loadOrderForViewer } from "@/lib/order-view";
import { findMethod, findProvider, paymentMethodsFor } from "@/lib/payments/registry";
import { QrPayment } from "@/components/payment/qr-payment";
import { findProductsByIds } from "@/lib/db/queries/products";
import { orderNumberOf } from "@/lib/order-number";
import { orderHeadlineOf } from "@/lib/order-state";
import { attemptStatusOf, endingOf, openStepOf, shopperMethodLabel, wasCanceled } from "@/lib/payments/shopper-words";

export async function generateMetadata() {
  return { title: (await getTranslations("OrderPage"))("title") };
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadOrderForViewer(id);
  if (!view) notFound();
  const { order, items, attempts, latest } = view;
  const [locale, t, tAttempt] = await Promise.all([
    getLocale(),
    getTranslations("OrderPage"),
    getTranslations("PaymentAttempt"),
  ]);
  const total = formatMoney(order.totalAmount, order.currency, locale);
  const itemNames = await itemNamesIn(locale, items, order.currency);
  const lastAttemptCanceled = Boolean(latest && wasCanceled(latest));
  const openStep = latest ? openStepOf(latest) : null;
  // An open attempt the shop can close at its provider first, so a second way to pay never charges twice.
  const canSwitch = Boolean(latest && findProvider(latest.provider)?.closeOpenAttempt);
  const ending = latest && order.status === "failed" ? endingOf(latest, providerWords()) : null;
  /** Another payment for the order (a fresh attempt token each), with what the shop offers in its currency. */
  const savedCards = await savedCardsFor(order.userId);
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
      savedCards={savedCards}
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
              {t("orderNumber", { number: orderNumberOf(order.id) })}
            </p>
            <h1 className="text-2xl font-semibold">
              {t(`headline.${orderHeadlineOf(view.state, lastAttemptCanceled)}`)}
            </h1>
          </div>
          <OrderStatusBadge
            state={order.status === "failed" && lastAttemptCanceled ? "payment_canceled" : view.state}
          />
        </div>

        {order.status === "pending" && (
          <div className="mt-4 rounded-lg bg-amber-50 p-4 text-sm text-amber-950">
            {view.waitingFor && (
              <p data-testid="waiting-for">
                {view.waitingFor.key === "scanQr"
                  ? t("waiting.scanQr", { method: view.waitingFor.method })
                  : t(`waiting.${view.waitingFor.key}`)}
              </p>
            )}
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
                  {openStep === "bank" ? t("returnToBank") : t("returnToPaymentPage")}
                </a>
                {canSwitch && (
                  <a href="#pay-another-way" className="rounded-md border border-stone-400 px-4 py-2 font-medium">
                    {t("payAnotherWay")}
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
            <summary className="cursor-pointer font-medium">{t("payAnotherWay")}</summary>
            {canSwitch ? (
              <div className="mt-4 space-y-3">
                <p className="text-sm text-stone-700">{t("closedFirst")}</p>
                {payAgainForm({ replaceAttempt: latest.id, buttonLabel: t("payAnotherWayButton", { total }) })}
              </div>
            ) : (
              <p className="mt-3 text-sm text-stone-700" data-testid="switch-waits">
                {t("cannotCloseEarly", { redirect: latest.nextActionType === "redirect" ? "yes" : "no" })}
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
              {ending.key === "providerMessage"
                ? tAttempt("ending.providerMessage", { message: ending.message })
                : tAttempt(`ending.${ending.key}`)}
              {latest.failureCode === "wallet_link_invalid" && (
                <>
                  {" "}
                  <Link href="/account#wallets" className="font-medium underline">
                    {t("linkWalletAgain")}
                  </Link>
                </>
              )}
            </p>
            {payAgainForm({ declined: { provider: latest.provider, method: latest.method } })}
          </div>
        )}

        {order.status === "paid" && (
          <p className="mt-4 text-stone-700" data-testid="paid-note">
            {t(`paidNote.${view.state === "to_capture" || view.state === "capture_pending" ? view.state : "paid"}`, {
              total,
              email: order.email,
            })}
          </p>
        )}
      </div>

      <div className="rounded-xl border border-stone-200 bg-white p-6">
        <h2 className="mb-3 font-medium">{t("items")}</h2>
        <ul className="divide-y divide-stone-100 text-sm">
          {items.map((item) => (
            <li key={item.id} className="flex justify-between py-2">
              <span>
                {t("itemLine", { name: itemNames.get(item.productId) ?? item.name, quantity: item.quantity })}
              </span>
              <span>{formatMoney(item.unitAmount * item.quantity, order.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 font-semibold">
          <span>{t("total")}</span>
          <span>{total}</span>
        </p>
        <p className="mt-4 text-sm text-stone-500">
          {t("shipsTo", {
            name: order.name,
            addressLine: order.addressLine,
            postalCode: order.postalCode,
            city: order.city,
            country: order.country,
          })}
        </p>
      </div>

      {attempts.length > 0 && (
        <div className="rounded-xl border border-stone-200 bg-white p-6">
          <h2 className="mb-3 font-medium">{t("attempts")}</h2>
          <ol className="space-y-2 text-sm">
            {attempts.map((payment, index) => (
              <li key={payment.id} className="flex flex-wrap justify-between gap-2" data-testid="payment-attempt">
                <span>
                  {index + 1}. {shopperMethodLabel(payment) ?? tAttempt("card")}
                  {payment.cardLast4 ? tAttempt("cardEnding", { last4: payment.cardLast4 }) : ""}
                </span>
                <span className="text-stone-600" data-testid="payment-attempt-status">
                  {tAttempt(`status.${attemptStatusOf(payment)}`)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <Link href="/" className="inline-block text-sm text-brand-600 underline">
        {t("continueShopping")}
      </Link>
    </div>
  );
}

/**
 * The items' names in the shopper's language, by product (the catalogue's translation where it has
 * one). English reads the names as they were ordered.
 */
async function itemNamesIn(
  locale: string,
  items: readonly { productId: string }[],
  currency: string,
): Promise<Map<string, string>> {
  if (locale === "en") return new Map();
  const products = await findProductsByIds(
    items.map((item) => item.productId),
    currency,
    locale,
  );
  return new Map(products.map((product) => [product.id, product.name]));
}

/** Provider names and ids: a failure text that names one is not shown to the shopper as it is. */
function providerWords(): string[] {
  const names = providerNames();
  return [...Object.keys(names), ...Object.values(names), "PaymentIQ"];
}
