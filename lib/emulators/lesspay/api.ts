import { currencyExponent, isKnownCurrency } from "@/lib/money";
import { readForm, readJson, refusalResponse } from "@/lib/security/request-body";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { DrizzleQueryError } from "drizzle-orm";
import { emulatorNow, emulatorNowMs, scaledMs } from "../clock";
import { targetUrlError } from "../outbound-url";
import { notificationSecret } from "../signing-secrets";
import {
  deliverDueNotifications,
  enqueueNotification,
  type Notification,
  type NotificationSigner,
  type Outgoing,
} from "../outbox";
import type { FormStep } from "../form-redirect";
import {
  answerStored,
  corruptSignature,
  enqueueScripted,
  faultResponse,
  forcedOutcomeFor,
  forcedOutcomeOf,
  recordForcedPayment,
  takeNextPayment,
} from "../control";
import type { LesspayCardTokenRow, LesspayOrderRow } from "./schema";
import {
  brandOf,
  callbackBehaviourOf,
  CHALLENGE_PASS_CODE,
  digitsOnly,
  luhnValid,
  maskCard,
  outcomeOfCard,
  type CardOutcome,
} from "../test-cards";
import {
  API_ACTIONS,
  BASE_PATH,
  CALLBACK_RETRY_SECONDS,
  CODES,
  FAIL_REASONS,
  ISSUER,
  LATE_CALLBACK_SECONDS,
  lesspaySettings,
  ORDER_STATUS,
  PENDING_SETTLES_AFTER_SECONDS,
  PROCESSING_SECONDS,
  riskEventOf,
  REFUND_AFTER_SECONDS,
  riskReasonOf,
  scriptedStatusOf,
  type ScriptedStatus,
  statusName,
  type ApiAction,
  type RiskEventName,
  LESSPAY_ACKNOWLEDGEMENT,
} from "./config";
import { answer, readRequest, type Json, type LesspayRequest } from "./envelope";
import { sign } from "./signature";
import {
  dueSettlements,
  findCardToken,
  findOrder,
  findOrderOf,
  findOutboxRow,
  insertCardToken,
  insertOrder,
  moveOrder,
  ordersWithPendingRiskEvent,
  updateOrder,
} from "./store";

/**
 * Lesspay 2.0 card payments as the emulator answers them: create-order (cashier or OpenAPI, a card
 * or a stored-card token) and query-order, the hosted cashier and 3DS pages, signed callbacks to
 * notify_url (acknowledged by the text SUCCESS) and risk events. Outcomes come from the shared
 * test-card catalogue; callbacks and risk events are scripted by the cardholder name.
 */

const { PENDING_CONFIRM, PENDING_PAY, SUCCEED, FAILED, CANCELED, REFUND, PAID } = ORDER_STATUS;

// ---------------------------------------------------------------------------------------------
// Ids and views

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 1_000_000_000)).padStart(9, "0");
  return out.slice(0, count);
}

const newPayOrderId = () => `P${digits(19)}`;
const newPayOrderDetailId = () => `PD${digits(19)}`;

const TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
function newCardToken(): string {
  const bytes = randomBytes(26);
  return `src_${[...bytes].map((byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join("")}`;
}

export const cashierUrl = (order: LesspayOrderRow) => `${order.origin}${BASE_PATH}/cashier/${order.payOrderId}`;
export const challengeUrl = (order: LesspayOrderRow) => `${order.origin}${BASE_PATH}/3ds/${order.payOrderId}`;

/** channel_biz_data of an order that stored its card: card_token, issuer, issuer_country only [doc: seed 004, Token Acquisition]. */
export function channelBizData(order: LesspayOrderRow): Json | undefined {
  if (!order.cardToken) return undefined;
  return { card_token: order.cardToken, ...ISSUER };
}

function orderData(order: LesspayOrderRow, payData?: string): Json {
  const data: Json = {
    payOrderId: order.payOrderId,
    payOrderDetailId: order.payOrderDetailId,
    payOrderDetailIdEncode: order.payOrderDetailIdEncode,
    mchOrderNo: order.requestId,
    payOrderDetailState: 1,
    orderState: 1,
  };
  if (payData) {
    data.payData = payData;
    data.payDataType = "payurl";
  }
  return data;
}

