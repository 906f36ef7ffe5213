import "server-only";
import { randomUUID } from "node:crypto";
import { settings } from "@/lib/env";
import { instanceId } from "@/lib/instance";
import { endLease, takeLease } from "@/lib/db/queries/shared-state";
import { log } from "@/lib/log";
import {
  findPayment,
  listPaymentEvents,
  patchPayment,
  recordIntegrityFailure,
  recordPaymentEvent,
} from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { returnExtraChargeSoon } from "./extra-charges";
import { paymentRefOf } from "./payment-ref";
import { recordCalls, recordFailedCall, rememberCard } from "./provider-outcome";
import { getProvider } from "./registry";
import { isPending } from "./state";
import { transitionPayment } from "./transitions";
import type { ApiCallRecord, ProviderOutcome } from "./types";

/**
 * How often a payment whose start answer was lost is asked about again (never less often than a
 * late notification would be); the first inquiry goes right after the answer was lost.
 */
export function unknownAnswerInquiryAfterMs(): number {
  const env = settings();
  return Math.min(env.PAYMENT_UNKNOWN_INQUIRY_AFTER_MS, env.PAYMENT_INQUIRY_AFTER_MS);
}

/**
 * Whether every call the shop made about the payment came back with an answer (a 5xx, an HTML
 * page, cut-off JSON: unreadable, but answered). None timed out or was cut off on the way, so
 * none can still be on its way to the provider: what the provider's inquiry says now already
 * counts the start call. [guess] A provider that has answered a request has finished acting on
 * it; no provider's docs say it acts on a request after answering it with an error.
 */
async function everyCallAnswered(paymentId: string): Promise<boolean> {
  return (await listPaymentEvents(paymentId)).every(
    (event) => event.type !== "api_call" || (event.detail as ApiCallRecord | null)?.status !== 0,
  );
}

/** How old an attempt must be before the provider's "no such payment" settles it: older than any call still on its way. */
function notAtProviderAfterMs(): number {
  const env = settings();
  return Math.max(env.PAYMENT_NOT_AT_PROVIDER_AFTER_MS, 2 * env.PROVIDER_TIMEOUT_MS);
}

/**
 * Asks the provider for a pending payment's status (its notification is late or lost) and
 * applies the answer through the state machine. Asks at most once per `minIntervalMs`, and never
 * while another inquiry of the payment is under way, in this instance or another: each takes the
 * payment's lease (`inquiry:<id>`, in the shop's database), which says when it was last asked.
 */
export async function reconcilePayment(paymentId: string, minIntervalMs = 10_000): Promise<Payment | undefined> {
  const payment = await findPayment(paymentId);
  if (!payment) return undefined;
  const provider = getProvider(payment.provider);
  if (!provider.inquire) return payment;
  const lease = `inquiry:${paymentId}`;
  const holder = `${instanceId()}:${randomUUID()}`;
  const startedAt = new Date();
  // Held while the inquiry runs (longer than its calls can take: a holder that died lets go by then).
  const heldUntil = new Date(startedAt.getTime() + 2 * settings().PROVIDER_TIMEOUT_MS + 5_000);
  if (!(await takeLease(lease, holder, heldUntil, new Date(startedAt.getTime() - minIntervalMs + 1)))) return payment;
  try {
    return await inquireAndApply(payment, provider);
  } finally {
    // Free again, and the lease says when the payment was last asked about.
    await endLease(lease, holder, startedAt);
  }
}

