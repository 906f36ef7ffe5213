// Signed notifications to the shop's /api/webhooks/<provider>, the same for every provider, for
// the proof suites (authenticity, exactly-once, money-integrity). Each driver makes a shop
// payment and the provider's notification of an outcome for it, signed as that provider signs.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { antomKey } from "@/lib/providers/antom/dev-keys";
import { findPayment, insertPaymentOnce } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import type { Payment, PaymentStatus } from "@/lib/db/schema";
import { insertPayment, insertPaymentOrder, movePayment, type PingStatus } from "@/lib/emulators/pingpayments/store";
import { newPaymentId } from "@/lib/ids";
import { toDecimalString } from "@/lib/money";
import { antomSign, antomSignatureHeader } from "@/lib/providers/antom/signature";
import { lesspaySign } from "@/lib/providers/lesspay/signature";
import { pingPongSign } from "@/lib/providers/pingpong/signature";
import { openSqlite } from "@/lib/sqlite";
import {
  EMULATOR_MERCHANT_ID,
  EMULATOR_SPLIT_TREE_ID,
  EMULATOR_TENANT,
  pingApi,
  serverUrl,
} from "./pingpayments-fixtures";
import { createTestOrder } from "./shop-fixtures";

export type ProviderName = "pingpayments" | "pingpong" | "antom" | "lesspay";
export const PROVIDERS: readonly ProviderName[] = ["pingpayments", "pingpong", "antom", "lesspay"];

// The shop's default credentials (the test server runs with none set), and the provider's side.
export const PINGPONG = {
  accId: "2018092714313010016291",
  clientId: "2018092714313010016",
  salt: "emulator-pingpong-salt",
};
export const ANTOM = {
  clientId: "SANDBOX_2026STOREFRONT01",
  path: "/api/webhooks/antom",
  antomPrivateKey: () => antomKey("antomPrivate", "EMULATOR_ANTOM_PRIVATE_KEY"),
};
export const LESSPAY = { appId: "lp_app_storefront_01", secret: "emulator-lesspay-app-secret" };

export interface Money {
  amount: number;
  currency: string;
}

/** A shop payment under test, with the provider's reference for it. */
export interface TestPayment extends Money {
  id: string;
  orderId: string;
  provider: ProviderName;
  /** The provider's id of the payment (in its notifications, whether or not the shop has it yet). */
  ref: string;
  /** Ping Payments: the payment order holding it at the emulator. */
  paymentOrderId?: string;
}

/** An outcome a notification reports. */
export type Outcome = "processing" | "succeeded" | "failed" | "refunded" | "canceled" | "expired" | "captured";

export interface NotificationRequest {
  headers: Record<string, string>;
  body: string;
}

export interface CreateOptions extends Money {
  /** Where the shop's payment stands when the notification comes (default requires_action). */
  status?: PaymentStatus;
  captureMode?: "automatic" | "manual";
  /**
   * Whether the shop already has the provider's reference. Without it the notification finds the
   * payment by our own id, and the background reconciliation (which only asks about payments with
   * a reference) never touches it: tests that count rows stay exact.
   */
  withRef?: boolean;
  /** Ping Payments: what the emulator's payment says (default the same money). */
  remote?: Money;
}

export interface Driver {
  provider: ProviderName;
  /** Outcomes this provider notifies. */
  outcomes: readonly Outcome[];
  create(options: CreateOptions): Promise<TestPayment>;
  /** The provider's notification that `payment` reached `outcome`, reporting `money` (default the payment's). */
  notification(payment: TestPayment, outcome: Outcome, money?: Partial<Money>): Promise<NotificationRequest>;
  /** Asserts nothing; answers whether a response is the provider's exact acknowledgement. */
  isAck(response: { status: number; text: string }): boolean;
}

