import { randomInt } from "node:crypto";
import { emulatorNow, emulatorNowMs, scaledMs } from "../clock";
import { targetUrlError } from "../outbound-url";
import {
  answerStored,
  enqueueScripted,
  faultResponse,
  forcedOutcomeOf,
  recordForcedPayment,
  takeNextPayment,
  testIdOf,
  type NextPayment,
  type PaymentFacts,
} from "../control";
import type { PingpongAdjustmentRow, PingpongTransactionRow, pingpongTransactions } from "./schema";
import { brandOf, callbackBehaviourOf, digitsOnly, luhnValid, maskCard, outcomeOfCard } from "../test-cards";
import {
  APM_METHODS,
  BASE_PATH,
  CODES,
  currencyExponent,
  DECLINE_CODES,
  CODEGRANT_CONFIRM_MATCH,
  isApmType,
  isWalletType,
  LATE_NOTIFICATION_SECONDS,
  MAX_CAPTURE_DELAY_HOURS,
  NOTIFICATION_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS,
  QR_LIFETIME_SECONDS,
  WALLET_TYPES,
} from "./config";
import {
  answer,
  invalid,
  notificationBody,
  notifyTypeOf,
  PINGPONG_NOTIFICATION_SIGNER,
  readEnvelope,
  type Merchant,
} from "./envelope";
import {
  dueSettlements,
  expiredQrCodes,
  findAdjustment,
  findRiskInit,
  findTransactionOf,
  findWalletToken,
  insertTokenPayment,
  insertTransaction,
  isTokenPayment,
  moveTransaction,
  recordRefund,
  recordVoid,
} from "./store";

/**
 * PingPongCheckout v4 as the emulator answers it: unifiedPay (cards with the risk-control
 * plugin's jsGeneratedData, QR and redirect APMs), refund, void and the three queries. Every
 * answer is HTTP 200 with a signed envelope; outcomes come from the shared test-card catalogue.
 */

// ---------------------------------------------------------------------------------------------
// Amounts

/** Parses a major-unit amount (number or decimal string) into minor units, or an error text. */
export function parseAmount(value: unknown, currency: string, field: string): number | string {
  const text =
    typeof value === "number" && Number.isFinite(value)
      ? String(value)
      : typeof value === "string"
        ? value.trim()
        : undefined;
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text))
    return `${field} must be a positive decimal amount in major units`;
  const [whole, fraction = ""] = text.split(".");
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return "bizContent.currency is not an ISO 4217 currency code";
  if (fraction.length > exponent) return `${field} has more decimals than ${currency} allows (${exponent})`;
  const minor = Number(whole + fraction.padEnd(exponent, "0"));
  if (!Number.isSafeInteger(minor) || minor <= 0) return `${field} must be greater than 0`;
  return minor;
}

