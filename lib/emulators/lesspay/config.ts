import { deploymentSecret } from "@/lib/deployment-secrets";
import type { AckRule } from "../outbox";
/** The Lesspay emulator's own settings (it reads its env, never the shop's). */
export function lesspaySettings() {
  return {
    appId: process.env.EMULATOR_LESSPAY_APP_ID || "lp_app_storefront_01",
    appSecret:
      process.env.EMULATOR_LESSPAY_APP_SECRET || deploymentSecret("lesspay-app-secret", "emulator-lesspay-app-secret"),
  };
}

/** Where the emulator is mounted (the provider's paths follow it: /api/global/v1/pay/...). */
export const BASE_PATH = "/emulators/lesspay";

export const API_ACTIONS = ["create-order", "query-order"] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

/** How far X-Auth-Timestamp may be from the emulator's clock: 5 minutes [guess: not published]. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

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
  return (
    (Object.entries(ORDER_STATUS).find(([, value]) => value === status)?.[0] as OrderStatusName | undefined) ??
    "PENDING_PAY"
  );
}

/** Failure reasons carried as fail_reason (and msg) [the project's wording]. */
export const FAIL_REASONS = {
  generic: "Do not honor",
  insufficient_funds: "Insufficient funds",
  expired_card: "Expired card",
  authentication_failed: "3DS authentication failed",
} as const;

/**
 * Waits after each callback that is not acknowledged with the text SUCCESS, in seconds: 15 s,
 * 1 min, 5 min, 15 min, 1 h, 2 h, 6 h [guess: Lesspay does not publish its schedule].
 */
export const CALLBACK_RETRY_SECONDS = [15, 60, 300, 900, 3600, 7200, 21600] as const;

/** The acknowledgement the merchant answers a callback with (plain text) [doc]. */
export const CALLBACK_ACK = "SUCCESS";

/** Lesspay resends until the merchant answers a 2xx whose body, trimmed, is exactly CALLBACK_ACK [doc]. */
export const LESSPAY_ACKNOWLEDGEMENT: AckRule = {
  name: "lesspay_success_text",
  accepts: (body) => (body ?? "").trim() === CALLBACK_ACK,
};

/** How long an OpenAPI card payment without 3DS processes before its callback [the project's]. */
export const PROCESSING_SECONDS = 2;

/** How long test card ...0119 stays processing before it succeeds. */
export const PENDING_SETTLES_AFTER_SECONDS = 120;

/** How late a "late" callback is sent [the project's]. */
export const LATE_CALLBACK_SECONDS = 120;

/** Issuer data of a stored card: channel_biz_data is card_token, issuer, issuer_country [doc: seed 004, Token Acquisition; the values are the emulator's]. */
export const ISSUER = { issuer: "LESSPAY EMULATOR BANK", issuer_country: "GB" } as const;

/**
 * Order statuses the payer scripts on the cashier page by the name on card [the project's]: the
 * card's own outcome is replaced by this status (callback and query-order alike).
 */
export const CASHIER_STATUS_SCRIPTS = [
  {
    match: "confirm",
    status: ORDER_STATUS.PENDING_CONFIRM,
    description: "0 PENDING_CONFIRM, its callback, 303 to success_url; it stays there (no confirmation comes)",
  },
  {
    match: "refund",
    status: ORDER_STATUS.REFUND,
    description: "2 SUCCEED and its callback, then 5 REFUND and its callback",
  },
  { match: "closed", status: ORDER_STATUS.CLOSED, description: "6 CLOSED, its callback, 303 to fail_url" },
  {
    match: "amountdiff",
    status: ORDER_STATUS.PAID,
    description: "12 PAID (amount differs), its callback, 303 to success_url",
  },
] as const;
export type ScriptedStatus = (typeof CASHIER_STATUS_SCRIPTS)[number]["status"];

export function scriptedStatusOf(name: string): ScriptedStatus | undefined {
  const lower = name.toLowerCase();
  return CASHIER_STATUS_SCRIPTS.find((row) => lower.includes(row.match))?.status;
}

/** How long after the SUCCEED callback a scripted REFUND follows [the project's]. */
export const REFUND_AFTER_SECONDS = 5;

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
