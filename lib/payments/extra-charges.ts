import "server-only";
import { log } from "@/lib/log";
import { findPayment, hasExtraCharge, listUnreturnedExtraCharges, recordPaymentEvent } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { refundPayment, voidPayment } from "./operator-actions";
import { getProvider } from "./registry";
import { isPaid } from "./state";

/** Who returns a second charge, on the timeline. */
const AUTOMATIC_RETURN = "Automatic return of a second charge";
const returning = new Set<string>();
const lastReturnTry: Map<string, number> = ((globalThis as Record<string, unknown>).__lastExtraChargeReturn ??=
  new Map()) as Map<string, number>;

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
  if (!payment || !isPaid(payment.status) || returning.has(paymentId) || !(await hasExtraCharge(paymentId)))
    return payment;
  if (Date.now() - (lastReturnTry.get(paymentId) ?? 0) < minIntervalMs) return payment;
  lastReturnTry.set(paymentId, Date.now());
  const provider = getProvider(payment.provider);
  returning.add(paymentId);
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
    returning.delete(paymentId);
  }
}

/** The reconciliation loop's part: second charges whose money is still held are returned again. */
export async function returnUnreturnedExtraCharges(minIntervalMs: number): Promise<void> {
  for (const payment of await listUnreturnedExtraCharges()) await returnExtraCharge(payment.id, minIntervalMs);
}