/** Minor units as PingPong writes amounts in answers: major units with 6 decimals ("100.000000"). */
export function sixDecimals(minor: number, currency: string): string {
  const exponent = currencyExponent(currency) ?? 2;
  const digits = String(minor).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : digits.slice(-exponent);
  return `${whole}.${fraction.padEnd(6, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Views

export function newId(): string {
  return `${Date.now()}${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}

/** "codegrant": paid with a one-click wallet token (unifiedPay with bizType CodeGrant). */
export async function flowOf(transaction: PingpongTransactionRow): Promise<"card" | "qr" | "redirect" | "codegrant"> {
  if (isWalletType(transaction.methodType) && (await isTokenPayment(transaction.transactionId))) return "codegrant";
  return isApmType(transaction.methodType) ? APM_METHODS[transaction.methodType].flow : "card";
}

/**
 * browserInfo.language as the plugin's getGeneratedData() gives it and the merchant sends it with
 * unifiedPay [doc: PROVIDERS.md §1] (an object, or the same as a JSON string), when it is a short tag.
 */
function browserLanguageOf(browserInfo: unknown): string | null {
  let info = browserInfo;
  if (typeof info === "string") {
    try {
      info = JSON.parse(info);
    } catch {
      return null;
    }
  }
  const language = objectOf(info)?.language;
  return typeof language === "string" &&
    language.length <= 35 &&
    /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(language)
    ? language
    : null;
}

/** The transaction as unifiedPay and transaction/query describe it. */
export async function paymentView(transaction: PingpongTransactionRow): Promise<Record<string, unknown>> {
  const challenging = transaction.awaitingChallenge && transaction.status === "PROCESSING";
  const view: Record<string, unknown> = {
    ...notifyCore(transaction),
    threeDContinue: challenging ? "true" : "false",
    // The plugin's own blob [guess: nothing inside is documented]: the emulator's plugin script
    // (risk.ts) reads the transactionId and leads the browser to its 3DS page; the shop reads nothing.
    threeDUnionParams: challenging
      ? {
          threeDContinue: "true",
          transactionId: transaction.transactionId,
          // The 3DS page speaks browserInfo.language (lib/emulators/hosted-locale.ts).
          ...(transaction.language ? { language: transaction.language } : {}),
        }
      : { threeDContinue: "false" },
  };
  const flow = await flowOf(transaction);
  if (flow === "qr") {
    view.paymentQrCode = `${transaction.origin}${BASE_PATH}/apm/${transaction.transactionId}/scan`;
    view.qrCodeExpireTime = String(transaction.qrExpiresAt?.getTime() ?? "");
  } else if (flow === "redirect" || (flow === "codegrant" && transaction.status === "PROCESSING")) {
    view.paymentRedirectUrl = `${transaction.origin}${BASE_PATH}/apm/${transaction.transactionId}/pay`;
  }
  return view;
}

function resultOf(transaction: PingpongTransactionRow) {
  return { code: transaction.resultCode, description: transaction.resultDescription };
}

/** The merchant a notification's envelope names (the outbox signs it at each attempt, with the salt of that moment). */
function merchantOf(transaction: PingpongTransactionRow): Pick<Merchant, "accId" | "clientId"> {
  return { accId: transaction.accId, clientId: transaction.clientId };
}

function refundView(refund: PingpongAdjustmentRow) {
  return {
    requestId: refund.requestId,
    refundId: refund.id,
    transactionId: refund.transactionId,
    amount: sixDecimals(refund.amountMinor, refund.currency),
    currency: refund.currency,
    status: refund.status,
  };
}

function voidView(voided: PingpongAdjustmentRow) {
  return { requestId: voided.requestId, voidId: voided.id, transactionId: voided.transactionId, status: voided.status };
}

// ---------------------------------------------------------------------------------------------
// Notifications

type NotifyType = "PAYMENT" | "REFUND" | "VOID" | "CLOSE";

function notifyCore(transaction: PingpongTransactionRow) {
  return {
    requestId: transaction.requestId,
    merchantTransactionId: transaction.merchantTransactionId,
    transactionId: transaction.transactionId,
    amount: sixDecimals(transaction.amountMinor, transaction.currency),
    currency: transaction.currency,
    status: transaction.status,
    paymentMethod: { type: transaction.methodType },
    captureDelayHours: transaction.captureDelayHours,
  };
}

async function enqueue(
  transaction: PingpongTransactionRow,
  targets: string[],
  body: string,
  staleBody?: string,
): Promise<void> {
  for (const targetUrl of targets) {
    const notification = {
      provider: "pingpong",
      type: notifyTypeOf(body),
      subject: transaction.transactionId,
      reference: transaction.merchantTransactionId,
      targetUrl,
      body,
      signer: PINGPONG_NOTIFICATION_SIGNER,
      retrySchedule: NOTIFICATION_RETRY_SECONDS,
    };
    await enqueueScripted(notification, {
      behaviour: transaction.callbackBehaviour,
      lateSeconds: LATE_NOTIFICATION_SECONDS,
      stale: () => (staleBody ? { ...notification, type: notifyTypeOf(staleBody), body: staleBody } : undefined),
    });
  }
}

/** Posts the payment's result (notifyType PAYMENT, or CLOSE to both close targets). */
export async function notifyPayment(
  transaction: PingpongTransactionRow,
  notifyType: Extract<NotifyType, "PAYMENT" | "CLOSE"> = "PAYMENT",
): Promise<void> {
  const body = notificationBody(merchantOf(transaction), resultOf(transaction), {
    notifyType,
    ...notifyCore(transaction),
  });
  // Out of order: the final result is followed by a stale PROCESSING one.
  const stale =
    transaction.status === "PROCESSING"
      ? undefined
      : notificationBody(merchantOf(transaction), CODES.success, {
          notifyType: "PAYMENT",
          ...notifyCore({ ...transaction, status: "PROCESSING" }),
        });
  const targets = [transaction.notificationUrl];
  if (
    notifyType === "CLOSE" &&
    transaction.closeNotificationUrl &&
    transaction.closeNotificationUrl !== transaction.notificationUrl
  ) {
    targets.push(transaction.closeNotificationUrl);
  }
  await enqueue(transaction, targets, body, stale);
}

async function notifyAdjustment(transaction: PingpongTransactionRow, adjustment: PingpongAdjustmentRow): Promise<void> {
  const idField = adjustment.kind === "REFUND" ? "refundId" : "voidId";
  const body = notificationBody(merchantOf(transaction), CODES.success, {
    notifyType: adjustment.kind,
    ...notifyCore(transaction),
    requestId: adjustment.requestId,
    [idField]: adjustment.id,
    refundAmount: sixDecimals(adjustment.amountMinor, adjustment.currency),
    status: adjustment.status,
  });
  await enqueue(transaction, [adjustment.notificationUrl ?? transaction.notificationUrl], body);
}

// ---------------------------------------------------------------------------------------------
// Field checks

type Biz = Record<string, unknown>;

export function text(biz: Biz, key: string): string | undefined {
  const value = biz[key];
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

export function objectOf(value: unknown): Biz | undefined {
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Biz) : undefined;
    } catch {
      return undefined;
    }
  }
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Biz) : undefined;
}

