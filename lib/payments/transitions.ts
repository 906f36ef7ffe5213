import "server-only";
import {
  applyPaymentDecision,
  movePayment,
  type EventApplication,
  type PaymentDecisions,
  type PaymentPatch,
  type TransitionResult,
} from "@/lib/db/queries/payments";
import type { PaymentStatus } from "@/lib/db/schema";
import { decide, decideOrder, type PaymentEvent } from "./decide";

/** The decisions lib/db takes, inside its write transaction, for one event. */
function decisionsFor(event: PaymentEvent): PaymentDecisions {
  return { payment: (now) => decide(now, event), order: decideOrder };
}

/**
 * Moves a payment to `to` where the state machine allows it from the status it has when the
 * write transaction reads it (one compare-and-set, with its event row and the order's status).
 * A captured amount in `patch` is the provider's word on the capture; without one, a success
 * captures the whole amount.
 */
export async function transitionPayment(
  paymentId: string,
  to: PaymentStatus,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): Promise<TransitionResult> {
  const event: PaymentEvent = { kind: "status", status: to, capturedAmount: patch.capturedAmount };
  return movePayment(paymentId, decisionsFor(event), patch, cause);
}

/**
 * Applies a provider's event (a verified notification, or its answer to an operator's action)
 * once, under its dedupe key: what it does is decided on the payment as the write transaction
 * reads it (lib/payments/decide.ts), and lib/db writes that.
 */
export async function applyPaymentEvent(
  paymentId: string,
  event: PaymentEvent,
  record: Parameters<typeof applyPaymentDecision>[2],
): Promise<EventApplication> {
  return applyPaymentDecision(paymentId, decisionsFor(event), record);
}
