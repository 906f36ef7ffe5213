import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { emulatorNow, emulatorNowMs, scaledMs } from "../clock";
import { withHostedLanguage } from "../hosted-locale";
import { targetUrlError } from "../outbound-url";
import type { Notification, NotificationSigner, Outgoing } from "../outbox";
import {
  answerStored,
  corruptSignature,
  enqueueScripted,
  faultResponse,
  forcedOutcomeOf,
  recordForcedPayment,
  takeNextPayment,
} from "../control";
import type { AntomCardTokenRow, AntomPaymentRow, AntomTransactionRow, antomTransactions } from "./schema";
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
  antomBrand,
  antomSettings,
  API_ACTIONS,
  AVS_NO_MATCH_ZIP,
  BASE_PATH,
  CHALLENGE_ECI,
  CVV_NO_MATCH,
  DECLINE_RESULTS,
  LATE_NOTIFICATION_SECONDS,
  NOTIFICATION_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS,
  RESULTS,
  THREE_DS_VERSION,
  type ApiAction,
  type ResultInfo,
  ANTOM_ACKNOWLEDGEMENT,
} from "./config";
import {
  notificationHeaders,
  providerPath,
  readRequest,
  respond,
  resultOnly,
  type AntomRequest,
  type Json,
} from "./envelope";
import {
  completePayment,
  dueSettlements,
  findCardToken,
  findPayment,
  findPaymentOf,
  findTransaction,
  findTransactionById,
  insertPayment,
  movePayment,
  recordCancel,
  recordCapture,
  recordRefund,
  setFirstAnswer,
  setTransactionAnswer,
  transactionsOf,
  type Refusal,
} from "./store";

/**
 * Antom (Alipay+ / "ams") card payments as the emulator answers them: pay (card number or stored
 * card token, automatic or manual capture, 3DS challenge, MPI, MIT), capture, cancel, refund and
 * the two inquiries. Every answer is HTTP 200, signed, with `result`; outcomes come from the
 * shared test-card catalogue plus Antom's own AVS / CVV rows.
 */

// ---------------------------------------------------------------------------------------------
// Ids, times, views

function digits(count: number): string {
  let out = "";
  while (out.length < count) out += String(randomInt(0, 1_000_000_000)).padStart(9, "0");
  return out.slice(0, count);
}

/** Antom-like ids: date (yyyymmdd) then digits, 35 long. */
async function newId(now?: Date): Promise<string> {
  now ??= await emulatorNow();
  return `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}${String(now.getUTCDate()).padStart(2, "0")}${digits(27)}`;
}

function newCardToken(): string {
  return `ALIPAY${randomBytes(18)
    .toString("base64url")
    .toUpperCase()
    .replace(/[^A-Z]/g, "X")}`;
}

/** Antom writes times as ISO 8601 with an offset ("2020-01-01T12:01:00+08:30"); the emulator uses UTC. */
export function antomTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

function money(minor: number, currency: string) {
  return { currency, value: String(minor) };
}

/** The bank's 3DS page, in the language of env.browserInfo.language [doc: seed 002] (lib/emulators/hosted-locale.ts). */
export function challengeUrl(payment: AntomPaymentRow): string {
  return withHostedLanguage(`${payment.origin}${BASE_PATH}/3ds/${payment.paymentId}`, payment.language);
}

/** env.browserInfo.language ("zh_CN") [doc: seed 002 pay request sample], when it is a short string. */
function browserLanguageOf(env: Json): string | null {
  const language = objectAt(env.browserInfo)?.language;
  return typeof language === "string" &&
    language.length <= 35 &&
    /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(language)
    ? language
    : null;
}

/** [doc: seed 002, pay answer and notifyPayment examples] avsResultRaw, cvvResultRaw, networkTransactionId, threeDSResult. */
export function paymentResultInfo(payment: AntomPaymentRow): Json {
  const info: Json = {
    avsResultRaw: payment.avsResultRaw,
    cvvResultRaw: payment.cvvResultRaw,
    networkTransactionId: payment.networkTransactionId,
    // [guess] not in seed 002's examples: the brand and masked number of the card paid with.
    cardBrand: payment.cardBrand,
    cardNo: payment.cardMasked,
  };
  if (payment.threeDSResult) info.threeDSResult = payment.threeDSResult;
  // [doc: PROVIDERS.md §2 "a card token when card-on-file was asked"; the name cardToken is a guess]
  if (payment.cardToken) info.cardToken = payment.cardToken;
  return info;
}

function resultOfPayment(payment: AntomPaymentRow): ResultInfo {
  if (payment.status === "PROCESSING") return RESULTS.inProcess;
  if (payment.status === "FAIL")
    return { resultCode: payment.resultCode, resultStatus: "F", resultMessage: payment.resultMessage };
  return RESULTS.success;
}

/**
 * The URL a PROCESSING payment's shopper is sent to: U / PAYMENT_IN_PROCESS always comes with
 * normalUrl [doc: seed 002 "Obtain authorization result"]. The bank's page: the 3DS challenge, or,
 * for a payment the bank is still deciding (test card ...0119), a page that says so and links back.
 */