export async function post(provider: string, request: NotificationRequest): Promise<{ status: number; text: string }> {
  const response = await fetch(`${serverUrl()}/api/webhooks/${provider}`, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** A shop order and payment for `provider`, moved to `status` as if the provider had answered. */
function shopPayment(
  provider: ProviderName,
  ref: string,
  options: CreateOptions,
  providerData?: Record<string, string>,
): TestPayment {
  const orderId = createTestOrder(options);
  const { payment } = insertPaymentOnce({
    id: newPaymentId(),
    orderId,
    provider,
    method: "card",
    idempotencyKey: randomUUID(),
    amount: options.amount,
    currency: options.currency,
    captureMode: options.captureMode ?? "automatic",
  });
  const status = options.status ?? "requires_action";
  if (status !== "created") {
    transitionPayment(
      payment.id,
      status,
      {
        providerPaymentId: options.withRef ? ref : null,
        providerData,
        nextActionType: status === "requires_action" ? "redirect" : "none",
        nextActionUrl: status === "requires_action" ? "https://provider.example/pay" : null,
      },
      { provider, summary: "test set-up" },
    );
  }
  return { id: payment.id, orderId, provider, ref, amount: options.amount, currency: options.currency };
}

const uniqueDigits = () => `${Date.now()}${Math.floor(Math.random() * 1e9)}`;

/** PingPong's amounts: decimal strings with six decimals ("19.990000", JPY "1500.000000", KWD "12.345000"). */
export function pingPongAmount(amount: number, currency: string): string {
  const [whole, fraction = ""] = toDecimalString(amount, currency).split(".");
  return `${whole}.${fraction.padEnd(6, "0")}`;
}

export function pingPongEnvelope(
  biz: Record<string, unknown>,
  options: { salt?: string; accId?: string; clientId?: string; code?: string } = {},
): Record<string, unknown> {
  const unsigned = {
    accId: options.accId ?? PINGPONG.accId,
    clientId: options.clientId ?? PINGPONG.clientId,
    signType: "SHA256",
    version: "1.0",
    code: options.code ?? "000000",
    description: options.code && options.code !== "000000" ? "declined" : "success",
    bizContent: JSON.stringify(biz),
  };
  return { ...unsigned, sign: pingPongSign(unsigned, options.salt ?? PINGPONG.salt) };
}

/** PingPong's wallet binding notification (seed 001's SIGN or UNBIND) for `token`, signed as PingPong signs. */
export function pingPongWalletNotification(
  token: string,
  merchantUserId: string,
  notifyType: "SIGN" | "UNBIND" = "SIGN",
): Record<string, unknown> {
  return pingPongEnvelope({
    notifyType,
    requestId: "bind-1",
    merchantUserId,
    token,
    paymentMethod: { type: "AlipayHK" },
    status: "SUCCESS",
  });
}

export const pingpong: Driver = {
  provider: "pingpong",
  outcomes: ["processing", "succeeded", "failed", "refunded", "canceled", "expired"],
  async create(options) {
    return shopPayment("pingpong", `TX${uniqueDigits()}`, options);
  },
  async notification(payment, outcome, money = {}) {
    const currency = money.currency ?? payment.currency;
    const amount = pingPongAmount(money.amount ?? payment.amount, currency);
    const base = { merchantTransactionId: payment.id, transactionId: payment.ref, amount, currency };
    const biz: Record<string, unknown> = {
      processing: { ...base, notifyType: "PAYMENT", status: "PROCESSING" },
      succeeded: { ...base, notifyType: "PAYMENT", status: "SUCCESS", captureDelayHours: 0 },
      failed: { ...base, notifyType: "PAYMENT", status: "FAILED" },
      refunded: {
        ...base,
        notifyType: "REFUND",
        status: "SUCCESS",
        refundId: `RF-${payment.ref}`,
        refundAmount: amount,
      },
      canceled: { ...base, notifyType: "VOID", status: "SUCCESS", voidId: `VD-${payment.ref}` },
      expired: { ...base, notifyType: "CLOSE", status: "CLOSED" },
      captured: undefined,
    }[outcome] as Record<string, unknown>;
    if (!biz) throw new Error(`PingPong notifies no ${outcome}`);
    return {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(pingPongEnvelope(biz, { code: outcome === "failed" ? "301002" : "000000" })),
    };
  },
  isAck: (response) => response.status === 200,
};

/** Signs an Antom notification body as Antom does (its private key, over our path and the client id). */
export function antomRequest(
  body: string,
  options: { clientId?: string; key?: string; path?: string; time?: string } = {},
): NotificationRequest {
  const clientId = options.clientId ?? ANTOM.clientId;
  const time = options.time ?? String(Date.now());
  const signature = antomSign(
    { path: options.path ?? ANTOM.path, clientId, time, body },
    options.key ?? ANTOM.antomPrivateKey(),
  );
  return {
    headers: {
      "content-type": "application/json",
      "client-id": clientId,
      "request-time": time,
      signature: antomSignatureHeader(signature),
    },
    body,
  };
}

const ANTOM_ACK_TEXT = JSON.stringify({
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
});

export function antomPayload(
  payment: TestPayment,
  outcome: Outcome,
  money: Partial<Money> = {},
): Record<string, unknown> {
  const paymentAmount = { currency: money.currency ?? payment.currency, value: String(money.amount ?? payment.amount) };
  const ok = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };
  const base = {
    paymentRequestId: payment.id,
    paymentId: payment.ref,
    paymentAmount,
    paymentCreateTime: "2026-11-24T10:00:00Z",
    paymentTime: "2026-11-24T10:00:05Z",
  };
  switch (outcome) {
    case "processing":
      return {
        ...base,
        notifyType: "PAYMENT_PENDING",
        result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "in process" },
      };
    case "succeeded":
      return { ...base, notifyType: "PAYMENT_RESULT", result: ok };
    case "failed":
      return {
        ...base,
        notifyType: "PAYMENT_RESULT",
        result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F", resultMessage: "Insufficient funds" },
      };
    case "refunded":
      return {
        notifyType: "REFUND_RESULT",
        result: ok,
        paymentId: payment.ref,
        refundId: `RF-${payment.ref}`,
        refundAmount: paymentAmount,
      };
    case "captured":
      return {
        notifyType: "CAPTURE_RESULT",
        result: ok,
        paymentId: payment.ref,
        captureId: `CP-${payment.ref}`,
        captureAmount: paymentAmount,
      };
    default:
      throw new Error(`Antom notifies no ${outcome}`);
  }
}