/**
 * A notification URL: absolute http(s), and no query parameters [doc: PROVIDERS.md §1
 * Notifications, "notificationUrl carries no query parameters"], then registeredUrlError's
 * policy. The error text, or undefined.
 */
export function notificationUrlError(value: unknown, key: string): string | undefined {
  if (typeof value === "string" && httpUrl(value) && (new URL(value).search !== "" || value.includes("?")))
    return `bizContent.${key} must not carry query parameters`;
  return registeredUrlError(value, key);
}

/**
 * A URL the emulator will use later (a notification target, or payResultUrl, payCancelUrl,
 * merchantResultUrl the shopper is sent back to): absolute http(s), and allowed by the outbound
 * policy (refused as 100001 [guess]: PingPong publishes no such rule). The error text, or undefined.
 */
export function registeredUrlError(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return `bizContent.${key} must be an absolute http(s) URL`;
  return targetUrlError(value, `bizContent.${key}`);
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The first missing field of `names` in `biz`, as "bizContent.<name> is required". */
export function missing(biz: Biz, names: string[], prefix = "bizContent"): string | undefined {
  const name = names.find((key) => biz[key] === undefined || biz[key] === null || biz[key] === "");
  return name ? `${prefix}.${name} is required` : undefined;
}

interface CardCheck {
  masked: string;
  brand: string;
  number: string;
  holder: string;
}

function checkCard(cardInfo: Biz | undefined, now = new Date()): CardCheck | string {
  const prefix = "bizContent.paymentMethod.cardInfo";
  if (!cardInfo) return `${prefix} is required`;
  const absent = missing(
    cardInfo,
    ["number", "holderFirstName", "holderLastName", "expireMonth", "expireYear", "cvv"],
    prefix,
  );
  if (absent) return absent;
  const number = digitsOnly(String(cardInfo.number));
  if (!luhnValid(number)) return `${prefix}.number is invalid`;
  const monthText = String(cardInfo.expireMonth).trim();
  const month = Number(monthText);
  if (!/^\d{1,2}$/.test(monthText) || month < 1 || month > 12) return `${prefix}.expireMonth must be 01..12`;
  const yearText = String(cardInfo.expireYear).trim();
  if (!/^(\d{2}|\d{4})$/.test(yearText)) return `${prefix}.expireYear is invalid`;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  if (year * 12 + month < current) return `${prefix}.expireYear: the card has expired`;
  if (!/^\d{3,4}$/.test(String(cardInfo.cvv).trim())) return `${prefix}.cvv must be 3 or 4 digits`;
  return {
    masked: maskCard(number),
    brand: brandOf(number),
    number,
    holder: `${String(cardInfo.holderFirstName)} ${String(cardInfo.holderLastName)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// unifiedPay

async function respondWith(merchant: Merchant, transaction: PingpongTransactionRow): Promise<Response> {
  return answer(merchant, resultOf(transaction), await paymentView(transaction));
}

export async function unifiedPay(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const origin = new URL(request.url).origin;

  // Idempotency [doc: requestId and merchantTransactionId]: a repeated merchantTransactionId
  // answers the existing transaction, changing nothing; so does a repeated requestId of the same
  // order, and a requestId already used for another order is refused [guess: code 100006].
  const merchantTransactionId = text(biz, "merchantTransactionId");
  if (merchantTransactionId) {
    const existing = await findTransactionOf(merchant.accId, { merchantTransactionId });
    if (existing) return respondWith(merchant, existing);
  }
  const repeatedRequestId = text(biz, "requestId");
  if (repeatedRequestId) {
    const existing = await findTransactionOf(merchant.accId, { requestId: repeatedRequestId });
    if (existing)
      return existing.merchantTransactionId === merchantTransactionId
        ? respondWith(merchant, existing)
        : answer(merchant, CODES.duplicateRequestId);
  }

  if (biz.payResultUrl === undefined && biz.shopperResultUrl !== undefined) biz.payResultUrl = biz.shopperResultUrl;
  const absent = missing(biz, [
    "requestId",
    "merchantTransactionId",
    "amount",
    "currency",
    "notificationUrl",
    "payResultUrl",
    "paymentMethod",
  ]);
  if (absent) return invalid(merchant, absent);
  const requestId = text(biz, "requestId")!;
  if (!merchantTransactionId) return invalid(merchant, "bizContent.merchantTransactionId must be a string");
  if (requestId.length > 64) return invalid(merchant, "bizContent.requestId is longer than 64 characters");
  if (merchantTransactionId.length > 64)
    return invalid(merchant, "bizContent.merchantTransactionId is longer than 64 characters");
  const currency = text(biz, "currency") ?? "";
  // ISO 4217 codes, and each currency's decimals [doc: amounts in major units; the code 100001 a guess].
  if (!/^[A-Z]{3}$/.test(currency) || currencyExponent(currency) === undefined)
    return invalid(merchant, "bizContent.currency is not an ISO 4217 currency code");
  const amountMinor = parseAmount(biz.amount, currency, "bizContent.amount");
  if (typeof amountMinor === "string") return invalid(merchant, amountMinor);
  const badReturnUrl =
    registeredUrlError(biz.payResultUrl, "payResultUrl") ?? registeredUrlError(biz.payCancelUrl, "payCancelUrl");
  if (badReturnUrl) return invalid(merchant, badReturnUrl);
  const badNotificationUrl =
    notificationUrlError(biz.notificationUrl, "notificationUrl") ??
    notificationUrlError(biz.closeNotificationUrl, "closeNotificationUrl");
  if (badNotificationUrl) return invalid(merchant, badNotificationUrl);
  let captureDelayHours = 0;
  if (biz.captureDelayHours !== undefined && biz.captureDelayHours !== null && biz.captureDelayHours !== "") {
    const hoursText = String(biz.captureDelayHours).trim();
    captureDelayHours = Number(hoursText);
    if (!/^\d+$/.test(hoursText) || captureDelayHours > MAX_CAPTURE_DELAY_HOURS) {
      return invalid(merchant, `bizContent.captureDelayHours must be an integer from 0 to ${MAX_CAPTURE_DELAY_HOURS}`);
    }
  }
  const paymentMethod = objectOf(biz.paymentMethod);
  if (!paymentMethod) return invalid(merchant, "bizContent.paymentMethod must be an object");
  const type = typeof paymentMethod.type === "string" ? paymentMethod.type : "";
  if (!type) return invalid(merchant, "bizContent.paymentMethod.type is required");
  const codeGrant = text(biz, "bizType") === "CodeGrant";
  if (codeGrant && !isWalletType(type)) {
    return invalid(
      merchant,
      `bizContent.paymentMethod.type ${type} is not a one-click wallet (${WALLET_TYPES.join(", ")})`,
    );
  }
  if (!codeGrant && type !== "scheme" && !isApmType(type)) {
    return invalid(
      merchant,
      `bizContent.paymentMethod.type ${type} is not supported (scheme, ${Object.keys(APM_METHODS).join(", ")})`,
    );
  }
  const customer = objectOf(biz.customer);
  const customerEmail = customer && typeof customer.email === "string" ? customer.email : null;
  // What a forced outcome's scope is matched against: merchantTransactionId and customer.email [doc: seed 001].
  const facts: PaymentFacts = { reference: merchantTransactionId, email: customerEmail, testId: testIdOf(request) };

  const base = {
    accId: merchant.accId,
    clientId: merchant.clientId,
    requestId,
    merchantTransactionId,
    amountMinor,
    currency,
    methodType: type,
    captureDelayHours,
    notificationUrl: String(biz.notificationUrl),
    payResultUrl: String(biz.payResultUrl),
    payCancelUrl: typeof biz.payCancelUrl === "string" && biz.payCancelUrl ? biz.payCancelUrl : null,
    closeNotificationUrl:
      typeof biz.closeNotificationUrl === "string" && biz.closeNotificationUrl ? biz.closeNotificationUrl : null,
    merchantUserId: text(biz, "merchantUserId") ?? null,
    customerEmail,
    origin,
    language: browserLanguageOf(biz.browserInfo),
  };

  if (codeGrant) return payWithToken(merchant, biz, base, facts);

  if (type !== "scheme") {
    const flow = APM_METHODS[type as keyof typeof APM_METHODS].flow;
    const taken = await takeNextPayment("pingpong", facts);
    if (taken.before) return faultResponse("pingpong", taken.before);
    const transaction = await insertTransaction({
      ...base,
      transactionId: newId(),
      // Charged (a fault after the charge): paid at once, as if the shopper had been quick.
      status: taken.charged ? "SUCCESS" : "PROCESSING",
      resultCode: CODES.success.code,
      resultDescription: CODES.success.description,
      succeededAt: taken.charged ? await emulatorNow() : null,
      qrExpiresAt: flow === "qr" ? new Date((await emulatorNowMs()) + QR_LIFETIME_SECONDS * 1000) : null,
      callbackBehaviour: callbackBehaviourOf(customerEmail ?? ""),
    });
    await recordForcedPayment("pingpong", transaction.transactionId, taken);
    if (taken.charged) await notifyPayment(transaction);
    return answerStored("pingpong", taken, respondWith(merchant, transaction));
  }

  const card = checkCard(objectOf(paymentMethod.cardInfo));
  if (typeof card === "string") return invalid(merchant, card);
  if (!(await riskDataValid(merchant, requestId, objectOf(biz.jsGeneratedData))))
    return answer(merchant, CODES.jsGeneratedData);

  const taken = await takeNextPayment("pingpong", facts);
  if (taken.before) return faultResponse("pingpong", taken.before);
  const outcome = forcedOutcomeOf(taken.override) ?? outcomeOfCard(card.number);
  const respond = (transaction: PingpongTransactionRow) =>
    answerStored("pingpong", taken, respondWith(merchant, transaction));
  const cardFields = {
    ...base,
    transactionId: newId(),
    cardMasked: card.masked,
    cardBrand: card.brand,
    callbackBehaviour: callbackBehaviourOf(card.holder),
  };
  const insertCard = (values: Parameters<typeof insertTransaction>[0]) => insertForced(values, taken);
  switch (outcome.kind) {
    case "approve": {
      const transaction = await insertCard({
        ...cardFields,
        status: "SUCCESS",
        resultCode: CODES.success.code,
        resultDescription: CODES.success.description,
        succeededAt: await emulatorNow(),
      });
      await notifyPayment(transaction);
      return respond(transaction);
    }
    case "decline": {
      const code = DECLINE_CODES[outcome.reason];
      const transaction = await insertCard({
        ...cardFields,
        status: "FAILED",
        resultCode: code.code,
        resultDescription: code.description,
      });
      await notifyPayment(transaction);
      return respond(transaction);
    }
    case "challenge": {
      const transaction = await insertCard({
        ...cardFields,
        status: "PROCESSING",
        resultCode: CODES.success.code,
        resultDescription: CODES.success.description,
        awaitingChallenge: true,
      });
      return respond(transaction);
    }
    case "pending": {
      const transaction = await insertCard({
        ...cardFields,
        status: "PROCESSING",
        resultCode: CODES.success.code,
        resultDescription: CODES.success.description,
        settleAt: new Date((await emulatorNowMs()) + scaledMs(PENDING_SETTLES_AFTER_SECONDS)),
      });
      return respond(transaction);
    }
  }
}

/** The documented jsGeneratedData fields [doc: PROVIDERS.md §1 Card, getGeneratedData()]. */
const DOCUMENTED_RISK_FIELDS = ["fingerPrint", "forterSiteId", "forterTokenCookie"] as const;

/**
 * jsGeneratedData as the plugin yields it: the documented fields, each a non-empty string. The
 * emulator's own `threeDInitTransId` is optional; when sent it must be one its plugin issued for
 * this requestId.
 */
async function riskDataValid(merchant: Merchant, requestId: string, data: Biz | undefined): Promise<boolean> {
  if (!data) return false;
  if (data.threeDInitTransId !== undefined)
    return (
      typeof data.threeDInitTransId === "string" &&
      (await findRiskInit(merchant.accId, requestId, data.threeDInitTransId)) !== undefined
    );
  return DOCUMENTED_RISK_FIELDS.every((key) => typeof data[key] === "string" && data[key] !== "");
}

/** Stores a transaction and the control-plane override it took (before any notification is sent). */
async function insertForced(
  values: Parameters<typeof insertTransaction>[0],
  taken: NextPayment,
): Promise<PingpongTransactionRow> {
  const transaction = await insertTransaction(values);
  await recordForcedPayment("pingpong", transaction.transactionId, taken);
  return transaction;
}

/**
 * unifiedPay with a one-click token (bizType CodeGrant): 300001 "token does not exist" unless the
 * token is ACTIVE and was signed by the same merchantUserId; otherwise SUCCESS at once, or
 * PROCESSING on the wallet's redirect page when customer.email contains "confirm".
 */
async function payWithToken(
  merchant: Merchant,
  biz: Biz,
  base: Omit<typeof pingpongTransactions.$inferInsert, "transactionId" | "status" | "resultCode" | "resultDescription">,
  facts: PaymentFacts,
): Promise<Response> {
  const token = text(biz, "token");
  if (!token) return invalid(merchant, "bizContent.token is required");
  const merchantUserId = base.merchantUserId;
  if (!merchantUserId) return invalid(merchant, "bizContent.merchantUserId is required");
  const signed = await findWalletToken(token);
  if (
    !signed ||
    signed.accId !== merchant.accId ||
    signed.status !== "ACTIVE" ||
    signed.merchantUserId !== merchantUserId
  ) {
    return answer(merchant, CODES.tokenNotFound);
  }
  if (signed.walletType !== base.methodType) {
    return invalid(merchant, `bizContent.paymentMethod.type must be the token's wallet type (${signed.walletType})`);
  }
  const confirm = (base.customerEmail ?? "").includes(CODEGRANT_CONFIRM_MATCH);
  const taken = await takeNextPayment("pingpong", facts);
  if (taken.before) return faultResponse("pingpong", taken.before);
  const transaction = await insertTokenPayment(
    {
      ...base,
      transactionId: newId(),
      status: confirm ? "PROCESSING" : "SUCCESS",
      resultCode: CODES.success.code,
      resultDescription: CODES.success.description,
      succeededAt: confirm ? null : await emulatorNow(),
      callbackBehaviour: callbackBehaviourOf(base.customerEmail ?? ""),
    },
    token,
  );
  await recordForcedPayment("pingpong", transaction.transactionId, taken);
  if (!confirm) await notifyPayment(transaction);
  return answerStored("pingpong", taken, respondWith(merchant, transaction));
}

// ---------------------------------------------------------------------------------------------
// refund, void

async function captureDelayElapsed(transaction: PingpongTransactionRow, nowMs?: number): Promise<boolean> {
  if (transaction.captureDelayHours === 0) return true;
  const now = nowMs ?? (await emulatorNowMs());
  const since = transaction.succeededAt?.getTime() ?? transaction.createdAt.getTime();
  return now >= since + scaledMs(transaction.captureDelayHours * 3600);
}

export async function refund(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const absent = missing(biz, ["requestId", "transactionId", "amount", "currency"]);
  if (absent) return invalid(merchant, absent);
  const requestId = text(biz, "requestId")!;
  const existing = await findAdjustment(merchant.accId, "REFUND", requestId);
  if (existing) return answer(merchant, CODES.success, refundView(existing));
  const transaction = await findTransactionOf(merchant.accId, { transactionId: text(biz, "transactionId") });
  if (!transaction) return answer(merchant, CODES.notFound);
  const currency = text(biz, "currency");
  if (currency !== transaction.currency)
    return invalid(merchant, `bizContent.currency must be the transaction's currency (${transaction.currency})`);
  const amountMinor = parseAmount(biz.amount, transaction.currency, "bizContent.amount");
  if (typeof amountMinor === "string") return invalid(merchant, amountMinor);
  const notificationUrl = text(biz, "notificationUrl");
  const badNotificationUrl = notificationUrlError(notificationUrl, "notificationUrl");
  if (badNotificationUrl) return invalid(merchant, badNotificationUrl);
  if (transaction.status !== "SUCCESS" || !(await captureDelayElapsed(transaction)))
    return answer(merchant, CODES.wrongState);
  if (transaction.refundedMinor + amountMinor > transaction.amountMinor) return answer(merchant, CODES.refundExceeds);
  const recorded = await recordRefund({
    id: newId(),
    kind: "REFUND",
    accId: merchant.accId,
    requestId,
    transactionId: transaction.transactionId,
    amountMinor,
    currency: transaction.currency,
    status: "SUCCESS",
    reason: text(biz, "refundReason") ?? null,
    notificationUrl: notificationUrl ?? null,
  });
  if (!recorded) return answer(merchant, CODES.refundExceeds);
  await notifyAdjustment(transaction, recorded);
  return answer(merchant, CODES.success, refundView(recorded));
}

export async function voidPayment(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const absent = missing(biz, ["requestId", "transactionId"]);
  if (absent) return invalid(merchant, absent);
  const requestId = text(biz, "requestId")!;
  const existing = await findAdjustment(merchant.accId, "VOID", requestId);
  if (existing) return answer(merchant, CODES.success, voidView(existing));
  const transaction = await findTransactionOf(merchant.accId, { transactionId: text(biz, "transactionId") });
  if (!transaction) return answer(merchant, CODES.notFound);
  if (
    transaction.status !== "SUCCESS" ||
    transaction.captureDelayHours === 0 ||
    (await captureDelayElapsed(transaction))
  )
    return answer(merchant, CODES.wrongState);
  const recorded = await recordVoid({
    id: newId(),
    kind: "VOID",
    accId: merchant.accId,
    requestId,
    transactionId: transaction.transactionId,
    amountMinor: transaction.amountMinor,
    currency: transaction.currency,
    status: "SUCCESS",
    reason: text(biz, "voidReason") ?? null,
    notificationUrl: null,
  });
  if (!recorded) return answer(merchant, CODES.wrongState);
  await notifyAdjustment({ ...transaction, status: "CLOSED" }, recorded);
  return answer(merchant, CODES.success, voidView(recorded));
}

// ---------------------------------------------------------------------------------------------
// Queries

export async function queryTransaction(request: Request): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const transactionId = text(biz, "transactionId");
  const merchantTransactionId = text(biz, "merchantTransactionId");
  if (!transactionId && !merchantTransactionId)
    return invalid(merchant, "bizContent.transactionId or bizContent.merchantTransactionId is required");
  const transaction = await findTransactionOf(
    merchant.accId,
    transactionId ? { transactionId } : { merchantTransactionId },
  );
  if (!transaction) return answer(merchant, CODES.notFound);
  return answer(merchant, resultOf(transaction), {
    ...(await paymentView(transaction)),
    refundedAmount: sixDecimals(transaction.refundedMinor, transaction.currency),
  });
}