function normalUrlOf(payment: AntomPaymentRow): string {
  return challengeUrl(payment);
}

/** The pay answer for the payment's current state [doc: seed 002, pay answer example]. */
function payView(payment: AntomPaymentRow): Json {
  const view: Json = {
    result: resultOfPayment(payment),
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: money(payment.amountMinor, payment.currency),
    paymentCreateTime: antomTime(payment.createdAt),
  };
  if (payment.status === "PROCESSING") {
    view.normalUrl = normalUrlOf(payment);
    return view;
  }
  view.paymentResultInfo = paymentResultInfo(payment);
  return view;
}

function captureView(payment: AntomPaymentRow, capture: AntomTransactionRow): Json {
  return {
    result: RESULTS.success,
    captureRequestId: capture.requestId,
    captureId: capture.id,
    paymentId: payment.paymentId,
    captureAmount: money(capture.amountMinor, capture.currency),
    captureTime: antomTime(capture.createdAt),
  };
}

function refundView(refund: AntomTransactionRow): Json {
  return {
    result: RESULTS.success,
    refundRequestId: refund.requestId,
    refundId: refund.id,
    paymentId: refund.paymentId,
    refundAmount: money(refund.amountMinor, refund.currency),
    refundTime: antomTime(refund.createdAt),
  };
}

function paymentStatusOf(payment: AntomPaymentRow): "SUCCESS" | "FAIL" | "PROCESSING" | "CANCELLED" {
  return payment.status;
}

// ---------------------------------------------------------------------------------------------
// Notifications (notifyPayment): signed with Antom's key over the notify URL's pathname

/** The same notification with the signature in its `signature` header corrupted. */
function withBadSignature(notification: Outgoing): Outgoing {
  const header = notification.headers.signature ?? "";
  const at = header.indexOf("signature=");
  const value = at < 0 ? header : header.slice(at + "signature=".length);
  // Corrupt the first character of the base64 value (the URL-encoded tail may be "%3D").
  const first = value.charAt(0);
  const corrupted = `${first === "A" ? "B" : "A"}${value.slice(1)}`;
  const signature = at < 0 ? corruptSignature(header) : `${header.slice(0, at)}signature=${corrupted}`;
  return { ...notification, headers: { ...notification.headers, signature } };
}

/**
 * Antom's notification signer, run by the outbox at each attempt: a fresh request-time, signed with
 * Antom's key of that moment over the target URL's pathname, for the payment's client id.
 */
export const ANTOM_NOTIFICATION_SIGNER: NotificationSigner = {
  name: "antom_rsa256",
  sign: ({ body, headers }, targetUrl) =>
    Promise.resolve({
      body,
      headers: notificationHeaders(targetUrl, headers["client-id"] ?? antomSettings().clientId, body),
    }),
  corrupt: withBadSignature,
};

/** A notification to enqueue: unsigned (the outbox signs it after the answer); its kind is its notifyType. */
function notificationOf(
  payment: AntomPaymentRow,
  targetUrl: string,
  body: Json & { notifyType: string },
): Notification {
  return {
    provider: "antom",
    // [doc: seed 002 notifyPayment] notifyType PAYMENT_RESULT, PAYMENT_PENDING; CAPTURE_RESULT and REFUND_RESULT [guess].
    type: body.notifyType,
    subject: payment.paymentId,
    reference: payment.paymentRequestId,
    targetUrl,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json; charset=UTF-8", "client-id": payment.clientId },
    signer: ANTOM_NOTIFICATION_SIGNER,
    retrySchedule: NOTIFICATION_RETRY_SECONDS,
    ackRule: ANTOM_ACKNOWLEDGEMENT,
  };
}

type NotificationBody = Json & { notifyType: string };

async function enqueue(
  payment: AntomPaymentRow,
  targetUrl: string | null,
  body: NotificationBody,
  staleBody?: NotificationBody,
): Promise<void> {
  if (!targetUrl) return;
  await enqueueScripted(notificationOf(payment, targetUrl, body), {
    behaviour: payment.callbackBehaviour,
    lateSeconds: LATE_NOTIFICATION_SECONDS,
    stale: () => (staleBody ? notificationOf(payment, targetUrl, staleBody) : undefined),
  });
}

function paymentResultBody(payment: AntomPaymentRow): NotificationBody {
  return {
    notifyType: "PAYMENT_RESULT",
    result: resultOfPayment(payment),
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: money(payment.amountMinor, payment.currency),
    paymentCreateTime: antomTime(payment.createdAt),
    paymentTime: antomTime(payment.paymentTime ?? payment.updatedAt),
    paymentResultInfo: paymentResultInfo(payment),
  };
}

/**
 * PAYMENT_PENDING [doc: PROVIDERS.md §2 notifyPayment]: the payment is still in process. Its body is
 * notifyPayment's without a paymentTime or paymentResultInfo (none yet) [guess].
 */
function paymentPendingBody(payment: AntomPaymentRow): NotificationBody {
  return {
    notifyType: "PAYMENT_PENDING",
    result: RESULTS.inProcess,
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: money(payment.amountMinor, payment.currency),
    paymentCreateTime: antomTime(payment.createdAt),
  };
}