export const antom: Driver = {
  provider: "antom",
  outcomes: ["processing", "succeeded", "failed", "refunded", "captured"],
  async create(options) {
    return shopPayment("antom", `2026${uniqueDigits()}`, options);
  },
  async notification(payment, outcome, money) {
    return antomRequest(JSON.stringify(antomPayload(payment, outcome, money)));
  },
  isAck: (response) => response.status === 200 && response.text === ANTOM_ACK_TEXT,
};

export function lesspayRequest(
  body: Record<string, unknown>,
  options: { appId?: string | null; secret?: string; signature?: string | null } = {},
): NotificationRequest {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "X-Auth-Timestamp": String(Date.now()),
  };
  const appId = options.appId === undefined ? LESSPAY.appId : options.appId;
  if (appId !== null) headers["x-auth-appid"] = appId;
  const signature =
    options.signature === undefined ? lesspaySign(body, options.secret ?? LESSPAY.secret) : options.signature;
  if (signature !== null) headers["x-auth-signature"] = signature;
  return { headers, body: JSON.stringify(body) };
}

const LESSPAY_STATUS: Partial<Record<Outcome, [number, string]>> = {
  processing: [1, "PENDING_PAY"],
  succeeded: [2, "SUCCEED"],
  failed: [3, "FAILED"],
  refunded: [5, "REFUND"],
  expired: [6, "CLOSED"],
};

export function lesspayPayload(
  payment: TestPayment,
  outcome: Outcome,
  money: Partial<Money> = {},
): Record<string, unknown> {
  const status = LESSPAY_STATUS[outcome];
  if (!status) throw new Error(`Lesspay notifies no ${outcome}`);
  const currency = money.currency ?? payment.currency;
  return {
    api_version: "V2",
    order_status: status[1],
    order_status_int: status[0],
    pay_order_id: payment.ref,
    request_id: payment.id,
    target_amount: toDecimalString(money.amount ?? payment.amount, currency),
    target_currency: currency,
    product_name: "Merchant Storefront order",
    ...(outcome === "failed" ? { fail_reason: "card_declined" } : {}),
  };
}

export const lesspay: Driver = {
  provider: "lesspay",
  outcomes: ["processing", "succeeded", "failed", "refunded", "expired"],
  async create(options) {
    return shopPayment("lesspay", `P${uniqueDigits()}`, options);
  },
  async notification(payment, outcome, money) {
    return lesspayRequest(lesspayPayload(payment, outcome, money));
  },
  isAck: (response) => response.status === 200 && response.text.trim() === "SUCCESS",
};