async function queryAdjustment(request: Request, kind: PingpongAdjustmentRow["kind"]): Promise<Response> {
  const envelope = await readEnvelope(request);
  if (envelope instanceof Response) return envelope;
  const { merchant, biz } = envelope;
  const requestId = text(biz, "requestId");
  if (!requestId) return invalid(merchant, "bizContent.requestId is required");
  const found = await findAdjustment(merchant.accId, kind, requestId);
  if (!found) return answer(merchant, CODES.notFound);
  return answer(merchant, CODES.success, kind === "REFUND" ? refundView(found) : voidView(found));
}

export const queryRefund = (request: Request) => queryAdjustment(request, "REFUND");
export const queryVoid = (request: Request) => queryAdjustment(request, "VOID");

// ---------------------------------------------------------------------------------------------
// Hosted pages' actions (3DS challenge, wallet approve / cancel / expire)

export async function isQrExpired(transaction: PingpongTransactionRow, nowMs?: number): Promise<boolean> {
  const now = nowMs ?? (await emulatorNowMs());
  return (
    (await flowOf(transaction)) === "qr" && transaction.qrExpiresAt !== null && transaction.qrExpiresAt.getTime() <= now
  );
}

/** Closes an open APM transaction (QR expired, or the QA hook) and sends the CLOSE notification. */
export async function closeApm(transactionId: string): Promise<PingpongTransactionRow | undefined> {
  const closed = await moveTransaction(transactionId, ["PROCESSING"], "CLOSED");
  if (closed) await notifyPayment(closed, "CLOSE");
  return closed;
}