function queryView(order: LesspayOrderRow): Json {
  const view: Json = {
    pay_order_id: order.payOrderId,
    request_id: order.requestId,
    order_status: statusName(order.status),
    order_status_int: order.status,
    target_amount: order.targetAmount,
    target_currency: order.targetCurrency,
  };
  const biz = channelBizData(order);
  if (biz) view.channel_biz_data = biz;
  if (order.failReason) view.fail_reason = order.failReason;
  return view;
}

// ---------------------------------------------------------------------------------------------
// Callbacks and risk events: POST JSON to notify_url, signed like requests

async function signedHeaders(body: Json): Promise<Record<string, string>> {
  const { appId, appSecret: configured } = lesspaySettings();
  const appSecret = await notificationSecret("lesspay", configured); // configured, or rotated (../signing-secrets.ts)
  return {
    "content-type": "application/json",
    "x-auth-appid": appId,
    // A signature timestamp: the wall clock, as the shop checks it (../clock.ts).
    "X-Auth-Timestamp": String(Date.now()),
    "x-auth-signature": sign(body, appSecret),
  };
}

/**
 * Lesspay's callback signer, run by the outbox at each attempt: x-auth-* headers over the body,
 * with the app's secret of that moment.
 */
export const LESSPAY_NOTIFICATION_SIGNER: NotificationSigner = {
  name: "lesspay_sha256",
  sign: async ({ body }) => ({ body, headers: await signedHeaders(JSON.parse(body) as Json) }),
  corrupt: withBadSignature,
};

/** A callback's kind: a risk event's `event` [doc], else "order_status" (Lesspay names no kinds) [guess]. */
function callbackTypeOf(body: Json): string {
  return typeof body.event === "string" ? body.event : "order_status";
}

function notificationOf(order: LesspayOrderRow, body: Json, delaySeconds = 0): Notification {
  return {
    provider: "lesspay",
    type: callbackTypeOf(body),
    subject: order.payOrderId,
    reference: order.requestId,
    targetUrl: order.notifyUrl,
    body: JSON.stringify(body),
    signer: LESSPAY_NOTIFICATION_SIGNER,
    retrySchedule: CALLBACK_RETRY_SECONDS,
    delaySeconds,
    ackRule: LESSPAY_ACKNOWLEDGEMENT,
  };
}

async function send(order: LesspayOrderRow, body: Json, delaySeconds = 0): Promise<number> {
  return (await enqueueNotification(notificationOf(order, body, delaySeconds))).id;
}

/** The same callback with its x-auth-signature corrupted (still 64 hex digits, no longer verifying). */
function withBadSignature(notification: Outgoing): Outgoing {
  const headers = { ...notification.headers };
  headers["x-auth-signature"] = corruptSignature(headers["x-auth-signature"] ?? "");
  return { ...notification, headers };
}

export function callbackBody(order: LesspayOrderRow): Json {
  const body: Json = {
    api_version: "V2",
    description: order.description,
    fail_url: order.failUrl,
    success_url: order.successUrl,
    product_name: order.productName,
    order_status: statusName(order.status),
    order_status_int: order.status,
    pay_order_id: order.payOrderId,
    request_id: order.requestId,
    target_amount: order.targetAmount,
    target_currency: order.targetCurrency,
  };
  const biz = channelBizData(order);
  if (biz) body.channel_biz_data = biz;
  if (order.failReason) {
    body.fail_reason = order.failReason;
    body.msg = order.failReason;
  }
  return body;
}