/** A payment the bank is still deciding (no challenge to wait for): PAYMENT_PENDING now, PAYMENT_RESULT when final. */
async function notifyPaymentPending(payment: AntomPaymentRow): Promise<void> {
  await enqueue(payment, payment.paymentNotifyUrl, paymentPendingBody(payment));
}

export async function notifyPaymentResult(payment: AntomPaymentRow): Promise<void> {
  // PAYMENT_RESULT only for a final status [doc: seed 002]. Out of order: the stale copy is the
  // PAYMENT_PENDING that arrives after it.
  const stale = payment.status === "PROCESSING" ? undefined : paymentPendingBody(payment);
  await enqueue(payment, payment.paymentNotifyUrl, paymentResultBody(payment), stale);
}

async function notifyCapture(payment: AntomPaymentRow, capture: AntomTransactionRow): Promise<void> {
  const { result, captureRequestId, captureId, paymentId, captureAmount, captureTime } = captureView(payment, capture);
  await enqueue(payment, payment.paymentNotifyUrl, {
    notifyType: "CAPTURE_RESULT",
    result,
    captureRequestId,
    paymentId,
    captureId,
    captureAmount,
    captureTime,
  });
}

/**
 * The refund notification: neither seed 002 nor PROVIDERS.md documents it, so it stays minimal
 * [guess]: notifyPayment's `notifyType` and `result` (its status: S refunded, F not), the ids and
 * the amount.
 */
async function notifyRefund(payment: AntomPaymentRow, refund: AntomTransactionRow): Promise<void> {
  const { result, refundRequestId, refundId, paymentId, refundAmount } = refundView(refund);
  await enqueue(payment, refund.notifyUrl, {
    notifyType: "REFUND_RESULT",
    result,
    refundRequestId,
    refundId,
    paymentId,
    refundAmount,
  });
}

// ---------------------------------------------------------------------------------------------
// Field checks

function objectAt(value: unknown): Json | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** A string field: undefined when absent, an error text when not a string. */
function stringAt(body: Json, key: string, field: string): string | undefined | { error: string } {
  const value = body[key];
  if (!present(value)) return undefined;
  if (typeof value !== "string") return { error: `${field} must be a string` };
  return value.trim();
}

function requiredString(body: Json, key: string, field: string, max?: number): string | { error: string } {
  const value = stringAt(body, key, field);
  if (value === undefined || value === "") return { error: `${field} is required` };
  if (typeof value !== "string") return value;
  if (max !== undefined && value.length > max) return { error: `${field} is longer than ${max} characters` };
  return value;
}

function flag(value: unknown): boolean {
  return value === true || value === "true";
}

function isError(value: unknown): value is { error: string } {
  return !!value && typeof value === "object" && "error" in value;
}

function amountAt(body: Json, key: string, field: string): { currency: string; minor: number } | { error: string } {
  const amount = body[key];
  if (!present(amount)) return { error: `${field} is required` };
  const object = objectAt(amount);
  if (!object) return { error: `${field} must be an object {currency, value}` };
  if (!present(object.currency)) return { error: `${field}.currency is required` };
  if (typeof object.currency !== "string" || !/^[A-Z]{3}$/.test(object.currency))
    return { error: `${field}.currency must be an ISO 4217 code` };
  if (!present(object.value)) return { error: `${field}.value is required` };
  if (typeof object.value !== "string" || !/^\d{1,18}$/.test(object.value))
    return { error: `${field}.value must be a string of digits (minor units)` };
  const minor = Number(object.value);
  if (!Number.isSafeInteger(minor) || minor <= 0) return { error: `${field}.value must be greater than 0` };
  return { currency: object.currency, minor };
}

/** A URL the emulator will use later: absolute http(s), where the outbound policy allows (its text otherwise). */
function urlAt(body: Json, key: string, field: string, required: boolean): string | null | { error: string } {
  const value = stringAt(body, key, field);
  if (isError(value)) return value;
  if (!value) return required ? { error: `${field} is required` } : null;
  // [guess] Antom publishes no rule on where these may point (it refuses malformed URLs); the
  // policy is the emulator's own, answered as PARAM_ILLEGAL like any bad parameter.
  const refused = targetUrlError(value, field);
  return refused ? { error: refused } : value;
}

/** The canonical JSON of a body (keys sorted), hashed: tells a repeat from a different request. */
function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value as Json)
          .sort()
          .map((key) => [key, canonical((value as Json)[key])]),
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

// ---------------------------------------------------------------------------------------------
// pay

interface CardFacts {
  masked: string;
  brand: string;
  expiryMonth: string;
  expiryYear: string;
  firstName: string;
  lastName: string;
  outcome: CardOutcome;
  cvvGiven?: string;
  token?: AntomCardTokenRow;
}

function expired(month: string, year: string, now = new Date()): boolean {
  const fullYear = 2000 + Number(year);
  return fullYear * 12 + Number(month) < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
}

const META = "paymentMethod.paymentMethodMetaData";

