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

/**
 * The operator's words for each state (the console is English) and the badge's tone. The shopper's
 * words are the catalogue's `OrderState.<state>` (messages/<locale>/orders.json), in their language.
 */
export const ORDER_STATE_WORDS: Readonly<Record<ShownOrderState, { operator: string; tone: Tone }>> = {
  pending: { operator: "Pending", tone: "waiting" },
  to_capture: { operator: "To capture", tone: "info" },
  capture_pending: { operator: "Authorized", tone: "info" },
  paid: { operator: "Paid", tone: "done" },
  failed: { operator: "Failed", tone: "failure" },
  // A cancel is not a failure: neutral.
  canceled: { operator: "Canceled", tone: "neutral" },
  payment_canceled: { operator: "Payment canceled", tone: "neutral" },
  refunded: { operator: "Refunded", tone: "neutral" },
};

/** The order page's headline for an order as it stands: its key under `OrderPage.headline`. */
export type OrderHeadline = "paid" | "confirmed" | "paymentCanceled" | "failed" | "canceled" | "refunded" | "pending";

export function orderHeadlineOf(state: OrderState, lastAttemptCanceled: boolean): OrderHeadline {
  switch (state) {
    case "to_capture":
    case "capture_pending":
      return "confirmed";
    case "failed":
      return lastAttemptCanceled ? "paymentCanceled" : "failed";
    default:
      return state;
  }
}

export const TONE_CLASS: Readonly<Record<Tone, string>> = {
  waiting: "bg-amber-100 text-amber-900",
  done: "bg-emerald-100 text-emerald-900",
  failure: "bg-red-100 text-red-900",
  neutral: "bg-stone-200 text-stone-800",
  info: "bg-sky-100 text-sky-900",
};