const PING_STATUS: Partial<Record<Outcome, PingStatus>> = {
  processing: "PENDING",
  succeeded: "COMPLETED",
  failed: "DECLINED",
};
const ALL_PING_STATUSES: PingStatus[] = ["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"];

/** A payment stored at the Ping Payments emulator (our tenant, or another one) with no callback URL: the test sends the callbacks. */
export async function pingEmulatorPayment(
  money: Money,
  options: { tenantId?: string; merchantReference?: string } = {},
): Promise<{ paymentOrderId: string; paymentId: string }> {
  if (options.tenantId && options.tenantId !== EMULATOR_TENANT.tenant_id) {
    // Another merchant's payment at the same provider: written as the emulator would hold it.
    const order = insertPaymentOrder({
      id: randomUUID(),
      tenantId: options.tenantId,
      splitTreeId: "tree-other",
      currency: money.currency,
    });
    const payment = insertPayment({
      id: randomUUID(),
      paymentOrderId: order.id,
      tenantId: options.tenantId,
      currency: money.currency,
      totalAmount: money.amount,
      method: "card",
      provider: "payment_iq",
      status: "COMPLETED",
      orderItems: [{ amount: money.amount, name: "Item", merchant_id: "m-other", vat_rate: 25 }],
      payer: { name: "Other Payer" },
      providerMethodParameters: { success_url: "http://localhost:9/success", error_url: "http://localhost:9/error" },
      metadata: options.merchantReference ? { merchant_reference: options.merchantReference } : null,
    });
    return { paymentOrderId: order.id, paymentId: payment.id };
  }
  const order = await pingApi("POST", "/payment_orders", {
    split_tree_id: EMULATOR_SPLIT_TREE_ID,
    currency: money.currency,
  });
  if (order.status !== 200) throw new Error(`payment order: ${order.status} ${JSON.stringify(order.json)}`);
  const paymentOrderId = order.json!.id as string;
  const created = await pingApi("POST", `/payment_orders/${paymentOrderId}/payments`, {
    currency: money.currency,
    total_amount: money.amount,
    method: "card",
    provider: "payment_iq",
    order_items: [{ amount: money.amount, name: "Item", merchant_id: EMULATOR_MERCHANT_ID, vat_rate: 25 }],
    payer: { name: "Test Payer" },
    provider_method_parameters: { success_url: "http://localhost:9/success", error_url: "http://localhost:9/error" },
    ...(options.merchantReference ? { metadata: { merchant_reference: options.merchantReference } } : {}),
  });
  if (created.status !== 200) throw new Error(`payment: ${created.status} ${JSON.stringify(created.json)}`);
  return { paymentOrderId, paymentId: created.json!.id as string };
}

/** Sets what the Ping Payments emulator says about a payment (what the confirming GET returns). */
export function setPingStatus(paymentId: string, status: PingStatus): void {
  if (!movePayment(paymentId, ALL_PING_STATUSES, status)) throw new Error(`No emulator payment ${paymentId}`);
}