function checkCard(meta: Json | undefined): CardFacts | { error: string } {
  if (!meta) return { error: `${META} is required` };
  const cardNo = requiredString(meta, "cardNo", `${META}.cardNo`);
  if (isError(cardNo)) return cardNo;
  const number = digitsOnly(cardNo);
  if (!luhnValid(number)) return { error: `${META}.cardNo is not a valid card number` };
  const cvv = requiredString(meta, "cvv", `${META}.cvv`);
  if (isError(cvv)) return cvv;
  if (!/^\d{3,4}$/.test(cvv)) return { error: `${META}.cvv must be 3 or 4 digits` };
  const year = requiredString(meta, "expiryYear", `${META}.expiryYear`);
  if (isError(year)) return year;
  if (!/^\d{2}$/.test(year)) return { error: `${META}.expiryYear must be 2 digits` };
  const month = requiredString(meta, "expiryMonth", `${META}.expiryMonth`);
  if (isError(month)) return month;
  if (!/^\d{2}$/.test(month) || Number(month) < 1 || Number(month) > 12)
    return { error: `${META}.expiryMonth must be 01..12` };
  const name = objectAt(meta.cardholderName);
  if (!name) return { error: `${META}.cardholderName is required` };
  const firstName = requiredString(name, "firstName", `${META}.cardholderName.firstName`);
  if (isError(firstName)) return firstName;
  const lastName = requiredString(name, "lastName", `${META}.cardholderName.lastName`);
  if (isError(lastName)) return lastName;
  return {
    masked: maskCard(number),
    brand: antomBrand(brandOf(number)),
    expiryMonth: month,
    expiryYear: year,
    firstName,
    lastName,
    outcome: outcomeOfCard(number),
    cvvGiven: cvv,
  };
}

function checkMpi(meta: Json | undefined): Record<string, string> | undefined | { error: string } {
  if (!meta || !present(meta.mpiData)) return undefined;
  const mpi = objectAt(meta.mpiData);
  if (!mpi) return { error: `${META}.mpiData must be an object` };
  const eci = requiredString(mpi, "eci", `${META}.mpiData.eci`);
  if (isError(eci)) return eci;
  const cavv = requiredString(mpi, "cavv", `${META}.mpiData.cavv`);
  if (isError(cavv)) return cavv;
  const dsTransactionId = requiredString(mpi, "dsTransactionId", `${META}.mpiData.dsTransactionId`);
  if (isError(dsTransactionId)) return dsTransactionId;
  const version = stringAt(mpi, "threeDSVersion", `${META}.mpiData.threeDSVersion`);
  if (isError(version)) return version;
  return { eci, threeDSVersion: version || THREE_DS_VERSION, caav: cavv, dsTransactionId };
}

type Plan =
  | { kind: "approve"; threeDS: Record<string, string> | null }
  | { kind: "challenge" }
  | { kind: "pending" }
  | { kind: "decline"; result: ResultInfo };

function planOf(card: CardFacts, options: { mit: boolean; ask3ds: boolean; mpi?: Record<string, string> }): Plan {
  if (expired(card.expiryMonth, card.expiryYear)) return { kind: "decline", result: RESULTS.expiredCard };
  const outcome = card.outcome;
  if (outcome.kind === "decline") return { kind: "decline", result: DECLINE_RESULTS[outcome.reason] };
  if (outcome.kind === "pending") return { kind: "pending" };
  if (options.mpi) return { kind: "approve", threeDS: options.mpi };
  if (options.mit) return { kind: "approve", threeDS: null };
  if (outcome.kind === "challenge" || options.ask3ds) return { kind: "challenge" };
  return { kind: "approve", threeDS: null };
}

async function answerPayment(request: AntomRequest, payment: AntomPaymentRow): Promise<Response> {
  const text = JSON.stringify(payView(payment));
  await setFirstAnswer(payment.paymentId, text);
  return respond(request.path, request.clientId, text);
}

