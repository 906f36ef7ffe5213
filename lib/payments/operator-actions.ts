import "server-only";
import { log } from "@/lib/log";
import { formatMoney, minor } from "@/lib/money";
import { findPayment, recordPaymentEvent } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import type { PaymentEvent } from "./decide";
import { paymentRefOf } from "./payment-ref";
import { recordCalls, recordFailedCall } from "./provider-outcome";
import { getProvider } from "./registry";
import { applyPaymentEvent } from "./transitions";
import type { ProviderOutcome } from "./types";

export class OperatorActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OperatorActionError";
  }
}

/**
 * An operator's refund or void: asks the provider, then applies its answer under the same dedupe
 * key the provider's later notification carries, so the two never count twice.
 */
async function operatorAction(
  paymentId: string,
  operator: string,
  action: "refund" | "void" | "capture" | "settle",
  run: (provider: ReturnType<typeof getProvider>, payment: Payment) => Promise<ProviderOutcome> | undefined,
): Promise<Payment> {
  const payment = await findPayment(paymentId);
  if (!payment) throw new OperatorActionError("Unknown payment.");
  const provider = getProvider(payment.provider);
  const pending = run(provider, payment);
  if (!pending)
    throw new OperatorActionError(
      `${provider.displayName} payments cannot be ${{ refund: "refunded", void: "voided", capture: "captured", settle: "settled" }[action]} here.`,
    );
  let outcome: ProviderOutcome;
  try {
    outcome = await pending;
  } catch (error) {
    const message = await recordFailedCall(payment.id, provider.id, error, {
      type: "operator_action",
      summary: (message) => `${operator}: ${action} failed: ${message}`,
    });
    throw new OperatorActionError(message);
  }
  await recordCalls(payment.id, provider.id, outcome.calls);
  const amount = (minorUnits: number | undefined) =>
    minorUnits === undefined ? "" : ` ${formatMoney(minorUnits, payment.currency)}`;
  const summary = `${operator} ${{ refund: `refunded${amount(outcome.refundAmount)}`, void: "voided the payment", capture: `captured${amount(outcome.capturedAmount)}`, settle: "settled the payment" }[action]}`;
  // A refund adds to what was refunded; anything else reports a status (with the amount captured, if it says).
  const event: PaymentEvent =
    outcome.refundAmount !== undefined
      ? { kind: "refund", amount: outcome.refundAmount }
      : { kind: "status", status: outcome.status, capturedAmount: outcome.capturedAmount };
  const applied = await applyPaymentEvent(payment.id, event, {
    provider: provider.id,
    type: "operator_action",
    dedupeKey: outcome.dedupeKey ?? `${provider.id}:${action}:${payment.id}:${Date.now()}`,
    summary,
    detail: { operator },
    patch: {},
  });
  // Its notification came first and applied it: who asked for it still belongs on the timeline.
  if (applied.outcome === "duplicate")
    await recordPaymentEvent({
      paymentId: payment.id,
      provider: provider.id,
      type: "operator_action",
      summary: `${summary} (${provider.displayName}'s notification of it had come first and applied it)`,
      detail: { operator },
    });
  const decided = applied.outcome === "duplicate" ? applied.outcome : applied.decision.outcome;
  log("info", "operator action", { paymentId: payment.id, provider: provider.id, action, outcome: decided });
  return (await findPayment(payment.id))!;
}

export function refundPayment(paymentId: string, amount: number, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "refund", (provider, payment) => {
    if (payment.status !== "succeeded" && payment.status !== "partially_refunded")
      throw new OperatorActionError(`A ${payment.status} payment cannot be refunded.`);
    const refundable = (payment.capturedAmount || payment.amount) - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable)
      throw new OperatorActionError(`Refund between 1 and ${refundable} minor units.`);
    return provider.refund?.(paymentRefOf(payment), minor(amount));
  });
}

export function voidPayment(paymentId: string, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "void", (provider, payment) => {
    if (payment.status !== "authorized")
      throw new OperatorActionError(`Only an authorized payment can be voided; this one is ${payment.status}.`);
    return provider.cancel?.(paymentRefOf(payment));
  });
}

export function capturePayment(paymentId: string, amount: number, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "capture", (provider, payment) => {
    if (payment.status !== "authorized")
      throw new OperatorActionError(`Only an authorized payment can be captured; this one is ${payment.status}.`);
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > payment.amount)
      throw new OperatorActionError(`Capture between 1 and ${payment.amount} minor units.`);
    return provider.capture?.(paymentRefOf(payment), minor(amount));
  });
}

/** Settles a succeeded payment at its provider (Ping Payments: split, then settle its payment order). */
export function settlePayment(paymentId: string, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "settle", (provider, payment) => {
    if (payment.status !== "succeeded")
      throw new OperatorActionError(`Only a succeeded payment can be settled; this one is ${payment.status}.`);
    // Settling pays the money out; the payment's status stays as it is.
    return provider.settle?.(paymentRefOf(payment)).then((outcome) => ({ ...outcome, status: payment.status }));
  });
}
