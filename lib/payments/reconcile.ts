import "server-only";
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import { listStalePendingPayments } from "@/lib/db/queries/payments";
import { findProvider } from "./registry";
import { reconcilePayment } from "./service";

const state = ((globalThis as Record<string, unknown>).__reconcileLoop ??= { running: false }) as { timer?: ReturnType<typeof setInterval>; running: boolean };

/** One pass: every payment left pending past PAYMENT_INQUIRY_AFTER_MS is asked about at its provider. */
export async function reconcileStalePayments(): Promise<number> {
  const env = settings();
  const stale = listStalePendingPayments(new Date(Date.now() - env.PAYMENT_INQUIRY_AFTER_MS)).filter(
    (payment) => payment.providerPaymentId && findProvider(payment.provider)?.inquire,
  );
  let settled = 0;
  for (const payment of stale) {
    const after = await reconcilePayment(payment.id, env.PAYMENT_INQUIRY_AFTER_MS);
    if (after && after.status !== payment.status) settled++;
  }
  if (settled > 0) log("info", "reconciled pending payments", { asked: stale.length, settled });
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
      .catch((error) => log("error", "reconciliation pass failed", { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        state.running = false;
      });
  }, interval);
  state.timer.unref?.();
}
