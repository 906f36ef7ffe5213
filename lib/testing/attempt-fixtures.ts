// Test helpers of the one-charge-per-order suite: start attempts as the shop does (its service in
// the test process, over HTTP to the test server's emulators), post "pay again" as the browser
// does, and act on the emulators' hosted pages (QR scan, 3DS code, PaymentIQ, Lesspay's cashier).
import { randomUUID } from "node:crypto";
import { findPayment, listPaymentsForOrder } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { startPayment, type StartPaymentInput } from "@/lib/payments/service";
import { isPaid } from "@/lib/payments/state";
import { chargesFor } from "./control-fixtures";
import { PINGPONG } from "@/lib/emulators/pingpong/proof-driver";
import { createTestOrder } from "./shop-fixtures";
import { actionId, postAction, redirectTarget, serverUrl } from "./web-fixtures";

export const CARDS = {
  approve: "4111111111111111",
  decline: "4000000000000002",
  challenge: "4000000000003220",
} as const;

/** The card-taking method of each provider, and the currency its tests pay in. */
export const CARD_METHOD: Record<string, { method: string; currency: string }> = {
  pingpayments: { method: "card", currency: "SEK" },
  pingpong: { method: "card", currency: "USD" },
  antom: { method: "card", currency: "EUR" },
  lesspay: { method: "card", currency: "USD" },
};

/** What the risk plugin gives the browser for PingPong's card form (its `complexInit`), over HTTP as the plugin asks. */
export async function pingPongRisk(
  cardNumber: string,
): Promise<{ requestId: string; jsGeneratedData: Record<string, unknown> }> {
  const requestId = `risk${randomUUID().replace(/-/g, "").slice(0, 24)}`;
  const answer = await fetch(`${serverUrl()}/emulators/pingpong/risk/v1/init`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accId: PINGPONG.accId, requestId, cardBin: cardNumber.slice(0, 6) }),
  });
  if (!answer.ok) throw new Error(`risk init: ${answer.status}`);
  return { requestId, ...((await answer.json()) as { jsGeneratedData: Record<string, unknown> }) };
}

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
  const risk = provider === "pingpong" && cardNumber ? await pingPongRisk(cardNumber) : undefined;
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

export function newOrder(provider: string, amount = 3900): string {
  return createTestOrder({ amount, currency: CARD_METHOD[provider].currency, name: "Race Tester" });
}

/** Polls the shop's payment until `predicate` holds. */
export async function paymentUntil(
  paymentId: string,
  predicate: (payment: Payment) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<Payment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const payment = findPayment(paymentId)!;
    if (predicate(payment)) return payment;
    if (Date.now() > deadline) throw new Error(`${what}: payment ${paymentId} is ${payment.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A guest order whose first attempt was declined (the state in which the shopper sees "Pay again"). */
export async function declinedOrder(provider: string): Promise<{ orderId: string; declined: Payment }> {
  const orderId = newOrder(provider);
  const { method } = CARD_METHOD[provider];
  if (provider === "pingpayments") {
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
    if (provider === "pingpong") {
      const risk = await pingPongRisk(options.cardNumber);
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
  const attempts = listPaymentsForOrder(orderId);
  let atProviders = 0;
  for (const attempt of attempts) {
    const charges = await chargesFor(attempt.provider, attempt.id);
    atProviders += charges.charges.filter((charge) => HELD[attempt.provider as string].has(charge.status)).length;
  }
  return { inShop: attempts.filter((attempt) => isPaid(attempt.status)), atProviders };
}

/** Each emulator's statuses of a payment that holds the payer's money (charged or authorized, not returned). */
const HELD: Record<string, Set<string>> = {
  pingpayments: new Set(["COMPLETED"]),
  pingpong: new Set(["SUCCESS"]),
  antom: new Set(["SUCCESS"]),
  lesspay: new Set(["2", "12"]),
};

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
 * The payer acts on the attempt's hosted page (by the provider's reference the shop holds): pays
 * the PaymentIQ page or Lesspay's cashier with `cardNumber`, scans PingPong's QR code, or
 * answers Antom's 3DS challenge with the passing code.
 */
export async function payOnHostedPage(payment: Payment, cardNumber: string = CARDS.approve): Promise<Response> {
  const ref = encodeURIComponent(payment.providerPaymentId ?? "");
  switch (payment.provider) {
    case "pingpayments":
      return postForm(`/emulators/pingpayments/paymentiq/checkout/${ref}/submit`, {
        cardholder: "Race Tester",
        cardNumber,
        expiry: "12/34",
        cvc: "737",
      });
    case "lesspay":
      return postForm(`/emulators/lesspay/cashier/${ref}/submit`, {
        name: "Race Tester",
        number: cardNumber,
        expiry: "12/34",
        cvc: "737",
      });
    case "pingpong":
      return postForm(`/emulators/pingpong/apm/${ref}/approve`, {});
    case "antom":
      return postForm(`/emulators/antom/3ds/${ref}/submit`, { code: "123456" });
    default:
      throw new Error(`no hosted page for ${payment.provider}`);
  }
}
