// Test helpers of the one-charge-per-order suite: start attempts as the shop does (its service in
// the test process, over HTTP to the test server's emulators), post "pay again" as the browser
// does, and act on the emulators' hosted pages (QR scan, 3DS code, PaymentIQ, Lesspay's cashier).
import { randomUUID } from "node:crypto";
import { findPayment, listPaymentsForOrder } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { startPayment, type StartPaymentInput } from "@/lib/payments/start-payment";
import { isPaid } from "@/lib/payments/state";
import { chargesFor } from "./control-fixtures";
import { DRIVERS } from "./proof-drivers";
import { createTestOrder } from "./shop-fixtures";
import { actionId, postAction, redirectTarget, serverUrl } from "./web-fixtures";

export const CARDS = {
  approve: "4111111111111111",
  decline: "4000000000000002",
  challenge: "4000000000003220",
} as const;

const card = (number: string) => ({
  number,
  expiryMonth: "12",
  expiryYear: "2034",
  cvc: "737",
  holderName: "Race Tester",
});

/** Starts an attempt of `orderId` with the shop's service (a card one, with what its provider needs from the browser). */
export async function startAttempt(
  orderId: string,
  provider: string,
  method: string,
  cardNumber?: string,
  extra: Partial<StartPaymentInput> = {},
): Promise<Payment> {
  const { browserRisk } = DRIVERS[provider];
  const risk = browserRisk && cardNumber ? await browserRisk(cardNumber) : undefined;
  return startPayment({
    orderId,
    provider,
    method,
    idempotencyKey: randomUUID(),
    card: cardNumber ? card(cardNumber) : undefined,
    risk,
    ...extra,
  });
}

export async function newOrder(provider: string, amount = 3900): Promise<string> {
  return await createTestOrder({ amount, currency: DRIVERS[provider].checkout.currency, name: "Race Tester" });
}

/** Polls the shop's payment until `predicate` holds. */
export async function paymentUntil(
  paymentId: string,
  predicate: (payment: Payment) => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<Payment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const payment = (await findPayment(paymentId))!;
    if (await predicate(payment)) return payment;
    if (Date.now() > deadline) throw new Error(`${what}: payment ${paymentId} is ${payment.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A guest order whose first attempt was declined (the state in which the shopper sees "Pay again"). */
export async function declinedOrder(provider: string): Promise<{ orderId: string; declined: Payment }> {
  const orderId = await newOrder(provider);
  const { method, cardInShop } = DRIVERS[provider].checkout;
  if (!cardInShop) {
    const started = await startAttempt(orderId, provider, method);
    await payOnHostedPage(started, CARDS.decline);
    return { orderId, declined: await paymentUntil(started.id, (p) => p.status === "failed", "the decline") };
  }
  const started = await startAttempt(orderId, provider, method, CARDS.decline);
  return { orderId, declined: await paymentUntil(started.id, (p) => p.status === "failed", "the decline") };
}

/** The order page's "Pay again" (or "Pay another way" with `replaceAttempt`) as the browser posts it. */
export async function postPayAgain(
  orderId: string,
  paymentMethod: string,
  options: { cardNumber?: string; replaceAttempt?: string } = {},
) {
  const [provider] = paymentMethod.split(":");
  const fields: Record<string, string> = { orderId, attemptToken: randomUUID(), paymentMethod };
  if (options.cardNumber) {
    Object.assign(fields, {
      cardNumber: options.cardNumber,
      cardExpiry: "12/34",
      cardCvc: "737",
      cardHolder: "Race Tester",
    });
    const { browserRisk } = DRIVERS[provider];
    if (browserRisk) {
      const risk = await browserRisk(options.cardNumber);
      Object.assign(fields, { riskRequestId: risk.requestId, jsGeneratedData: JSON.stringify(risk.jsGeneratedData) });
    }
  }
  if (options.replaceAttempt) fields.replaceAttempt = options.replaceAttempt;
  const answer = await postAction({
    page: `/orders/${orderId}`,
    id: actionId("app/(shop)/checkout/actions.ts", "payAgain"),
    fields,
    withState: true,
  });
  const text = await answer.text();
  return { status: answer.status, started: redirectTarget(answer) !== undefined, text };
}

/** The shopper's refusal while another attempt of the order is live (or it was paid meanwhile). */
export const REFUSED = /for this order is still (open|being processed|starting)|This order is already paid/;

/** The order's attempts that hold money in the shop, and the charges its provider holds for them. */
export async function moneyHeld(orderId: string): Promise<{ inShop: Payment[]; atProviders: number }> {
  const attempts = await listPaymentsForOrder(orderId);
  let atProviders = 0;
  for (const attempt of attempts) {
    const charges = await chargesFor(attempt.provider, attempt.id);
    const { holdsMoney } = DRIVERS[attempt.provider];
    atProviders += charges.charges.filter((charge) => holdsMoney.includes(charge.status)).length;
  }
  return { inShop: attempts.filter((attempt) => isPaid(attempt.status)), atProviders };
}

async function postForm(path: string, fields: Record<string, string>): Promise<Response> {
  const base = serverUrl();
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams(fields),
  });
}

/**
 * The payer acts on the attempt's hosted page (by the provider's reference the shop holds), as its
 * driver says: pays the page or cashier with `cardNumber` (declines with the declining card), scans
 * the QR code, or answers the 3DS challenge.
 */
export async function payOnHostedPage(payment: Payment, cardNumber: string = CARDS.approve): Promise<Response> {
  const { hostedPage } = DRIVERS[payment.provider];
  if (!hostedPage) throw new Error(`no hosted page for ${payment.provider}`);
  const form = hostedPage(payment.providerPaymentId ?? "", { cardNumber, approve: cardNumber !== CARDS.decline });
  return postForm(form.path, form.fields);
}