export async function pay(request: AntomRequest): Promise<Response> {
  const { body, clientId, path } = request;
  const illegal = (message: string) => resultOnly(path, clientId, RESULTS.paramIllegal, message);

  const productCode = requiredString(body, "productCode", "productCode");
  if (isError(productCode)) return illegal(productCode.error);
  const paymentRequestId = requiredString(body, "paymentRequestId", "paymentRequestId", 64);
  if (isError(paymentRequestId)) return illegal(paymentRequestId.error);
  const hash = requestHash(body);
  const existing = await findPaymentOf(clientId, { paymentRequestId });
  if (existing) {
    if (existing.requestHash !== hash) return resultOnly(path, clientId, RESULTS.repeatInconsistent);
    return respond(path, clientId, existing.firstAnswer || JSON.stringify(payView(existing)));
  }
  if (productCode !== "CASHIER_PAYMENT") return illegal('productCode must be "CASHIER_PAYMENT"');

  const amount = amountAt(body, "paymentAmount", "paymentAmount");
  if (isError(amount)) return illegal(amount.error);
  const order = objectAt(body.order);
  if (!order) return illegal("order is required");
  const orderAmount = amountAt(order, "orderAmount", "order.orderAmount");
  if (isError(orderAmount)) return illegal(orderAmount.error);
  for (const key of ["referenceOrderId", "orderDescription"]) {
    const value = requiredString(order, key, `order.${key}`, key === "referenceOrderId" ? 64 : 256);
    if (isError(value)) return illegal(value.error);
  }

  const method = objectAt(body.paymentMethod);
  if (!method) return illegal("paymentMethod is required");
  const methodType = requiredString(method, "paymentMethodType", "paymentMethod.paymentMethodType");
  if (isError(methodType)) return illegal(methodType.error);
  if (methodType !== "CARD") return illegal('paymentMethod.paymentMethodType must be "CARD"');

  const factor = present(body.paymentFactor) ? objectAt(body.paymentFactor) : {};
  if (!factor) return illegal("paymentFactor must be an object");
  // A card payment is an authorization [doc: seed 002 "Request for an authorization payment": the
  // pay API initiates an authorization for a card payment, the request sample carries
  // paymentFactor.isAuthorization true]: without it (or false) there is no card payment to make.
  if (!flag(factor.isAuthorization))
    return illegal("paymentFactor.isAuthorization must be true for a card payment (paymentMethodType CARD)");
  // [doc: seed 002] AUTOMATIC when empty or absent; MANUAL: the merchant calls capture.
  const captureMode = factor.captureMode || "AUTOMATIC";
  if (captureMode !== "AUTOMATIC" && captureMode !== "MANUAL")
    return illegal('paymentFactor.captureMode must be "AUTOMATIC" or "MANUAL"');

  const mit = flag(body.isMerchantInitiated);
  const mitType = stringAt(body, "merchantInitiatedType", "merchantInitiatedType");
  if (isError(mitType)) return illegal(mitType.error);
  if (mit && mitType !== "UNSCHEDULED" && mitType !== "RECURRING")
    return illegal('merchantInitiatedType must be "UNSCHEDULED" or "RECURRING" for a merchant-initiated payment');

  const notifyUrl = urlAt(body, "paymentNotifyUrl", "paymentNotifyUrl", false);
  if (isError(notifyUrl)) return illegal(notifyUrl.error);
  const redirectUrl = urlAt(body, "paymentRedirectUrl", "paymentRedirectUrl", !mit);
  if (isError(redirectUrl)) return illegal(redirectUrl.error);
  const env = objectAt(body.env);
  if (!env) return illegal("env is required");
  for (const key of mit ? ["terminalType"] : ["terminalType", "clientIp"]) {
    const value = requiredString(env, key, `env.${key}`);
    if (isError(value)) return illegal(value.error);
  }

  const meta = present(method.paymentMethodMetaData) ? objectAt(method.paymentMethodMetaData) : undefined;
  if (present(method.paymentMethodMetaData) && !meta) return illegal(`${META} must be an object`);
  const methodId = stringAt(method, "paymentMethodId", "paymentMethod.paymentMethodId");
  if (isError(methodId)) return illegal(methodId.error);
  if (mit && !methodId)
    return illegal("paymentMethod.paymentMethodId (a stored card token) is required for a merchant-initiated payment");
  const mpi = checkMpi(meta);
  if (isError(mpi)) return illegal(mpi.error);

  let card: CardFacts;
  if (methodId) {
    const token = await findCardToken(clientId, methodId);
    if (!token) return resultOnly(path, clientId, RESULTS.invalidPaymentMethod);
    const cvv = meta ? stringAt(meta, "cvv", `${META}.cvv`) : undefined;
    if (isError(cvv)) return illegal(cvv.error);
    if (cvv && !/^\d{3,4}$/.test(cvv)) return illegal(`${META}.cvv must be 3 or 4 digits`);
    card = {
      masked: token.cardMasked,
      brand: token.cardBrand,
      expiryMonth: token.expiryMonth,
      expiryYear: token.expiryYear,
      firstName: token.holderFirstName,
      lastName: token.holderLastName,
      outcome: JSON.parse(token.cardOutcome) as CardOutcome,
      cvvGiven: cvv || undefined,
      token,
    };
  } else {
    const checked = checkCard(meta);
    if (isError(checked)) return illegal(checked.error);
    card = checked;
  }

  const billing = meta ? objectAt(meta.billingAddress) : undefined;
  const zip = billing && typeof billing.zipCode === "string" ? billing.zipCode.trim() : "";
  const buyer = objectAt(order.buyer);
  const taken = await takeNextPayment("antom", {
    // [doc: seed 002] paymentRequestId is the merchant's id of the payment; order.buyer.buyerEmail the shopper's email.
    reference: paymentRequestId,
    email: buyer && typeof buyer.buyerEmail === "string" ? buyer.buyerEmail : null,
    testId: request.testId,
  });
  if (taken.before) return faultResponse("antom", taken.before);
  const forced = forcedOutcomeOf(taken.override);
  const plan = planOf(forced ? { ...card, outcome: forced } : card, {
    mit,
    ask3ds: !!meta && flag(meta.is3DSAuthentication),
    mpi,
  });
  const paymentId = await newId();
  await recordForcedPayment("antom", paymentId, taken);
  const payment = await insertPayment({
    paymentId,
    clientId,
    paymentRequestId,
    requestHash: hash,
    firstAnswer: "",
    amountMinor: amount.minor,
    currency: amount.currency,
    status: plan.kind === "decline" ? "FAIL" : "PROCESSING",
    resultCode: plan.kind === "decline" ? plan.result.resultCode : RESULTS.inProcess.resultCode,
    resultMessage: plan.kind === "decline" ? plan.result.resultMessage : RESULTS.inProcess.resultMessage,
    captureMode,
    cardMasked: card.masked,
    cardBrand: card.brand,
    funding: card.token?.funding ?? "CREDIT",
    issuingCountry: card.token?.issuingCountry ?? "US",
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
    holderFirstName: card.firstName,
    holderLastName: card.lastName,
    cardOutcome: JSON.stringify(card.outcome),
    avsResultRaw: zip === AVS_NO_MATCH_ZIP ? "N" : "Y",
    cvvResultRaw: card.cvvGiven === undefined ? "U" : card.cvvGiven === CVV_NO_MATCH ? "N" : "M",
    networkTransactionId: card.token && mit ? card.token.networkTransactionId : digits(15),
    threeDSResult: plan.kind === "approve" ? plan.threeDS : null,
    tokenizeRequested: !card.token && !!meta && (flag(meta.tokenize) || flag(meta.isCardOnFile)),
    paidWithToken: card.token?.token ?? null,
    merchantInitiatedType: mit ? (mitType ?? null) : null,
    paymentNotifyUrl: notifyUrl,
    paymentRedirectUrl: redirectUrl,
    origin: request.origin,
    language: browserLanguageOf(env),
    awaitingChallenge: plan.kind === "challenge",
    settleAt:
      plan.kind === "pending" ? new Date((await emulatorNowMs()) + scaledMs(PENDING_SETTLES_AFTER_SECONDS)) : null,
    paymentTime: plan.kind === "decline" ? await emulatorNow() : null,
    callbackBehaviour: callbackBehaviourOf(`${card.firstName} ${card.lastName}`),
  });

  if (plan.kind === "decline") {
    await notifyPaymentResult(payment);
    return answerStored("antom", taken, await answerPayment(request, payment));
  }
  if (plan.kind === "approve")
    return answerStored(
      "antom",
      taken,
      await answerPayment(request, (await succeed(payment)) ?? (await findPayment(payment.paymentId))!),
    );
  if (plan.kind === "pending") await notifyPaymentPending(payment);
  return answerStored("antom", taken, await answerPayment(request, payment));
}