export function pingCallback(body: Record<string, unknown> | string): NotificationRequest {
  return {
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

export const pingpayments: Driver = {
  provider: "pingpayments",
  outcomes: ["processing", "succeeded", "failed"],
  async create(options) {
    // The shop's payment id is in the emulator payment's metadata, as the shop's createPayment puts it.
    const id = newPaymentId();
    const remote = await pingEmulatorPayment(options.remote ?? options, { merchantReference: id });
    const orderId = createTestOrder(options);
    insertPaymentOnce({
      id,
      orderId,
      provider: "pingpayments",
      method: "card",
      idempotencyKey: randomUUID(),
      amount: options.amount,
      currency: options.currency,
      captureMode: options.captureMode ?? "automatic",
    });
    const status = options.status ?? "requires_action";
    if (status !== "created") {
      transitionPayment(
        id,
        status,
        {
          providerPaymentId: options.withRef ? remote.paymentId : null,
          providerData: { payment_order_id: remote.paymentOrderId },
          nextActionType: status === "requires_action" ? "redirect" : "none",
          nextActionUrl: status === "requires_action" ? "https://provider.example/pay" : null,
        },
        { provider: "pingpayments", summary: "test set-up" },
      );
    }
    return {
      id,
      orderId,
      provider: "pingpayments",
      ref: remote.paymentId,
      paymentOrderId: remote.paymentOrderId,
      amount: options.amount,
      currency: options.currency,
    };
  },
  async notification(payment, outcome, money) {
    // Ping signs nothing: the shop believes its GET, so the outcome is set at the emulator first.
    if (money && (money.amount !== undefined || money.currency !== undefined))
      throw new Error("Ping Payments' money is the emulator payment's: create it with `remote`");
    const status = PING_STATUS[outcome];
    if (!status) throw new Error(`Ping Payments notifies no ${outcome}`);
    setPingStatus(payment.ref, status);
    return pingCallback({ payment_id: payment.ref, payment_order_id: payment.paymentOrderId, status });
  },
  isAck: (response) => response.status === 204,
};

export const DRIVERS: Record<ProviderName, Driver> = { pingpayments, pingpong, antom, lesspay };

/** Row counts of every table of the shop's database (what "0 rows written" is checked against). */
export function shopRowCounts(): Record<string, number> {
  const { sqlite } = openSqlite(process.env.DATABASE_PATH!);
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

/** A payment row with what differs between two equal runs (ids, references, times) normalised. */
export function normalisedPayment(payment: Payment | undefined): Record<string, unknown> {
  if (!payment) return { missing: true };
  return {
    ...payment,
    id: "<id>",
    orderId: "<order>",
    idempotencyKey: "<key>",
    provider: "<provider>",
    providerPaymentId: payment.providerPaymentId ? "<ref>" : null,
    providerData: "<data>",
    createdAt: "<t>",
    updatedAt: "<t>",
  };
}

export const paymentNow = (payment: TestPayment) => findPayment(payment.id)!;

/** A seeded PRNG (mulberry32): the same seed gives the same sequence, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Signs in over HTTP as the seeded operator (next-auth's credentials callback); answers the Cookie header to send. */
export async function operatorCookie(email = "operator@example.com", password = "operator-demo"): Promise<string> {
  const csrf = await fetch(`${serverUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${serverUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${serverUrl()}/admin` }),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!session.some((c) => c.includes("session-token")))
    throw new Error(`Operator sign-in failed: ${signIn.status} ${signIn.headers.get("location")}`);
  return [...cookies, ...session].join("; ");
}

let operatorSession: Promise<string> | undefined;

/**
 * What the console's payments list counts for `provider` since the server started (GET
 * /admin/payments as the operator): notifications refused, and redeliveries that changed nothing.
 */
export async function consoleCounts(provider: ProviderName): Promise<{ refused: number; unchanged: number }> {
  operatorSession ??= operatorCookie();
  const response = await fetch(`${serverUrl()}/admin/payments?q=no-such-payment`, {
    headers: { cookie: await operatorSession },
    redirect: "manual",
  });
  if (response.status !== 200) throw new Error(`GET /admin/payments answered ${response.status}`);
  const html = await response.text();
  const count = (panel: string) => {
    const start = html.indexOf(`data-testid="${panel}"`);
    if (start < 0) return 0;
    const items = html.slice(start, html.indexOf("</ul>", start));
    const match = new RegExp(`<li[^>]*data-provider="${provider}"[^>]*data-count="(\\d+)"`).exec(items);
    return match ? Number(match[1]) : 0;
  };
  return { refused: count("rejected-notifications"), unchanged: count("unchanged-redeliveries") };
}

/**
 * How many `method path` requests the test server has been asked since it started: counted in its
 * request log (lib/testing/request-log.mjs, in <dataDir>/server.log). A marker request first, and
 * the count once the log shows it, so that every request before it is in the file.
 */
export async function serverRequestsSoFar(method: string, path: string): Promise<number> {
  const marker = `/api/health?marker=${randomUUID()}`;
  await fetch(`${serverUrl()}${marker}`);
  const logFile = join(process.cwd(), "data/test-integration/server.log");
  for (let wait = 0; wait < 50; wait++) {
    const requests = readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{") && line.includes('"message":"request"'))
      .map((line) => JSON.parse(line) as { method: string; url: string });
    if (requests.some((r) => r.url === marker))
      return requests.filter((r) => r.method === method && r.url === path).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server log never showed the marker request ${marker}`);
}
