// Test helpers that talk to the PingPongCheckout emulator over HTTP, as a merchant would.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { signFields, verifyFields } from "@/lib/emulators/pingpong/signature";

export { sleep, startCallbackCatcher } from "./pingpayments-fixtures";
import { serverUrl } from "./server-url";
export { serverUrl } from "./server-url";

export const pingpongUrl = () => `${serverUrl()}/emulators/pingpong`;

export const PINGPONG_MERCHANT = {
  accId: "2018092714313010016291",
  clientId: "2018092714313010016",
  salt: "emulator-pingpong-salt",
};

export type Json = Record<string, unknown>;

/** A signed request envelope around `biz` (bizContent sent as a JSON string). */
export function envelope(biz: Json | string, overrides: Json = {}, salt = PINGPONG_MERCHANT.salt): Json {
  const fields: Json = {
    accId: PINGPONG_MERCHANT.accId,
    clientId: PINGPONG_MERCHANT.clientId,
    signType: "SHA256",
    version: "1.0",
    bizContent: typeof biz === "string" ? biz : JSON.stringify(biz),
    ...overrides,
  };
  return { ...fields, sign: signFields(fields, salt, fields.signType === "MD5" ? "MD5" : "SHA256") };
}

export interface PingPongAnswer {
  status: number;
  body: Json;
  biz?: Json;
  /** Whether the answer's sign verifies with the merchant's salt. */
  verified: boolean;
}

/** POSTs a body (an envelope, or raw text) to an API path like "/v4/payment/unifiedPay". */
export async function pingpongApi(path: string, body: Json | string): Promise<PingPongAnswer> {
  const response = await fetch(`${pingpongUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as Json;
  return {
    status: response.status,
    body: json,
    biz: typeof json.bizContent === "string" ? (JSON.parse(json.bizContent) as Json) : undefined,
    verified: verifyFields(json, PINGPONG_MERCHANT.salt),
  };
}

/** Calls the risk plugin's init as complexInit does, and answers its jsGeneratedData. */
export async function riskInit(requestId: string, cardNumber = "4111111111111111", accId = PINGPONG_MERCHANT.accId) {
  const response = await fetch(`${pingpongUrl()}/risk/v1/init`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      accId,
      requestId,
      cardBin: cardNumber.slice(0, 6),
      cardExpireMonth: "12",
      cardExpireYear: "2035",
    }),
  });
  return { status: response.status, json: (await response.json()) as { jsGeneratedData?: Json; error?: string } };
}

export interface PayOptions {
  requestId?: string;
  merchantTransactionId?: string;
  amount?: string | number;
  currency?: string;
  notificationUrl?: string;
  closeNotificationUrl?: string;
  captureDelayHours?: number;
  holder?: string;
  email?: string;
  cvv?: string;
  extra?: Json;
}

export function cardBiz(card: string, options: PayOptions = {}, jsGeneratedData?: Json | null): Json {
  const requestId = options.requestId ?? `req-${randomUUID()}`;
  const [first, ...rest] = (options.holder ?? "Test Payer").split(" ");
  const biz: Json = {
    requestId,
    merchantTransactionId: options.merchantTransactionId ?? `order-${randomUUID()}`,
    amount: options.amount ?? "100.00",
    currency: options.currency ?? "USD",
    notificationUrl: options.notificationUrl ?? "http://127.0.0.1:9/notify",
    payResultUrl: "http://localhost:9/result",
    captureDelayHours: options.captureDelayHours ?? 0,
    merchantUserId: "user-1",
    shopperIP: "127.0.0.1",
    customer: { email: options.email ?? "shopper@example.com" },
    device: { orderTerminal: "01" },
    browserInfo: { language: "en-US", javaScriptEnabled: true },
    paymentMethod: {
      type: "scheme",
      cardInfo: {
        number: card,
        holderFirstName: first,
        holderLastName: rest.join(" ") || "Payer",
        expireMonth: "12",
        expireYear: "2035",
        cvv: options.cvv ?? "123",
      },
    },
    ...options.extra,
  };
  if (jsGeneratedData !== null) biz.jsGeneratedData = jsGeneratedData;
  return biz;
}

/** Risk init (same requestId) then unifiedPay with a card: what the shop's checkout does. */
export async function payByCard(card: string, options: PayOptions = {}) {
  const requestId = options.requestId ?? `req-${randomUUID()}`;
  const init = await riskInit(requestId, card);
  if (init.status !== 200) throw new Error(`risk init: ${init.status} ${JSON.stringify(init.json)}`);
  const biz = cardBiz(card, { ...options, requestId }, init.json.jsGeneratedData!);
  return { biz, answer: await pingpongApi("/v4/payment/unifiedPay", envelope(biz)) };
}

export function apmBiz(type: "AlipayHK" | "WeChatPay" | "Alipay", options: PayOptions = {}): Json {
  return {
    requestId: options.requestId ?? `req-${randomUUID()}`,
    merchantTransactionId: options.merchantTransactionId ?? `order-${randomUUID()}`,
    amount: options.amount ?? "88.50",
    currency: options.currency ?? "HKD",
    notificationUrl: options.notificationUrl ?? "http://127.0.0.1:9/notify",
    payResultUrl: "http://localhost:9/result",
    payCancelUrl: "http://localhost:9/cancel",
    ...(options.closeNotificationUrl ? { closeNotificationUrl: options.closeNotificationUrl } : {}),
    customer: { email: options.email ?? "shopper@example.com" },
    device: { orderTerminal: "01" },
    paymentMethod: { type },
    ...options.extra,
  };
}

export async function payByApm(type: "AlipayHK" | "WeChatPay" | "Alipay", options: PayOptions = {}) {
  const biz = apmBiz(type, options);
  return { biz, answer: await pingpongApi("/v4/payment/unifiedPay", envelope(biz)) };
}

/** Posts a hosted page's form (3DS submit, wallet approve/cancel/expire) as a browser; answers the 303. */
export async function postForm(path: string, fields: Record<string, string> = {}) {
  const response = await fetch(`${pingpongUrl()}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location") };
}

/** Parses a caught notification: its envelope, bizContent, and whether its sign verifies. */
export function parseNotification(body: string) {
  const envelopeJson = JSON.parse(body) as Json;
  return {
    envelope: envelopeJson,
    biz: JSON.parse(envelopeJson.bizContent as string) as Json,
    verified: verifyFields(envelopeJson, PINGPONG_MERCHANT.salt),
  };
}

// ---------------------------------------------------------------------------------------------
// One-click (CodeGrant) wallets

export interface BindOptions {
  requestId?: string;
  merchantUserId?: string;
  type?: string;
  merchantResultUrl?: string;
  notificationUrl?: string;
  extra?: Json;
}

export function bindBiz(options: BindOptions = {}): Json {
  return {
    requestId: options.requestId ?? `bind-${randomUUID()}`,
    merchantUserId: options.merchantUserId ?? `user-${randomUUID().slice(0, 8)}`,
    paymentMethod: { type: options.type ?? "GCash" },
    merchantResultUrl: options.merchantResultUrl ?? "http://localhost:9/wallet-linked",
    notificationUrl: options.notificationUrl ?? "http://127.0.0.1:9/notify",
    device: { orderTerminal: "01" },
    bizType: "CodeGrant",
    ...options.extra,
  };
}

/** Calls /v4/paymethod/bind; answers the bind's fields and the answer. */
export async function bindWallet(options: BindOptions = {}) {
  const biz = bindBiz(options);
  return { biz, answer: await pingpongApi("/v4/paymethod/bind", envelope(biz)) };
}

/** One row of the emulator's database, read-only: what the emulator kept, as a test checks it. */
function emulatorRow<T>(query: string, parameter: string): T | undefined {
  const file = resolve(process.cwd(), process.env.EMULATOR_DATABASE_PATH ?? "data/test-integration/emulators.sqlite");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(query).get(parameter) as T | undefined;
  } finally {
    sqlite.close();
  }
}

