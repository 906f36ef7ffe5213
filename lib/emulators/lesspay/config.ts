/** The Lesspay emulator's own settings (it reads its env, never the shop's). */
export function lesspaySettings() {
  return {
    appId: process.env.EMULATOR_LESSPAY_APP_ID || "lp_app_storefront_01",
    appSecret: process.env.EMULATOR_LESSPAY_APP_SECRET || "emulator-lesspay-app-secret",
  };
}

/** Where the emulator is mounted (the provider's paths follow it: /api/global/v1/pay/...). */
export const BASE_PATH = "/emulators/lesspay";

export const API_ACTIONS = ["create-order", "query-order"] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

/** Answer codes [doc]. */
export const CODES = {
  ok: 0,
  system: 10,
  parameter: 11,
  duplicateRequest: 1201,
  notFound: 1202,
  business: 9999,
} as const;

/** Order status ints and names [doc]. */
export const ORDER_STATUS = {
  PENDING_CONFIRM: 0,
  PENDING_PAY: 1,
  SUCCEED: 2,
  FAILED: 3,
  CANCELED: 4,
  REFUND: 5,
  CLOSED: 6,
  PAID: 12,
} as const;
export type OrderStatusName = keyof typeof ORDER_STATUS;

export function statusName(status: number): OrderStatusName {
  return (Object.entries(ORDER_STATUS).find(([, value]) => value === status)?.[0] as OrderStatusName | undefined) ?? "PENDING_PAY";
}

/** Failure reasons carried as fail_reason (and msg) [the project's wording]. */
export const FAIL_REASONS = {
  generic: "Do not honor",
  insufficient_funds: "Insufficient funds",
  expired_card: "Expired card",
  authentication_failed: "3DS authentication failed",
  cancelled: "Cancelled by the payer",
} as const;

/**
 * Waits after each callback that is not acknowledged with the text SUCCESS, in seconds: 15 s,
 * 1 min, 5 min, 15 min, 1 h, 2 h, 6 h [guess: Lesspay does not publish its schedule].
 */
export const CALLBACK_RETRY_SECONDS = [15, 60, 300, 900, 3600, 7200, 21600] as const;

/** The acknowledgement the merchant answers a callback with (plain text) [doc]. */
export const CALLBACK_ACK = "SUCCESS";

/** How long an OpenAPI card payment without 3DS processes before its callback [the project's]. */
export const PROCESSING_SECONDS = 2;

/** How long test card ...0119 stays processing before it succeeds. */
export const PENDING_SETTLES_AFTER_SECONDS = 120;

/** How late a "late" callback is sent [the project's]. */
export const LATE_CALLBACK_SECONDS = 120;

/** Issuer data of a stored card (channel_biz_data) [seed 004 names the fields; the values are the emulator's]. */
export const ISSUER = { issuer: "LESSPAY EMULATOR BANK", issuer_country: "GB" } as const;

/** Risk events scripted by the cardholder name, sent after the payment's SUCCEED callback. */
export const RISK_EVENTS = [
  { match: "dispute", event: "dispute_received", reason: "fraudulent" },
  { match: "riskdecline", event: "payment_declined", reason: "fraudulent" },
] as const;
export type RiskEventName = (typeof RISK_EVENTS)[number]["event"];

export function riskEventOf(holderName: string | null | undefined): RiskEventName | undefined {
  const name = (holderName ?? "").toLowerCase();
  return RISK_EVENTS.find((row) => name.includes(row.match))?.event;
}

export function riskReasonOf(event: RiskEventName): string {
  return RISK_EVENTS.find((row) => row.event === event)?.reason ?? "fraudulent";
}

/** Decimal places of target_amount per currency [the project's rule]: JPY 0, KWD 3, else 2. */
export function currencyDecimals(currency: string): number {
  if (currency === "JPY") return 0;
  if (currency === "KWD") return 3;
  return 2;
}

/** Brand names as written in channel_biz_data.card_brand. */
export function lesspayBrand(brand: string): string {
  return ({ Visa: "VISA", Mastercard: "MASTERCARD", Amex: "AMEX", UnionPay: "UNIONPAY", JCB: "JCB" } as Record<string, string>)[brand] ?? brand.toUpperCase();
}