async function inquireAndApply(payment: Payment, provider: ReturnType<typeof getProvider>): Promise<Payment> {
  try {
    const outcome = await provider.inquire!(paymentRefOf(payment));
    await recordCalls(payment.id, provider.id, outcome.calls);
    if (outcome.notAtProvider) return settleNotAtProvider(payment, provider, outcome);
    if (outcome.needsOperator) return awaitOperator(payment, provider, outcome.needsOperator);
    // The provider's amount and currency must be the payment's, or nothing moves (the operator is told).
    const reported = outcome.reported;
    if (reported && (reported.amount !== payment.amount || reported.currency !== payment.currency)) {
      const summary = `Inquiry refused: ${provider.displayName} reports ${reported.amount} ${reported.currency} (${outcome.status}), the payment is ${payment.amount} ${payment.currency}`;
      const fresh = await recordIntegrityFailure({
        paymentId: payment.id,
        provider: provider.id,
        summary,
        detail: { reported, status: outcome.status },
        dedupeKey: `integrity:inquiry:${payment.id}:${reported.amount}:${reported.currency}`,
      });
      if (fresh) log("warn", "inquiry amount mismatch", { paymentId: payment.id, provider: provider.id });
      return (await findPayment(payment.id)) ?? payment;
    }
    // The provider's own id, learnt by the inquiry when the start answer never came.
    if (!payment.providerPaymentId && outcome.providerPaymentId)
      await patchPayment(payment.id, { providerPaymentId: outcome.providerPaymentId });
    // "Still in progress" is no news: it must not hide a QR code or a challenge the shopper is on.
    if (outcome.status === payment.status || isPending(outcome.status))
      return (await findPayment(payment.id)) ?? payment;
    const result = await transitionPayment(
      payment.id,
      outcome.status,
      {
        failureCode: outcome.failure?.code ?? null,
        failureMessage: outcome.failure?.message ?? null,
        nextActionType: "none",
        nextActionUrl: null,
        nextActionQr: null,
      },
      { provider: provider.id, summary: `Reconciled by inquiry: ${provider.displayName} says ${outcome.status}` },
    );
    if (result.changed) await rememberCard(result.payment, outcome.storedCredential);
    if (result.extraCharge) returnExtraChargeSoon(payment.id);
    return result.payment;
  } catch (error) {
    await recordFailedCall(payment.id, provider.id, error, {
      type: "error",
      summary: (message) => `Inquiry failed: ${message}`,
    });
    return payment;
  }
}

/**
 * The provider says it has no such payment. For an attempt old enough that no call about it can
 * still be on its way, that is its word: the attempt failed (not_at_provider) and the shopper may
 * pay again. A younger one changes nothing.
 */
async function settleNotAtProvider(
  payment: Payment,
  provider: ReturnType<typeof getProvider>,
  outcome: ProviderOutcome,
): Promise<Payment> {
  if (!isPending(payment.status)) return payment;
  const age = Date.now() - payment.createdAt.getTime();
  // A start whose answer was unreadable but came back (status processing: its calls are recorded)
  // is settled by the provider's word at once; a call that got no answer may still arrive there.
  const startAnswered =
    payment.status === "processing" && payment.startAnswerUnknown && (await everyCallAnswered(payment.id));
  if (!startAnswered && age < notAtProviderAfterMs()) return (await findPayment(payment.id)) ?? payment;
  const result = await transitionPayment(
    payment.id,
    "failed",
    {
      failureCode: "not_at_provider",
      failureMessage: `${provider.displayName} has no record of this payment, so nothing was charged. Please try again.`,
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
    },
    {
      provider: provider.id,
      summary: `Reconciled by inquiry: ${provider.displayName} has no record of this payment (${Math.round(age / 1000)} s after it was started)`,
      detail: { failure: outcome.failure },
    },
  );
  if (result.changed) log("info", "payment not at provider", { paymentId: payment.id, provider: provider.id });
  return result.payment;
}

/** The dedupe key of a payment's one "needs an operator" event (the console shows it while the payment is pending). */
export const needsOperatorKey = (paymentId: string) => `needs-operator:${paymentId}`;

/**
 * The provider's API cannot tell how the attempt stands: it stays (or becomes) processing, is
 * never failed by time, and the operator is told once on its timeline.
 */
async function awaitOperator(
  payment: Payment,
  provider: ReturnType<typeof getProvider>,
  reason: string,
): Promise<Payment> {
  if (!isPending(payment.status)) return payment;
  if (payment.status !== "processing") {
    await transitionPayment(
      payment.id,
      "processing",
      { nextActionType: "none", nextActionUrl: null, nextActionQr: null },
      {
        provider: provider.id,
        summary: `${provider.displayName} cannot say how this attempt stands: it waits for an operator`,
      },
    );
  }
  await recordPaymentEvent({
    paymentId: payment.id,
    provider: provider.id,
    type: "error",
    dedupeKey: needsOperatorKey(payment.id),
    summary: `Needs an operator: ${reason}`,
    detail: null,
  });
  return (await findPayment(payment.id)) ?? payment;
}