/**
 * The token the emulator made for a bind's requestId, read from its database: the bind answer
 * leaves it out (it comes with the signing notification), and a test without a catcher still
 * needs it.
 */
export function tokenOfBind(requestId: unknown): string {
  const row = emulatorRow<{ token: string }>(
    "SELECT token FROM pingpong_wallet_tokens WHERE request_id = ? AND flow = 'sign'",
    String(requestId),
  );
  if (!row) throw new Error(`no signing for requestId ${String(requestId)}`);
  return row.token;
}

/** A wallet token's status at the emulator (PENDING, ACTIVE, REVOKED, DECLINED), undefined for a token it never made. */
export function walletTokenStatus(token: string): string | undefined {
  return emulatorRow<{ status: string }>("SELECT status FROM pingpong_wallet_tokens WHERE token = ?", token)?.status;
}

/** The signing page's path under the emulator (for postForm) from a bind answer's authUrl. */
export function signingPath(authUrl: unknown): string {
  return new URL(String(authUrl)).pathname.replace(/^\/emulators\/pingpong/, "");
}

/** Binds, then answers the wallet's signing page (agree or decline) as the shopper's browser. */
export async function signWallet(agree: boolean, options: BindOptions = {}) {
  const { biz, answer } = await bindWallet(options);
  const token = tokenOfBind(biz.requestId);
  const step = await postForm(`${signingPath(answer.biz!.authUrl)}/${agree ? "agree" : "decline"}`);
  return { biz, token, answer, step };
}

export function tokenPayBiz(token: string, merchantUserId: string, options: PayOptions & { type?: string } = {}): Json {
  return {
    requestId: options.requestId ?? `req-${randomUUID()}`,
    merchantTransactionId: options.merchantTransactionId ?? `order-${randomUUID()}`,
    amount: options.amount ?? "42.00",
    currency: options.currency ?? "PHP",
    notificationUrl: options.notificationUrl ?? "http://127.0.0.1:9/notify",
    payResultUrl: "http://localhost:9/result",
    token,
    bizType: "CodeGrant",
    merchantUserId,
    paymentMethod: { type: options.type ?? "GCash" },
    customer: { email: options.email ?? "shopper@example.com" },
    device: { orderTerminal: "01" },
    ...options.extra,
  };
}

/** unifiedPay with a one-click token. */
export async function payWithToken(
  token: string,
  merchantUserId: string,
  options: PayOptions & { type?: string } = {},
) {
  const biz = tokenPayBiz(token, merchantUserId, options);
  return { biz, answer: await pingpongApi("/v4/payment/unifiedPay", envelope(biz)) };
}
