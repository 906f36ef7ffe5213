import { deploymentSecret } from "@/lib/deployment-secrets";
import { notificationSecret } from "../signing-secrets";
import { currencyExponent as isoExponent, isKnownCurrency } from "@/lib/money";

/** The PingPongCheckout emulator's own settings (it reads its env, never the shop's). */
export function pingpongMerchant() {
  return {
    accId: process.env.EMULATOR_PINGPONG_ACC_ID || "2018092714313010016291",
    clientId: process.env.EMULATOR_PINGPONG_CLIENT_ID || "2018092714313010016",
    salt: process.env.EMULATOR_PINGPONG_SALT || deploymentSecret("pingpong-salt", "emulator-pingpong-salt"),
    /** Shown on the wallet pages. */
    merchantName: process.env.EMULATOR_PINGPONG_MERCHANT_NAME || "Merchant Storefront",
  };
}

/** The salt its notifications are signed with now: the configured one, or a rotated one (../signing-secrets.ts). */
export async function pingpongNotificationSalt(): Promise<string> {
  return notificationSecret("pingpong", pingpongMerchant().salt);
}

export const BASE_PATH = "/emulators/pingpong";

/**
 * Result codes. PingPong publishes few (the decline example 301002); the rest are the project's
 * own, listed on /emulators.
 */
export const CODES = {
  success: { code: "000000", description: "Success" },
  invalidParameter: { code: "100001", description: "Missing or invalid parameter" },
  badSignature: { code: "100002", description: "Signature verification failed" },
  unknownMerchant: { code: "100003", description: "Unknown accId or clientId" },
  forbiddenCharacters: { code: "100004", description: "The request contains forbidden characters (< or >)" },
  notFound: { code: "100005", description: "Transaction does not exist" },
  declined: { code: "301002", description: "Transaction declined (Do not honor)" },
  insufficientFunds: { code: "301003", description: "Insufficient funds" },
  expiredCard: { code: "301004", description: "Expired card" },
  threeDsFailed: { code: "301005", description: "3D Secure authentication failed" },
  shopperCancelled: { code: "301006", description: "Payment cancelled by the shopper" },
  jsGeneratedData: { code: "302001", description: "jsGeneratedData is missing or invalid" },
  /** [guess] a requestId already used for another merchantTransactionId (the docs name requestId an idempotency key, no code). */
  duplicateRequestId: { code: "100006", description: "requestId already used for another request" },
  tokenNotFound: { code: "300001", description: "token does not exist" },
  signingDeclined: { code: "300002", description: "The user declined the signing" },
  codeInvalid: { code: "300003", description: "code is invalid or used" },
  refundExceeds: { code: "303001", description: "The refund amount exceeds the refundable amount" },
  wrongState: { code: "303002", description: "The transaction cannot be refunded or voided in its current state" },
} as const;

export type ResultCode = (typeof CODES)[keyof typeof CODES];

export const DECLINE_CODES = {
  generic: CODES.declined,
  insufficient_funds: CODES.insufficientFunds,
  expired_card: CODES.expiredCard,
} as const;

/**
 * Notification retries after a failed attempt, in seconds [doc: 5s, 5s, 3m, 10m, 20m, 30m, 30m,
 * 30m, 60m, 3h, 3h, 3h] for payments, refunds and voids. Seed 001's "retried 2 times" is about
 * one-click notifications (ONECLICK_RETRY_SECONDS).
 */
export const NOTIFICATION_RETRY_SECONDS = [5, 5, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800] as const;

/** How long a PROCESSING card payment (test card ...0119) waits before it settles as SUCCESS. */
export const PENDING_SETTLES_AFTER_SECONDS = 60;

/** How late a "late" notification is sent [the project's]. */
export const LATE_NOTIFICATION_SECONDS = 120;

/**
 * How long a QR code lives [the project's guess], in seconds not scaled by
 * EMULATOR_TIME_SCALE (../clock.ts), since it is the payer's time to scan, and payers (a person,
 * a test's steps) act in real time. Scaled, the tests' 0.001 left 0.9 s, less than a test's own
 * steps take on a busy machine. It runs on the emulators' clock (../clock.ts): the control plane's
 * `advance` expires it (then CLOSED and a CLOSE notification [doc: closeNotificationUrl gets CLOSED]),
 * as does the QA hook `POST …/apm/<id>/expire`.
 */
export const QR_LIFETIME_SECONDS = 15 * 60;

/** The longest capture delay unifiedPay accepts. */
export const MAX_CAPTURE_DELAY_HOURS = 720;

/** APM types: QR code (the shopper scans) or redirect (the shopper is sent to the wallet). */
export const APM_METHODS = {
  AlipayHK: { flow: "qr", label: "AlipayHK" },
  WeChatPay: { flow: "qr", label: "WeChat Pay" },
  Alipay: { flow: "redirect", label: "Alipay" },
} as const;

export type ApmType = keyof typeof APM_METHODS;

export function isApmType(type: string): type is ApmType {
  return Object.hasOwn(APM_METHODS, type);
}

/**
 * Decimals of a currency's major unit, as PingPong validates amounts: the ISO 4217 exponent
 * (lib/money, the whole of ISO 4217); undefined for a code that is not a known ISO 4217 currency.
 */
export function currencyExponent(currency: string): number | undefined {
  return isKnownCurrency(currency) ? isoExponent(currency) : undefined;
}

/**
 * One-click notifications [doc: seed 001 "响应报文异常重试2次"]: an abnormal answer is retried
 * twice, then given up (one attempt plus two retries). The interval is not given [guess: 5s, 5s,
 * the first two of the payment schedule].
 */
export const ONECLICK_RETRY_SECONDS = [5, 5] as const;

/** One-click (CodeGrant) wallet types [seed 001 + doc]. */
export const WALLET_TYPES = [
  "AlipayHK",
  "Alipay",
  "GCash",
  "DANA",
  "Kakaopay",
  "TNG eWallet",
  "Boost",
  "True Money",
  "Rabbit LINE Pay",
] as const;

export type WalletType = (typeof WALLET_TYPES)[number];

export function isWalletType(type: string): type is WalletType {
  return (WALLET_TYPES as readonly string[]).includes(type);
}

/** A CodeGrant payment whose customer.email contains this waits for the shopper on the wallet page [the project's]. */
export const CODEGRANT_CONFIRM_MATCH = "confirm";
