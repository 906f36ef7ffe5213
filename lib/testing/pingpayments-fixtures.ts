// Test helpers that talk to the Ping Payments emulator over HTTP, as a merchant would.
import { startRecordingServer, type RecordedRequest } from "./recording-server";
import { serverUrl } from "./server-url";
export { serverUrl } from "./server-url";

export const pingApiUrl = () => `${serverUrl()}/emulators/pingpayments/api/v1`;

export const EMULATOR_TENANT = {
  tenant_id: "1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10",
  "x-api-secret": "emulator-pingpayments-secret",
};
/** The split tree and the merchant the emulator's tenant has (lib/emulators/pingpayments/config.ts). */
export const EMULATOR_SPLIT_TREE_ID = "7d3e2a91-8c4b-4e5f-a6d7-0b1c2d3e4f50";
export const EMULATOR_MERCHANT_ID = "c0ffee00-1234-4abc-8def-0123456789ab";

export async function pingApi(
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
  headers: Record<string, string> = EMULATOR_TENANT,
) {
  const response = await fetch(`${pingApiUrl()}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

export function paymentBody(overrides: Record<string, unknown> = {}) {
  return {
    currency: "SEK",
    total_amount: 2500,
    method: "card",
    provider: "payment_iq",
    order_items: [
      { amount: 1500, name: "Mug", merchant_id: EMULATOR_MERCHANT_ID, vat_rate: 25 },
      { amount: 1000, name: "Socks", merchant_id: EMULATOR_MERCHANT_ID, vat_rate: 25 },
    ],
    payer: { name: "Test Payer" },
    provider_method_parameters: { success_url: "http://localhost:9/success", error_url: "http://localhost:9/error" },
    ...overrides,
  };
}

/** Creates a payment order and a payment in it; returns both ids and the pay_url. */
/** The HTTP status of a payment created in a new payment order (its answer may be a forced fault's, not JSON). */
export async function paymentAnswerStatus(
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
  const answer = await fetch(`${pingApiUrl()}/payment_orders/${order.json!.id as string}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", ...EMULATOR_TENANT, ...headers },
    body: JSON.stringify(paymentBody(overrides)),
  });
  await answer.arrayBuffer();
  return answer.status;
}

export async function createEmulatorPayment(overrides: Record<string, unknown> = {}) {
  const currency = (overrides.currency as string) ?? "SEK";
  const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency });
  if (order.status !== 200) throw new Error(`payment order: ${order.status} ${JSON.stringify(order.json)}`);
  const orderId = order.json!.id as string;
  const payment = await pingApi("POST", `/payment_orders/${orderId}/payments`, paymentBody(overrides));
  if (payment.status !== 200) throw new Error(`payment: ${payment.status} ${JSON.stringify(payment.json)}`);
  const payUrl = (payment.json!.provider_method_response as { pay_url: string }).pay_url;
  return { paymentOrderId: orderId, paymentId: payment.json!.id as string, payUrl };
}

/** Posts the PaymentIQ card form as the payer's browser would; answers the 303's Location. */
export async function payOnPaymentIq(
  paymentId: string,
  card: { number: string; cardholder?: string; expiry?: string; cvc?: string },
) {
  const form = new URLSearchParams({
    cardholder: card.cardholder ?? "Test Payer",
    cardNumber: card.number,
    expiry: card.expiry ?? "12/35",
    cvc: card.cvc ?? "123",
  });
  const response = await fetch(`${serverUrl()}/emulators/pingpayments/paymentiq/checkout/${paymentId}/submit`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}

export type CaughtRequest = RecordedRequest;

/**
 * A merchant endpoint on loopback that records every request and answers with the scripted
 * statuses in turn (the last one repeats).
 */
export function startCallbackCatcher(statuses: number[] = [200]) {
  return startRecordingServer({
    path: "/callback",
    answers: statuses.map((status) => ({ status })),
    noun: "callbacks",
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
