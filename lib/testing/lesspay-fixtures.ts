// Test helpers that talk to the Lesspay emulator over HTTP, as the merchant would.
import { randomInt } from "node:crypto";
import { sign, verify } from "@/lib/emulators/lesspay/signature";

import { headerOf, jsonOf, startRecordingServer, type RecordedRequest } from "./recording-server";

export { sleep } from "./pingpayments-fixtures";
import { serverUrl } from "./server-url";
export { serverUrl } from "./server-url";

export const lesspayUrl = () => `${serverUrl()}/emulators/lesspay`;
export const LESSPAY_APP_ID = "lp_app_storefront_01";
export const LESSPAY_APP_SECRET = "emulator-lesspay-app-secret";

export type Json = Record<string, unknown>;

export interface CallOptions {
  appId?: string;
  secret?: string;
  /** Replace a header (null: leave it out). */
  timestamp?: string | null;
  signature?: string | null;
}

export interface LesspayAnswer {
  status: number;
  body: Json;
  code: unknown;
  data: Json;
}

/** POSTs a signed request to the emulator's pay API. */
export async function lesspayCall(
  action: "create-order" | "query-order",
  body: Json,
  options: CallOptions = {},
): Promise<LesspayAnswer> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "x-auth-appid": options.appId ?? LESSPAY_APP_ID,
  };
  const timestamp = options.timestamp === undefined ? String(Date.now()) : options.timestamp;
  if (timestamp !== null) headers["X-Auth-Timestamp"] = timestamp;
  const signature =
    options.signature === undefined ? sign(body, options.secret ?? LESSPAY_APP_SECRET) : options.signature;
  if (signature !== null) headers["x-auth-signature"] = signature;
  const response = await fetch(`${lesspayUrl()}/api/global/v1/pay/${action}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Json;
  return { status: response.status, body: parsed, code: parsed.code, data: (parsed.data ?? {}) as Json };
}

export const newRequestId = () =>
  `M${Date.now().toString().slice(-10)}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`.slice(0, 20);

export interface OrderOptions {
  requestId?: string;
  amount?: string;
  currency?: string;
  notifyUrl?: string;
  extra?: Json;
}

/** A cashier create-order body (pay_access_type 1). */
export function cashierBody(options: OrderOptions = {}): Json {
  return {
    request_id: options.requestId ?? newRequestId(),
    target_amount: options.amount ?? "100.00",
    target_currency: options.currency ?? "USD",
    transaction_type: "PAY_IN",
    way_type: "CARD_PAYMENT",
    api_version: "V2",
    pay_access_type: 1,
    notify_url: options.notifyUrl ?? "http://127.0.0.1:9/api/webhooks/lesspay",
    success_url: "http://localhost:9/checkout/lesspay/success",
    fail_url: "http://localhost:9/checkout/lesspay/fail",
    product_name: "Storefront order",
    description: "Test order",
    ...options.extra,
  };
}

export interface CardOptions extends OrderOptions {
  holderName?: string;
  store?: boolean;
  cvv?: string;
  expiryYear?: number;
}

/** An OpenAPI create-order body with a card (pay_access_type 2, extra_type card). */
export function cardBody(number: string, options: CardOptions = {}): Json {
  const card: Json = { number, expiry_month: 12, expiry_year: options.expiryYear ?? 2035, cvv: options.cvv ?? "123" };
  if (options.holderName !== undefined) card.holder_name = options.holderName;
  if (options.store !== undefined) card.store_for_future_use = options.store;
  return {
    ...cashierBody(options),
    pay_access_type: 2,
    channel_extra: { extra_type: "card", card_data: card },
    ...options.extra,
  };
}

/** An OpenAPI create-order body charging a stored card token. */
export function tokenBody(token: string, options: OrderOptions = {}): Json {
  return {
    ...cashierBody(options),
    pay_access_type: 2,
    channel_extra: { extra_type: "token", token_data: { token } },
    ...options.extra,
  };
}

/** Posts the cashier's card form as the payer's browser would; answers the 303. */
export async function postCashier(
  payOrderId: string,
  fields: { number: string; expiry?: string; cvc?: string; name?: string; save?: boolean },
) {
  const form = new URLSearchParams({
    number: fields.number,
    expiry: fields.expiry ?? "12/35",
    cvc: fields.cvc ?? "123",
    name: fields.name ?? "Test Payer",
  });
  if (fields.save) form.set("save", "on");
  const response = await fetch(`${lesspayUrl()}/cashier/${payOrderId}/submit`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}

/** Posts the 3DS page's form; answers the 303. */
export async function postChallenge(payOrderId: string, code: string) {
  const response = await fetch(`${lesspayUrl()}/3ds/${payOrderId}/submit`, {
    method: "POST",
    body: new URLSearchParams({ code }),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}

export interface CaughtCallback extends RecordedRequest {
  json: Json;
  /** Whether x-auth-signature verifies over the body's fields with the app secret. */
  verified: boolean;
}

/**
 * A merchant callback endpoint on loopback (path /api/webhooks/lesspay) that records every request
 * and answers with the scripted answers in turn (the last one repeats); default the text SUCCESS.
 */
export function startLesspayCatcher(answers: { status: number; body: string }[] = [{ status: 200, body: "SUCCESS" }]) {
  return startRecordingServer<CaughtCallback>({
    path: "/api/webhooks/lesspay",
    answers,
    contentType: "text/plain",
    noun: "callbacks",
    describe: (request) => {
      const json = jsonOf(request.body) as Json;
      const verified =
        headerOf(request, "x-auth-appid") === LESSPAY_APP_ID &&
        verify(json, LESSPAY_APP_SECRET, headerOf(request, "x-auth-signature"));
      return { ...request, json, verified };
    },
  });
}