/** Completes a PROCESSING payment as SUCCESS (captured if AUTOMATIC, card stored if asked) and notifies. */
async function succeed(
  payment: AntomPaymentRow,
  extra: Partial<AntomPaymentRow> = {},
): Promise<AntomPaymentRow | undefined> {
  const now = await emulatorNow();
  const done = await completePayment(
    payment.paymentId,
    { ...extra, paymentTime: now },
    {
      id: await newId(now),
      requestId: payment.paymentRequestId,
      requestHash: "automatic",
      firstAnswer: "",
      createdAt: now,
    },
    payment.tokenizeRequested
      ? {
          token: newCardToken(),
          cardMasked: payment.cardMasked,
          cardBrand: payment.cardBrand,
          funding: payment.funding,
          issuingCountry: payment.issuingCountry,
          expiryMonth: payment.expiryMonth,
          expiryYear: payment.expiryYear,
          holderFirstName: payment.holderFirstName,
          holderLastName: payment.holderLastName,
          cardOutcome: payment.cardOutcome,
          networkTransactionId: payment.networkTransactionId,
        }
      : undefined,
  );
  if (!done) return undefined;
  await notifyPaymentResult(done.payment);
  if (done.capture) {
    await setTransactionAnswer(done.capture.id, JSON.stringify(captureView(done.payment, done.capture)));
    await notifyCapture(done.payment, done.capture);
  }
  return done.payment;
}

/** Settles a PROCESSING payment whose time has come (test card ...0119). */
async function settleIfDue(payment: AntomPaymentRow, now?: number): Promise<AntomPaymentRow> {
  if (
    payment.status !== "PROCESSING" ||
    payment.awaitingChallenge ||
    !payment.settleAt ||
    payment.settleAt.getTime() > (now ?? (await emulatorNowMs()))
  )
    return payment;
  return (await succeed(payment)) ?? (await findPayment(payment.paymentId)) ?? payment;
}

// ---------------------------------------------------------------------------------------------
// capture, cancel, refund

function refusal(request: AntomRequest, reason: Refusal): Response {
  const result =
    reason === "ORDER_STATUS_INVALID"
      ? RESULTS.orderStatusInvalid
      : reason === "REFUND_AMOUNT_EXCEED"
        ? RESULTS.refundExceeds
        : RESULTS.captureExceeds;
  return resultOnly(request.path, request.clientId, result);
}

/** A repeated request id: the first answer when the content is the same, else REPEAT_REQ_INCONSISTENT. */
function repeatOf(
  request: AntomRequest,
  existing: AntomTransactionRow | undefined,
  hash: string,
): Response | undefined {
  if (!existing) return undefined;
  if (existing.requestHash !== hash) return resultOnly(request.path, request.clientId, RESULTS.repeatInconsistent);
  return respond(request.path, request.clientId, existing.firstAnswer);
}

