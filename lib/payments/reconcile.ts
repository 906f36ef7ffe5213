import "server-only";
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import { listStalePendingPayments } from "@/lib/db/queries/payments";
import { findProvider } from "./registry";
import { reconcilePayment, unknownAnswerInquiryAfterMs } from "./reconcile-payment";
import { returnUnreturnedExtraCharges } from "./extra-charges";

const state = ((globalThis as Record<string, unknown>).__reconcileLoop ??= { running: false }) as {
  timer?: ReturnType<typeof setInterval>;
  running: boolean;
};

/**
 * One pass: every payment left pending past PAYMENT_INQUIRY_AFTER_MS (or, when its start answer was
 * lost, past the shorter PAYMENT_UNKNOWN_INQUIRY_AFTER_MS) is asked about at its provider, by the
 * provider's id or, when the shop never learnt it, by our own reference.
 */
export async function reconcileStalePayments(): Promise<number> {
  const env = settings();
  const now = Date.now();
  const soon = unknownAnswerInquiryAfterMs();
  const stale = (await listStalePendingPayments(new Date(now - soon))).filter(
    (payment) =>
      findProvider(payment.provider)?.inquire &&
      (payment.startAnswerUnknown || payment.updatedAt.getTime() < now - env.PAYMENT_INQUIRY_AFTER_MS),
  );
  let settled = 0;
  for (const payment of stale) {
    const after = await reconcilePayment(payment.id, payment.startAnswerUnknown ? soon : env.PAYMENT_INQUIRY_AFTER_MS);
    if (after && after.status !== payment.status) settled++;
  }
  if (settled > 0) log("info", "reconciled pending payments", { asked: stale.length, settled });
  // A second charge whose return did not go through (the provider was down, the process ended): again.
  await returnUnreturnedExtraCharges(env.PAYMENT_INQUIRY_AFTER_MS);
  return settled;
}

/** Starts the background reconciliation loop once per process (RECONCILE_INTERVAL_MS; 0 = off). */
export function startReconciliationLoop(): void {
  const interval = settings().RECONCILE_INTERVAL_MS;
  if (state.timer || interval === 0) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    reconcileStalePayments()
      .catch((error) =>
        log("error", "reconciliation pass failed", { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        state.running = false;
      });
  }, interval);
  state.timer.unref?.();
}