export async function finishChallenge(
  transaction: PingpongTransactionRow,
  code: string,
  passCode: string,
): Promise<PingpongTransactionRow | undefined> {
  if (!transaction.awaitingChallenge || transaction.status !== "PROCESSING") return undefined;
  const passed = code.trim() === passCode;
  const moved = passed
    ? await moveTransaction(transaction.transactionId, ["PROCESSING"], "SUCCESS", {
        awaitingChallenge: false,
        succeededAt: await emulatorNow(),
      })
    : await moveTransaction(transaction.transactionId, ["PROCESSING"], "FAILED", {
        awaitingChallenge: false,
        resultCode: CODES.threeDsFailed.code,
        resultDescription: CODES.threeDsFailed.description,
      });
  if (moved) await notifyPayment(moved);
  return moved;
}

export async function finishApm(
  transaction: PingpongTransactionRow,
  approve: boolean,
): Promise<PingpongTransactionRow | undefined> {
  if ((await flowOf(transaction)) === "card" || transaction.status !== "PROCESSING") return undefined;
  if (await isQrExpired(transaction)) {
    await closeApm(transaction.transactionId);
    return undefined;
  }
  const moved = approve
    ? await moveTransaction(transaction.transactionId, ["PROCESSING"], "SUCCESS", { succeededAt: await emulatorNow() })
    : await moveTransaction(transaction.transactionId, ["PROCESSING"], "FAILED", {
        resultCode: CODES.shopperCancelled.code,
        resultDescription: CODES.shopperCancelled.description,
      });
  if (moved) await notifyPayment(moved);
  return moved;
}

// ---------------------------------------------------------------------------------------------
// Jobs (run on every outbox tick)

/** Its scheduled work, run on every outbox tick (the descriptor hands it to the worker). */
export const jobs: Record<string, () => Promise<void>> = {
  "pingpong:settle-processing": async () => {
    for (const due of await dueSettlements()) {
      const settled = await moveTransaction(due.transactionId, ["PROCESSING"], "SUCCESS", {
        settleAt: null,
        succeededAt: await emulatorNow(),
      });
      if (settled) await notifyPayment(settled);
    }
  },
  "pingpong:expire-qr": async () => {
    for (const due of await expiredQrCodes()) await closeApm(due.transactionId);
  },
};