/**
 * What a capture and a refund share, checked in this order: their own request id (`requestIdKey`),
 * the paymentId and an amount (`amountKey`); then `more` reads the request's other fields; a
 * repeated request id answers its first answer; the payment must exist and the amount be in its
 * currency. Answers the payment and the transaction row to record, or Antom's refusal.
 */
async function movementOf<More extends object>(
  request: AntomRequest,
  kind: "CAPTURE" | "REFUND",
  requestIdKey: string,
  amountKey: string,
  more: (illegal: (message: string) => Response) => More | Response,
): Promise<{ payment: AntomPaymentRow; row: typeof antomTransactions.$inferInsert & More } | Response> {
  const { body, clientId, path } = request;
  const illegal = (message: string) => resultOnly(path, clientId, RESULTS.paramIllegal, message);
  const requestId = requiredString(body, requestIdKey, requestIdKey, 64);
  if (isError(requestId)) return illegal(requestId.error);
  const paymentId = requiredString(body, "paymentId", "paymentId", 64);
  if (isError(paymentId)) return illegal(paymentId.error);
  const amount = amountAt(body, amountKey, amountKey);
  if (isError(amount)) return illegal(amount.error);
  const extra = more(illegal);
  if (extra instanceof Response) return extra;
  const hash = requestHash(body);
  const repeated = repeatOf(request, await findTransaction(clientId, kind, requestId), hash);
  if (repeated) return repeated;
  const payment = await findPaymentOf(clientId, { paymentId });
  if (!payment) return resultOnly(path, clientId, RESULTS.orderNotExist);
  if (amount.currency !== payment.currency)
    return illegal(`${amountKey}.currency must be the payment's currency (${payment.currency})`);
  const row = {
    id: await newId(),
    kind,
    clientId,
    requestId,
    requestHash: hash,
    firstAnswer: "",
    paymentId,
    amountMinor: amount.minor,
    currency: amount.currency,
    ...extra,
  };
  return { payment, row };
}

export async function capture(request: AntomRequest): Promise<Response> {
  const { clientId, path } = request;
  const movement = await movementOf(request, "CAPTURE", "captureRequestId", "captureAmount", () => ({}));
  if (movement instanceof Response) return movement;
  const { payment } = movement;
  const recorded = await recordCapture(movement.row);
  if (typeof recorded === "string") return refusal(request, recorded);
  const text = JSON.stringify(captureView(payment, recorded));
  await setTransactionAnswer(recorded.id, text);
  await notifyCapture(payment, recorded);
  return respond(path, clientId, text);
}

/** The payment a cancel or an inquiry names by paymentId or paymentRequestId, or Antom's refusal. */
async function paymentNamedIn(request: AntomRequest): Promise<AntomPaymentRow | Response> {
  const { body, clientId, path } = request;
  const illegal = (message: string) => resultOnly(path, clientId, RESULTS.paramIllegal, message);
  const paymentId = stringAt(body, "paymentId", "paymentId");
  if (isError(paymentId)) return illegal(paymentId.error);
  const paymentRequestId = stringAt(body, "paymentRequestId", "paymentRequestId");
  if (isError(paymentRequestId)) return illegal(paymentRequestId.error);
  if (!paymentId && !paymentRequestId) return illegal("paymentId or paymentRequestId is required");
  return (
    (await findPaymentOf(clientId, paymentId ? { paymentId } : { paymentRequestId })) ??
    resultOnly(path, clientId, RESULTS.orderNotExist)
  );
}

export async function cancel(request: AntomRequest): Promise<Response> {
  const { body, clientId, path } = request;
  const named = await paymentNamedIn(request);
  if (named instanceof Response) return named;
  const payment = named;
  const earlier = await findTransaction(clientId, "CANCEL", payment.paymentId);
  if (earlier) return respond(path, clientId, earlier.firstAnswer);
  const recorded = await recordCancel({
    id: await newId(),
    kind: "CANCEL",
    clientId,
    requestId: payment.paymentId,
    requestHash: requestHash(body),
    firstAnswer: "",
    paymentId: payment.paymentId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  });
  if (typeof recorded === "string") return refusal(request, recorded);
  const text = JSON.stringify({
    result: RESULTS.success,
    paymentId: payment.paymentId,
    paymentRequestId: payment.paymentRequestId,
    cancelTime: antomTime(recorded.createdAt),
  });
  await setTransactionAnswer(recorded.id, text);
  return respond(path, clientId, text);
}

export async function refund(request: AntomRequest): Promise<Response> {
  const { clientId, path } = request;
  const movement = await movementOf(request, "REFUND", "refundRequestId", "refundAmount", (illegal) => {
    const reason = stringAt(request.body, "refundReason", "refundReason");
    if (isError(reason)) return illegal(reason.error);
    const notifyUrl = urlAt(request.body, "refundNotifyUrl", "refundNotifyUrl", false);
    if (isError(notifyUrl)) return illegal(notifyUrl.error);
    return { reason: reason || null, notifyUrl };
  });
  if (movement instanceof Response) return movement;
  const { payment } = movement;
  const recorded = await recordRefund(movement.row);
  if (typeof recorded === "string") return refusal(request, recorded);
  const text = JSON.stringify(refundView(recorded));
  await setTransactionAnswer(recorded.id, text);
  await notifyRefund(payment, recorded);
  return respond(path, clientId, text);
}

