import "server-only";
import { randomUUID } from "node:crypto";
import { settings } from "@/lib/env";
import { instanceId } from "@/lib/instance";
import { log } from "@/lib/log";
import { endLease, takeLease } from "@/lib/db/queries/shared-state";
import { findPayment, hasExtraCharge, listUnreturnedExtraCharges, recordPaymentEvent } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { refundPayment, voidPayment } from "./operator-actions";
import { getProvider } from "./registry";
import { isPaid } from "./state";

/** Who returns a second charge, on the timeline. */
const AUTOMATIC_RETURN = "Automatic return of a second charge";

export function returnExtraChargeSoon(paymentId: string): void {
  returnExtraCharge(paymentId).catch((error) =>
    log("error", "second charge not returned", {
      paymentId,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}

/**
 * A second charge of an order (an extra_charge event, money still held) goes back at once: a
 * void when it is only authorized, a refund of what is left otherwise, through the provider. A
 * provider whose API cannot do it leaves it to the operator (marked in the console until settled).
 * Asked again by the reconciliation loop until the money is back.
 */
export async function returnExtraCharge(paymentId: string, minIntervalMs = 0): Promise<Payment | undefined> {
  const payment = await findPayment(paymentId);
  if (!payment || !isPaid(payment.status) || !(await hasExtraCharge(paymentId))) return payment;
  // One return at a time, in this instance or another, and at most one try per `minIntervalMs`:
  // the payment's lease (`extra-charge-return:<id>`) says when it was last tried.
  const lease = `extra-charge-return:${paymentId}`;
  const holder = `${instanceId()}:${randomUUID()}`;
  const startedAt = new Date();
  const heldUntil = new Date(startedAt.getTime() + 2 * settings().PROVIDER_TIMEOUT_MS + 5_000);
  if (!(await takeLease(lease, holder, heldUntil, new Date(startedAt.getTime() - minIntervalMs + 1)))) return payment;
  const provider = getProvider(payment.provider);
  const returnBy =
    payment.status === "authorized" ? (provider.cancel ? "void" : undefined) : provider.refund ? "refund" : undefined;
  try {
    if (returnBy) {
      // On the timeline before the provider is asked: its notification may come before its answer.
      await recordPaymentEvent({
        paymentId,
        provider: provider.id,
        type: "extra_charge",
        dedupeKey: `extra-charge-return:${paymentId}`,
        summary: `Returning the second charge: ${returnBy} asked from ${provider.displayName}`,
        detail: null,
      });
    }
    if (returnBy === "void") return await voidPayment(paymentId, AUTOMATIC_RETURN);
    if (returnBy === "refund")
      return await refundPayment(
        paymentId,
        (payment.capturedAmount || payment.amount) - payment.refundedAmount,
        AUTOMATIC_RETURN,
      );
    await recordPaymentEvent({
      paymentId,
      provider: provider.id,
      type: "extra_charge",
      dedupeKey: `extra-charge-by-hand:${paymentId}`,
      summary: `${provider.displayName}'s API cannot ${payment.status === "authorized" ? "void" : "refund"} it: return this second charge by hand at ${provider.displayName}`,
      detail: null,
    });
    return payment;
  } catch (error) {
    log("warn", "second charge return failed", {
      paymentId,
      provider: provider.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return findPayment(paymentId);
  } finally {
    await endLease(lease, holder, startedAt);
  }
}

/** The reconciliation loop's part: second charges whose money is still held are returned again. */
export async function returnUnreturnedExtraCharges(minIntervalMs: number): Promise<void> {
  for (const payment of await listUnreturnedExtraCharges()) await returnExtraCharge(payment.id, minIntervalMs);
}
