import type { OrderStatus, PaymentStatus } from "@/lib/db/schema";
import type { CaptureNotification, PaymentStatusNotification, RefundNotification } from "./types";
import { canTransition, isAhead, isBehind, isPaid, orderStatusFromPayments } from "./state";

/**
 * What a payment is, for a decision about it. lib/db reads it inside the write transaction that
 * then writes what the decision says, so two events racing for one payment never both decide on
 * the same stale row.
 */
export interface PaymentNow {
  status: PaymentStatus;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  captureMode: "automatic" | "manual";
}

/** Something a provider reported about a payment (a notification, or its answer to an operator's action). */
export type PaymentEvent =
  /** The payment is `status`; with the amount captured, where the provider says. */
  | { kind: "status"; status: PaymentStatus; capturedAmount?: number }
  /** Paid, without saying whether captured (a card result that does not say whether it was captured): authorized under manual capture, succeeded otherwise. */
  | { kind: "approved" }
  /** A refund of `amount`: it adds to what was refunded; refunded in full or in part follows from the sums. */
  | { kind: "refund"; amount: number };

/** The amounts a move writes with the status. */
export interface AmountsSet {
  capturedAmount?: number;
  refundedAmount?: number;
}

/** What an event does to a payment now `from`, reporting `to`. */
export type Decision =
  /** Moves it (a compare-and-set on `from`), writing `set` with the status. */
  | { outcome: "move"; from: PaymentStatus; to: PaymentStatus; set: AmountsSet }
  /** It is already `to` (the news came another way): the event is recorded once, with its facts; nothing moves. */
  | { outcome: "record"; from: PaymentStatus; to: PaymentStatus }
  /**
   * `to` lies ahead: the event came before the one it follows (a refund before the success).
   * Nothing is written and it is not acknowledged, so the provider's redelivery applies it later.
   */
  | { outcome: "early"; from: PaymentStatus; to: PaymentStatus }
  /** The payment has already moved past `to` (a PROCESSING after the success): nothing is written. */
  | { outcome: "stale"; from: PaymentStatus; to: PaymentStatus }
  /** `to` can never follow `from` (a refund of a failed payment): nothing is written. */
  | { outcome: "contradiction"; from: PaymentStatus; to: PaymentStatus };

/** The status an event reports for a payment, and the amounts it would write with it. */
function reported(now: PaymentNow, event: PaymentEvent): { to: PaymentStatus; set: AmountsSet } {
  switch (event.kind) {
    case "status":
      return { to: event.status, set: capturedWith(now, event.status, event.capturedAmount) };
    case "approved": {
      const to = now.captureMode === "manual" ? "authorized" : "succeeded";
      return { to, set: capturedWith(now, to, undefined) };
    }
    case "refund": {
      const refunded = now.refundedAmount + event.amount;
      const refundable = now.capturedAmount || now.amount;
      return { to: refunded >= refundable ? "refunded" : "partially_refunded", set: { refundedAmount: refunded } };
    }
  }
}

/**
 * The amount captured with a move to `to`: as the provider says; else, for a success with
 * nothing captured yet (automatic capture: the authorization captured it), the whole amount.
 */
function capturedWith(now: PaymentNow, to: PaymentStatus, captured: number | undefined): AmountsSet {
  if (captured !== undefined) return { capturedAmount: captured };
  if (to === "succeeded" && now.capturedAmount === 0) return { capturedAmount: now.amount };
  return {};
}

/**
 * What an event does to a payment: the one place that says whether it moves (an allowed step of
 * the state machine), is recorded only (it is already there), waits (early), is old news (stale)
 * or can never be (contradiction). A duplicate (its dedupe key already taken) is a storage fact,
 * found by lib/db before this is asked.
 */
export function decide(now: PaymentNow, event: PaymentEvent): Decision {
  const from = now.status;
  const { to, set } = reported(now, event);
  if (canTransition(from, to)) return { outcome: "move", from, to, set };
  if (from === to) return { outcome: "record", from, to };
  if (isAhead(from, to)) return { outcome: "early", from, to };
  return { outcome: isBehind(from, to) ? "stale" : "contradiction", from, to };
}

/** An attempt of an order, as its order's decision sees it. */
export interface AttemptNow {
  id: string;
  status: PaymentStatus;
}

/** What a payment's move does to its order. */
export interface OrderDecision {
  status: OrderStatus;
  /** The move took money while this other attempt already held the order's: a second charge, to be returned. */
  secondChargeOf?: string;
}

/**
 * The order once one of its attempts (`attempts`, oldest first, as they are after the move) has
 * moved from `from` to `to`: its status follows its payments, and money taken while another
 * attempt holds the order's is a second charge.
 */
export function decideOrder(
  attempts: readonly AttemptNow[],
  moved: { id: string; from: PaymentStatus; to: PaymentStatus },
): OrderDecision {
  const status = orderStatusFromPayments(attempts);
  if (!isPaid(moved.to) || isPaid(moved.from)) return { status };
  const kept = attempts.find((attempt) => attempt.id !== moved.id && isPaid(attempt.status));
  return kept ? { status, secondChargeOf: kept.id } : { status };
}

/** What a verified notification about a payment reports, as an event for `decide`. */
export function paymentEventOf(
  notification: PaymentStatusNotification | CaptureNotification | RefundNotification,
): PaymentEvent {
  switch (notification.kind) {
    case "payment-status":
      return notification.status === "approved"
        ? { kind: "approved" }
        : { kind: "status", status: notification.status };
    case "capture":
      // A failed capture leaves the authorization as it was: it reports the payment authorized.
      return notification.result === "captured"
        ? { kind: "status", status: "succeeded", capturedAmount: notification.amount }
        : { kind: "status", status: "authorized" };
    case "refund":
      return { kind: "refund", amount: notification.amount };
  }
}