// ---------------------------------------------------------------------------------------------
// Inquiries

export async function inquiryPayment(request: AntomRequest): Promise<Response> {
  const { clientId, path } = request;
  const named = await paymentNamedIn(request);
  if (named instanceof Response) return named;
  const found = named;
  const payment = await settleIfDue(found);
  const outcome = resultOfPayment(payment);
  const view: Json = {
    result: RESULTS.success,
    paymentStatus: paymentStatusOf(payment),
    paymentResultCode: payment.status === "CANCELLED" ? RESULTS.success.resultCode : outcome.resultCode,
    paymentResultMessage: payment.status === "CANCELLED" ? RESULTS.success.resultMessage : outcome.resultMessage,
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: money(payment.amountMinor, payment.currency),
    paymentCreateTime: antomTime(payment.createdAt),
  };
  if (payment.paymentTime) view.paymentTime = antomTime(payment.paymentTime);
  if (payment.status !== "PROCESSING") view.paymentResultInfo = paymentResultInfo(payment);
  const transactions = await transactionsOf(payment.paymentId);
  if (transactions.length > 0) {
    view.transactions = transactions.map((row) => ({
      transactionType: row.kind,
      transactionStatus: row.status,
      transactionRequestId: row.requestId,
      transactionAmount: money(row.amountMinor, row.currency),
      transactionId: row.id,
      transactionTime: antomTime(row.createdAt),
    }));
  }
  return respond(path, clientId, view);
}

export async function inquiryRefund(request: AntomRequest): Promise<Response> {
  const { body, clientId, path } = request;
  const illegal = (message: string) => resultOnly(path, clientId, RESULTS.paramIllegal, message);
  const refundId = stringAt(body, "refundId", "refundId");
  if (isError(refundId)) return illegal(refundId.error);
  const refundRequestId = stringAt(body, "refundRequestId", "refundRequestId");
  if (isError(refundRequestId)) return illegal(refundRequestId.error);
  if (!refundId && !refundRequestId) return illegal("refundId or refundRequestId is required");
  const found = refundId
    ? await findTransactionById(clientId, "REFUND", refundId)
    : await findTransaction(clientId, "REFUND", refundRequestId!);
  if (!found) return resultOnly(path, clientId, RESULTS.orderNotExist, "The refund does not exist.");
  return respond(path, clientId, {
    result: RESULTS.success,
    refundStatus: found.status,
    refundAmount: money(found.amountMinor, found.currency),
    refundId: found.id,
    refundRequestId: found.requestId,
    paymentId: found.paymentId,
    refundTime: antomTime(found.createdAt),
  });
}

// ---------------------------------------------------------------------------------------------
// Routing

const HANDLERS: Record<ApiAction, (request: AntomRequest) => Promise<Response>> = {
  pay,
  capture,
  cancel,
  refund,
  inquiryPayment,
  inquiryRefund,
};

/** Answers POST /emulators/antom/ams[/sandbox]/api/v1/payments/<action>. */
export async function handleApi(request: Request, action: string): Promise<Response> {
  if (!(API_ACTIONS as readonly string[]).includes(action)) {
    return resultOnly(providerPath(request), antomSettings().clientId, {
      resultCode: "NO_INTERFACE_DEF",
      resultStatus: "F",
      resultMessage: "API is not defined.",
    });
  }
  const read = await readRequest(request);
  if (read instanceof Response) return read;
  return HANDLERS[action as ApiAction](read);
}

// ---------------------------------------------------------------------------------------------
// The 3DS challenge page's answer

/** Finishes a challenge: 123456 passes, anything else fails; answers where the browser goes next. */
export async function finishChallenge(
  paymentId: string,
  code: string,
): Promise<{ redirect: string } | { notFound: true }> {
  const payment = await findPayment(paymentId);
  if (!payment) return { notFound: true };
  const back = payment.paymentRedirectUrl ?? challengeUrl(payment);
  if (payment.status !== "PROCESSING" || !payment.awaitingChallenge) return { redirect: back };
  if (code.trim() === CHALLENGE_PASS_CODE) {
    await succeed(payment, {
      threeDSResult: {
        eci: CHALLENGE_ECI,
        threeDSVersion: THREE_DS_VERSION,
        caav: randomBytes(20).toString("base64"),
        dsTransactionId: randomUUID(),
      },
    });
  } else {
    const failed = await movePayment(paymentId, ["PROCESSING"], "FAIL", {
      awaitingChallenge: false,
      resultCode: RESULTS.authenticationFailed.resultCode,
      resultMessage: RESULTS.authenticationFailed.resultMessage,
      paymentTime: await emulatorNow(),
    });
    if (failed) await notifyPaymentResult(failed);
  }
  return { redirect: back };
}

// ---------------------------------------------------------------------------------------------
// Jobs (run on every outbox tick)

/** Its scheduled work, run on every outbox tick (the descriptor hands it to the worker). */
export const jobs: Record<string, () => Promise<void>> = {
  "antom:settle-processing": async () => {
    for (const due of await dueSettlements()) await settleIfDue(due);
  },
};
