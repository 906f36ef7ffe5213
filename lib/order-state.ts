import type { OrderStatus } from "@/lib/db/schema";

/**
 * What an order is, as people read it. The stored order status says whether money is held
 * (`paid`); an order whose money is only authorized is not charged yet, so it reads apart:
 *
 * - `to_capture`: authorized with manual capture (the made-to-order product): charged when it
 *   ships, by an operator's capture. The console's "To capture" queue.
 * - `capture_pending`: authorized, and the provider captures it by itself later (a capture delay).
 */
export const ORDER_STATES = [
  "pending",
  "to_capture",
  "capture_pending",
  "paid",
  "failed",
  "canceled",
  "refunded",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** How the authorization an order holds is captured, if its money is only authorized (else null). */
export type HeldAuthorization = "manual" | "automatic" | null;

export function orderStateOf(status: OrderStatus, held: HeldAuthorization): OrderState {
  if (status !== "paid" || !held) return status;
  return held === "manual" ? "to_capture" : "capture_pending";
}

/** Whether `value` names an order state (a filter from a query string). */
export function isOrderState(value: string | undefined): value is OrderState {
  return (ORDER_STATES as readonly string[]).includes(value ?? "");
}

type Tone = "waiting" | "done" | "failure" | "neutral" | "info";

/**
 * What a badge shows: an order state, or a failed order whose last attempt was called off (the
 * shopper canceled on the payment page): neutral, not a red failure; the shopper may pay again.
 */
export type ShownOrderState = OrderState | "payment_canceled";

/** The shopper's words and the operator's for each state, and the badge's tone. */
export const ORDER_STATE_WORDS: Readonly<Record<ShownOrderState, { shopper: string; operator: string; tone: Tone }>> = {
  pending: { shopper: "Waiting for payment", operator: "Pending", tone: "waiting" },
  to_capture: { shopper: "Confirmed — charged when it ships", operator: "To capture", tone: "info" },
  capture_pending: { shopper: "Confirmed — charged shortly", operator: "Authorized", tone: "info" },
  paid: { shopper: "Paid", operator: "Paid", tone: "done" },
  failed: { shopper: "Payment failed", operator: "Failed", tone: "failure" },
  // A cancel is not a failure: neutral.
  canceled: { shopper: "Canceled", operator: "Canceled", tone: "neutral" },
  payment_canceled: { shopper: "Payment canceled", operator: "Payment canceled", tone: "neutral" },
  refunded: { shopper: "Refunded", operator: "Refunded", tone: "neutral" },
};

export const TONE_CLASS: Readonly<Record<Tone, string>> = {
  waiting: "bg-amber-100 text-amber-900",
  done: "bg-emerald-100 text-emerald-900",
  failure: "bg-red-100 text-red-900",
  neutral: "bg-stone-200 text-stone-800",
  info: "bg-sky-100 text-sky-900",
};