/** Sends the order's result callback as its cardholder scripts it; then schedules a scripted risk event. */
async function notifyResult(order: LesspayOrderRow): Promise<void> {
  // Out of order: the final callback is followed by a stale PENDING_PAY one.
  const stale =
    order.status === PENDING_PAY ? undefined : callbackBody({ ...order, status: PENDING_PAY, failReason: null });
  const first = await enqueueScripted(notificationOf(order, callbackBody(order)), {
    behaviour: order.callbackBehaviour,
    lateSeconds: LATE_CALLBACK_SECONDS,
    stale: () => (stale ? notificationOf(order, stale) : undefined),
  });
  if (!first) return;
  const risk = order.status === SUCCEED ? riskEventOf(order.holderName) : undefined;
  if (risk) await updateOrder(order.payOrderId, { pendingRiskEvent: risk, riskAfterOutboxId: first.id });
}

export function riskEventBody(order: LesspayOrderRow, event: RiskEventName): Json {
  return {
    event,
    pay_order_id: order.payOrderId,
    request_id: order.requestId,
    target_amount: order.targetAmount,
    target_currency: order.targetCurrency,
    reason: riskReasonOf(event),
  };
}

/** Sends a risk event now (it changes no order status). */
export async function sendRiskEvent(order: LesspayOrderRow, event: RiskEventName): Promise<void> {
  await send(order, riskEventBody(order, event));
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** PENDING_PAY → SUCCEED (a card token issued when asked), then the callback. */
async function succeed(order: LesspayOrderRow): Promise<LesspayOrderRow | undefined> {
  const token = order.storeRequested && !order.paidWithToken && order.cardMasked ? newCardToken() : null;
  const done = await moveOrder(order.payOrderId, [PENDING_PAY], {
    status: SUCCEED,
    awaitingChallenge: false,
    settleAt: null,
    cardToken: token,
    finishedAt: await emulatorNow(),
  });
  if (!done) return undefined;
  if (token) {
    await insertCardToken({
      token,
      appId: done.appId,
      cardMasked: done.cardMasked!,
      cardBrand: done.cardBrand ?? "Card",
      expiryMonth: done.cardExpiryMonth ?? 12,
      expiryYear: done.cardExpiryYear ?? 2099,
      holderName: done.holderName ?? "",
      cardOutcome: done.cardOutcome ?? JSON.stringify({ kind: "approve" }),
    });
  }
  await notifyResult(done);
  return done;
}

/** PENDING_PAY → FAILED with a reason, then the callback. */
async function fail(order: LesspayOrderRow, reason: string): Promise<LesspayOrderRow | undefined> {
  const done = await moveOrder(order.payOrderId, [PENDING_PAY], {
    status: FAILED,
    failReason: reason,
    awaitingChallenge: false,
    settleAt: null,
    finishedAt: await emulatorNow(),
  });
  if (done) await notifyResult(done);
  return done;
}

function outcomeOf(order: LesspayOrderRow): CardOutcome {
  try {
    return JSON.parse(order.cardOutcome ?? "") as CardOutcome;
  } catch {
    return { kind: "approve" };
  }
}

/** Runs the jobs (and so the settlement) right when a processing order is due, not at the next tick. */
function wakeAt(seconds: number): void {
  setTimeout(() => void deliverDueNotifications(), scaledMs(seconds) + 5);
}

/** Reaches a processing order's scripted outcome when its time has come. */
async function settleIfDue(order: LesspayOrderRow, now?: number): Promise<LesspayOrderRow> {
  const at = now ?? (await emulatorNowMs());
  if (order.status !== PENDING_PAY || order.awaitingChallenge || !order.settleAt || order.settleAt.getTime() > at)
    return order;
  const outcome = outcomeOf(order);
  const done = outcome.kind === "decline" ? await fail(order, FAIL_REASONS[outcome.reason]) : await succeed(order);
  return done ?? (await findOrder(order.payOrderId)) ?? order;
}

// ---------------------------------------------------------------------------------------------
// Validation

type Checked<T> = T | { error: string };

function isError(value: unknown): value is { error: string } {
  return !!value && typeof value === "object" && "error" in value;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

function objectAt(value: unknown): Json | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

function requiredString(body: Json, key: string, field = key, max?: number): Checked<string> {
  const value = body[key];
  if (!present(value)) return { error: `${field} is required` };
  if (typeof value !== "string") return { error: `${field} must be a string` };
  if (!value.trim()) return { error: `${field} is required` };
  if (max !== undefined && value.length > max) return { error: `${field} must be at most ${max} characters` };
  return value;
}

/** A URL the emulator will use later: absolute http(s), where the outbound policy allows (its text otherwise). */
function requiredUrl(body: Json, key: string): Checked<string> {
  const value = requiredString(body, key);
  if (isError(value)) return value;
  // [guess] Lesspay publishes no rule on where these may point (it refuses malformed URLs); the
  // policy is the emulator's own, answered as code 11 like any bad parameter.
  const refused = targetUrlError(value, key);
  return refused ? { error: refused } : value;
}

function optionalBoolean(body: Json, key: string, field: string): Checked<boolean> {
  const value = body[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") return { error: `${field} must be a boolean` };
  return value;
}

function checkAmount(body: Json, currency: string): Checked<string> {
  const amount = requiredString(body, "target_amount");
  if (isError(amount)) return amount;
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(amount);
  if (!match) return { error: 'target_amount must be a decimal string in major units (e.g. "100.00")' };
  // [guess] Lesspay does not say how it rounds: the currency's ISO 4217 minor unit.
  const decimals = currencyExponent(currency);
  if ((match[2]?.length ?? 0) > decimals)
    return { error: `target_amount has more decimals than ${currency} allows (${decimals})` };
  if (Number(amount) <= 0) return { error: "target_amount must be greater than 0" };
  return amount;
}

/** A card's facts as the emulator keeps them (never the full number, never the CVV). */
interface CardFacts {
  masked: string;
  brand: string;
  expiryMonth: number;
  expiryYear: number;
  holderName: string;
  outcome: CardOutcome;
  store: boolean;
  token?: LesspayCardTokenRow;
}

function expired(month: number, year: number, now = new Date()): boolean {
  return year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
}

/** The outcome a card scripts, with a past expiry declined as an expired card. */
function effectiveOutcome(number: string, month: number, year: number): CardOutcome {
  return expired(month, year) ? { kind: "decline", reason: "expired_card" } : outcomeOfCard(number);
}

function checkCardData(extra: Json): Checked<CardFacts> {
  const P = "card_data";
  if (!present(extra.card_data)) return { error: `${P} is required` };
  const card = objectAt(extra.card_data);
  if (!card) return { error: `${P} must be an object` };
  const numberText = requiredString(card, "number", `${P}.number`);
  if (isError(numberText)) return numberText;
  const number = digitsOnly(numberText);
  if (!luhnValid(number)) return { error: `${P}.number is not a valid card number` };
  if (!present(card.expiry_month)) return { error: `${P}.expiry_month is required` };
  const month = card.expiry_month;
  if (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > 12)
    return { error: `${P}.expiry_month must be an integer from 1 to 12` };
  if (!present(card.expiry_year)) return { error: `${P}.expiry_year is required` };
  const year = card.expiry_year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1000 || year > 9999)
    return { error: `${P}.expiry_year must be a 4-digit integer` };
  const cvv = requiredString(card, "cvv", `${P}.cvv`);
  if (isError(cvv)) return cvv;
  if (!/^\d{3,4}$/.test(cvv)) return { error: `${P}.cvv must be 3 or 4 digits` };
  // card_data is number, expiry_month, expiry_year, cvv, store_for_future_use [doc: seed 004, 2.1]: any other field
  // (a holder name) is not read, as an API that ignores it would.
  const store = optionalBoolean(card, "store_for_future_use", `${P}.store_for_future_use`);
  if (isError(store)) return store;
  return {
    masked: maskCard(number),
    brand: brandOf(number),
    expiryMonth: month,
    expiryYear: year,
    holderName: "",
    outcome: effectiveOutcome(number, month, year),
    store,
  };
}

async function checkTokenData(appId: string, extra: Json): Promise<Checked<CardFacts>> {
  const P = "token_data";
  if (!present(extra.token_data)) return { error: `${P} is required` };
  const data = objectAt(extra.token_data);
  if (!data) return { error: `${P} must be an object` };
  const tokenText = requiredString(data, "token", `${P}.token`);
  if (isError(tokenText)) return tokenText;
  const token = await findCardToken(appId, tokenText.trim());
  if (!token) return { error: `${P}.token is not valid` };
  const original = JSON.parse(token.cardOutcome) as CardOutcome;
  return {
    masked: token.cardMasked,
    brand: token.cardBrand,
    expiryMonth: token.expiryMonth,
    expiryYear: token.expiryYear,
    holderName: token.holderName,
    outcome: expired(token.expiryMonth, token.expiryYear) ? { kind: "decline", reason: "expired_card" } : original,
    store: false,
    token,
  };
}

// ---------------------------------------------------------------------------------------------
// create-order

/**
 * Whether a failed insert broke a unique index: SQLite's "UNIQUE constraint failed", PostgreSQL's
 * 23505 "duplicate key value violates unique constraint" (drizzle may wrap the driver's error as the
 * cause of a DrizzleQueryError, whose own message, the query and its params, is not read).
 */
function isUniqueViolation(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if ((cause as { code?: unknown }).code === "23505") return true;
    if (!(cause instanceof DrizzleQueryError) && /UNIQUE/i.test(cause.message)) return true;
  }
  return false;
}

export async function createOrder(request: LesspayRequest): Promise<Response> {
  const { body, appId } = request;
  const param = (error: string) => answer(CODES.parameter, error);

  const requestId = requiredString(body, "request_id", "request_id", 20);
  if (isError(requestId)) return param(requestId.error);
  if (!present(body.target_amount)) return param("target_amount is required");
  const currency = requiredString(body, "target_currency");
  if (isError(currency)) return param(currency.error);
  // [doc: seed 004 "Currency code (e.g., CNY, USD)"; code 11 parameter error, PROVIDERS.md §4 codes]
  if (!isKnownCurrency(currency)) return param("target_currency must be an ISO 4217 code (e.g. USD)");
  const amount = checkAmount(body, currency);
  if (isError(amount)) return param(amount.error);
  for (const [key, expected] of [
    ["transaction_type", "PAY_IN"],
    ["way_type", "CARD_PAYMENT"],
    ["api_version", "V2"],
  ] as const) {
    const value = requiredString(body, key);
    if (isError(value)) return param(value.error);
    if (value !== expected) return param(`${key} must be ${expected}`);
  }
  if (!present(body.pay_access_type)) return param("pay_access_type is required");
  const accessType = body.pay_access_type;
  if (accessType !== 1 && accessType !== 2)
    return param("pay_access_type must be the integer 1 (cashier) or 2 (OpenAPI)");
  const urls: Record<string, string> = {};
  for (const key of ["notify_url", "success_url", "fail_url"]) {
    const value = requiredUrl(body, key);
    if (isError(value)) return param(value.error);
    urls[key] = value;
  }
  const productName = requiredString(body, "product_name", "product_name", 256);
  if (isError(productName)) return param(productName.error);
  const description = requiredString(body, "description", "description", 512);
  if (isError(description)) return param(description.error);

  let card: CardFacts | undefined;
  let storeRequested = false;
  if (accessType === 2) {
    if (!present(body.channel_extra)) return param("channel_extra is required");
    const extra = objectAt(body.channel_extra);
    if (!extra) return param("channel_extra must be an object");
    const extraType = requiredString(extra, "extra_type", "channel_extra.extra_type");
    if (isError(extraType)) return param(extraType.error);
    if (extraType !== "card" && extraType !== "token")
      return param('channel_extra.extra_type must be "card" or "token"');
    const checked = extraType === "card" ? checkCardData(extra) : await checkTokenData(appId, extra);
    if (isError(checked)) return param(checked.error);
    card = checked;
    storeRequested = checked.store;
  }
  // A cashier order has no store_for_future_use [doc: seed 004 documents it only in channel_extra.card_data]: a
  // top-level one is not read (the cashier page's own "Save this card" box asks the payer).

  if (await findOrderOf(appId, { requestId })) return answer(CODES.duplicateRequest, "request_id already exists");

  // Seed 004's order has no shopper email field: a forced outcome's scope matches request_id
  // (a reference prefix) or the X-Emulator-Test-Id header only.
  const taken = await takeNextPayment("lesspay", { reference: requestId, testId: request.testId });
  if (taken.before) return faultResponse("lesspay", taken.before);
  const detailId = newPayOrderDetailId();
  const now = await emulatorNowMs();
  // Charged (a fault after the charge): even a cashier order is paid at once, as if the payer had been quick.
  const outcome = taken.charged
    ? forcedOutcomeOf(taken.override)
    : card
      ? (forcedOutcomeOf(taken.override) ?? card.outcome)
      : undefined;
  const settleAfter =
    outcome === undefined || outcome.kind === "challenge"
      ? null
      : outcome.kind === "pending"
        ? PENDING_SETTLES_AFTER_SECONDS
        : PROCESSING_SECONDS;
  let order: LesspayOrderRow;
  try {
    order = await insertOrder({
      payOrderId: newPayOrderId(),
      payOrderDetailId: detailId,
      payOrderDetailIdEncode: createHash("sha256")
        .update(`${detailId}:${randomBytes(16).toString("hex")}`)
        .digest("hex"),
      appId,
      requestId,
      targetAmount: amount,
      targetCurrency: currency,
      payAccessType: accessType,
      notifyUrl: urls.notify_url,
      successUrl: urls.success_url,
      failUrl: urls.fail_url,
      productName,
      description,
      status: PENDING_PAY,
      cardMasked: card?.masked ?? null,
      cardBrand: card?.brand ?? null,
      cardExpiryMonth: card?.expiryMonth ?? null,
      cardExpiryYear: card?.expiryYear ?? null,
      holderName: card ? card.holderName : null,
      cardOutcome: outcome ? JSON.stringify(outcome) : null,
      paidWithToken: card?.token?.token ?? null,
      storeRequested,
      origin: request.origin,
      awaitingChallenge: outcome?.kind === "challenge",
      settleAt: settleAfter === null ? null : new Date(now + scaledMs(settleAfter)),
      callbackBehaviour: callbackBehaviourOf(card?.holderName ?? ""),
    });
  } catch (error) {
    // Two requests with the same request_id at once: the unique index decides.
    if (isUniqueViolation(error)) return answer(CODES.duplicateRequest, "request_id already exists");
    throw error;
  }
  await recordForcedPayment("lesspay", order.payOrderId, taken);
  if (settleAfter !== null) wakeAt(settleAfter);
  const payData = accessType === 1 ? cashierUrl(order) : order.awaitingChallenge ? challengeUrl(order) : undefined;
  return answerStored(
    "lesspay",
    taken,
    answer(CODES.ok, "SUCCESS", { order_data: orderData(order, payData), pay_order_id: order.payOrderId }),
  );
}

// ---------------------------------------------------------------------------------------------
// query-order

export async function queryOrder(request: LesspayRequest): Promise<Response> {
  const { body, appId } = request;
  const byId = body.pay_order_id;
  const byRequest = body.request_id;
  if (present(byId) && typeof byId !== "string") return answer(CODES.parameter, "pay_order_id must be a string");
  if (present(byRequest) && typeof byRequest !== "string")
    return answer(CODES.parameter, "request_id must be a string");
  if (!present(byId) && !present(byRequest)) return answer(CODES.parameter, "pay_order_id or request_id is required");
  const found = await findOrderOf(
    appId,
    present(byId) ? { payOrderId: byId as string } : { requestId: byRequest as string },
  );
  if (!found) return answer(CODES.notFound, "order not found");
  return answer(CODES.ok, "SUCCESS", queryView(await settleIfDue(found)));
}

// ---------------------------------------------------------------------------------------------
// Routing

const HANDLERS: Record<ApiAction, (request: LesspayRequest) => Promise<Response>> = {
  "create-order": createOrder,
  "query-order": queryOrder,
};

/** Answers POST /emulators/lesspay/api/global/v1/pay/<action>. */
export async function handleApi(request: Request, action: string): Promise<Response> {
  if (!(API_ACTIONS as readonly string[]).includes(action))
    return Response.json({ code: 404, msg: "not found" }, { status: 404 });
  const read = await readRequest(request);
  if (read instanceof Response) return read;
  return HANDLERS[action as ApiAction](read);
}

// ---------------------------------------------------------------------------------------------
// Hosted pages: the cashier, the 3DS challenge, cancel

export type Step = FormStep | { notFound: true };

/** Where the browser goes for an order that is no longer waiting for the payer. */
function resultRedirect(order: LesspayOrderRow): { redirect: string } {
  const paid: number[] = [SUCCEED, REFUND, PAID, PENDING_CONFIRM];
  if (paid.includes(order.status) || (order.status === PENDING_PAY && !order.awaitingChallenge && order.cardMasked))
    return { redirect: order.successUrl };
  if (order.status === PENDING_PAY && order.awaitingChallenge) return { redirect: challengeUrl(order) };
  if (order.status === PENDING_PAY) return { redirect: cashierUrl(order) };
  return { redirect: order.failUrl };
}

/** Whether the cashier still takes a card for this order. */
export function cashierOpen(order: LesspayOrderRow): boolean {
  return order.payAccessType === 1 && order.status === PENDING_PAY && !order.cardMasked;
}

function parseExpiry(text: string): { month: number; year: number } | undefined {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : undefined;
}

/** The cashier's card form: approve → success_url, decline → fail_url, challenge → the 3DS page. */
export async function submitCashier(payOrderId: string, form: Record<string, string>): Promise<Step> {
  const order = await findOrder(payOrderId);
  if (!order || order.payAccessType !== 1) return { notFound: true };
  if (!cashierOpen(order)) return resultRedirect(order);
  const number = digitsOnly(form.number ?? "");
  if (!luhnValid(number)) return { error: "Enter a valid card number.", field: "number", code: "enterValidNumber" };
  const expiry = parseExpiry(form.expiry ?? "");
  if (!expiry) return { error: "Enter the expiry as MM/YY.", field: "expiry", code: "expiryFormat" };
  if (!/^\d{3,4}$/.test((form.cvc ?? "").trim()))
    return { error: "Enter the 3 or 4 digit CVC.", field: "cvc", code: "cvcDigits" };
  const holderName = (form.name ?? "").trim();
  const outcome =
    (await forcedOutcomeFor("lesspay", order.payOrderId)) ?? effectiveOutcome(number, expiry.month, expiry.year);
  const settleAt =
    outcome.kind === "pending" ? new Date((await emulatorNowMs()) + scaledMs(PENDING_SETTLES_AFTER_SECONDS)) : null;
  const carded = await moveOrder(order.payOrderId, [PENDING_PAY], {
    cardMasked: maskCard(number),
    cardBrand: brandOf(number),
    cardExpiryMonth: expiry.month,
    cardExpiryYear: expiry.year,
    holderName,
    cardOutcome: JSON.stringify(outcome),
    storeRequested: order.storeRequested || form.save === "on" || form.save === "true",
    callbackBehaviour: callbackBehaviourOf(holderName),
    awaitingChallenge: outcome.kind === "challenge",
    settleAt,
  });
  if (carded && outcome.kind === "pending") wakeAt(PENDING_SETTLES_AFTER_SECONDS);
  if (!carded) return resultRedirect((await findOrder(payOrderId))!);
  const scripted = scriptedStatusOf(holderName);
  if (scripted !== undefined)
    return resultRedirect((await reachScripted(carded, scripted)) ?? (await findOrder(payOrderId))!);
  if (outcome.kind === "approve") return resultRedirect((await succeed(carded)) ?? (await findOrder(payOrderId))!);
  if (outcome.kind === "decline")
    return resultRedirect((await fail(carded, FAIL_REASONS[outcome.reason])) ?? (await findOrder(payOrderId))!);
  return resultRedirect(carded);
}

/** Moves an order to a final (or waiting) status of its own and sends its callback. */
async function finishAs(order: LesspayOrderRow, status: number): Promise<LesspayOrderRow | undefined> {
  const done = await moveOrder(order.payOrderId, [PENDING_PAY], {
    status,
    awaitingChallenge: false,
    settleAt: null,
    finishedAt: status === PENDING_CONFIRM ? null : await emulatorNow(),
  });
  if (done) await notifyResult(done);
  return done;
}

/** A status the payer scripted on the cashier (see CASHIER_STATUS_SCRIPTS). */
async function reachScripted(order: LesspayOrderRow, status: ScriptedStatus): Promise<LesspayOrderRow | undefined> {
  if (status !== REFUND) return finishAs(order, status);
  const paid = await succeed(order);
  const refunded = paid && (await moveOrder(paid.payOrderId, [SUCCEED], { status: REFUND }));
  if (refunded) await send(refunded, callbackBody(refunded), REFUND_AFTER_SECONDS);
  return refunded ?? paid;
}

/** The cashier's Cancel link: 4 CANCELED [doc: PROVIDERS.md §4 order status], its callback, then fail_url. */
export async function cancelCashier(payOrderId: string): Promise<Step> {
  const order = await findOrder(payOrderId);
  if (!order || order.payAccessType !== 1) return { notFound: true };
  if (order.status === PENDING_PAY)
    return resultRedirect((await finishAs(order, CANCELED)) ?? (await findOrder(payOrderId))!);
  return resultRedirect(order);
}

/** The 3DS challenge: 123456 passes (success_url), anything else fails (fail_url). */
export async function finishChallenge(payOrderId: string, code: string): Promise<Step> {
  const order = await findOrder(payOrderId);
  if (!order) return { notFound: true };
  if (order.status !== PENDING_PAY || !order.awaitingChallenge) return resultRedirect(order);
  const done =
    code.trim() === CHALLENGE_PASS_CODE ? await succeed(order) : await fail(order, FAIL_REASONS.authentication_failed);
  return resultRedirect(done ?? (await findOrder(payOrderId))!);
}

/** QA hook: sends a risk event for an order on demand. */
export async function riskEventOnDemand(
  payOrderId: string,
  event: string,
): Promise<{ sent: Json } | { notFound: true } | { error: string }> {
  const order = await findOrder(payOrderId);
  if (!order) return { notFound: true };
  if (event !== "dispute_received" && event !== "payment_declined")
    return { error: 'event must be "dispute_received" or "payment_declined"' };
  await sendRiskEvent(order, event);
  return { sent: riskEventBody(order, event) };
}

/** QA hook: POST {event: "dispute_received" | "payment_declined"} (JSON or form) sends that risk event to notify_url. */
export async function riskEventRoute(request: Request, payOrderId: string): Promise<Response> {
  let event: unknown;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const body = await readJson(request);
    if (!body.ok) return refusalResponse(body);
    event = (body.value as { event?: unknown } | null)?.event;
  } else {
    const form = await readForm(request);
    if (!form.ok)
      return refusalResponse(
        form.status === 415 ? { status: 415, error: "The body must be JSON or a form with event" } : form,
      );
    event = form.value.get("event");
  }
  const result = await riskEventOnDemand(payOrderId, typeof event === "string" ? event : "");
  if ("notFound" in result) return Response.json({ error: "Unknown order" }, { status: 404 });
  if ("error" in result) return Response.json({ error: result.error }, { status: 400 });
  return Response.json(result, { status: 202 });
}

// ---------------------------------------------------------------------------------------------
// Jobs (run on every outbox tick)

/** Its scheduled work, run on every outbox tick (the descriptor hands it to the worker). */
export const jobs: Record<string, () => Promise<void>> = {
  "lesspay:settle-processing": async () => {
    for (const due of await dueSettlements()) await settleIfDue(due);
  },
  "lesspay:risk-events": async () => {
    for (const order of await ordersWithPendingRiskEvent()) {
      const event = order.pendingRiskEvent as RiskEventName;
      const after = order.riskAfterOutboxId === null ? undefined : await findOutboxRow(order.riskAfterOutboxId);
      if (after && after.status === "pending" && after.attempts === 0) continue;
      await updateOrder(order.payOrderId, { pendingRiskEvent: null });
      await sendRiskEvent(order, event);
    }
  },
};
