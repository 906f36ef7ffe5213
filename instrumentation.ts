/**
 * Runs once when the server starts: opens (migrates, seeds) both databases so the first
 * shopper does not wait, starts the emulators' notification outbox and the shop's reconciliation
 * loop (pending payments whose notification is late are asked about at their provider).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { db } = await import("./lib/db/client");
  const { emulatorDb } = await import("./lib/emulators/db");
  const { startOutboxWorker } = await import("./lib/emulators/outbox");
  await import("./lib/emulators/pingpayments/api"); // registers its scheduled jobs
  await import("./lib/emulators/pingpong/api"); // registers its scheduled jobs (settle, QR expiry)
  await import("./lib/emulators/antom/api"); // registers its scheduled job (settle PROCESSING payments)
  await import("./lib/emulators/lesspay/api"); // registers its scheduled jobs (settle processing orders, risk events)
  db();
  emulatorDb();
  startOutboxWorker();
  const { startReconciliationLoop } = await import("./lib/payments/reconcile");
  startReconciliationLoop();
  console.log(`merchant-storefront ready: shop database ${process.env.DATABASE_PATH || "data/shop.sqlite"}, emulators ${process.env.EMULATOR_DATABASE_PATH || "data/emulators.sqlite"}`);
}
