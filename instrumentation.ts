/**
 * Runs once when the server starts: refuses unsafe settings (lib/deployment-check.ts), opens (migrates, seeds) both databases so the first
 * shopper does not wait, starts the emulators' notification outbox and the shop's reconciliation
 * loop (pending payments whose notification is late are asked about at their provider). With
 * SERVE=emulators (`npm run emulators`, lib/serve-mode.ts) only the emulators' half: their
 * database and outbox, never the shop's database or loop.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A real provider with a published secret, or a public deployment left on published values: do not serve.
  const { deploymentProblems } = await import("./lib/deployment-check");
  const problems = deploymentProblems();
  if (problems.length > 0) {
    console.error(`merchant-storefront will not start:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    process.exit(1);
  }
  const { isPublicMode } = await import("./lib/public-mode");
  if (isPublicMode()) {
    // Made now, not at first use, so whoever runs the deployment finds them all in one file.
    const { deploymentSecret, deploymentSecretsFile } = await import("./lib/deployment-secrets");
    const { everyDeploymentSecret } = await import("./lib/deployment-check");
    for (const { name, published } of everyDeploymentSecret()) deploymentSecret(name, published);
    console.log(
      `merchant-storefront: public mode (APP_URL ${process.env.APP_URL}); this deployment's secrets and demo passwords are in ${deploymentSecretsFile()}`,
    );
  }
  const { forwardedHeadersChecked } = await import("./lib/security/client-address");
  if (!forwardedHeadersChecked()) {
    console.warn(
      "merchant-storefront: started without scripts/forwarded-headers.mjs (use `npm start`): X-Forwarded-For and X-Forwarded-Host sent by clients are believed.",
    );
  }
  const { emulatorDatabaseLabel, isControlPlaneClosed, isStandaloneEmulators } = await import("./lib/serve-mode");
  // A misspelt SERVE or EMULATOR_CONTROL stops the start (rather than serving the shop, or an open control plane).
  let standalone: boolean, controlClosed: boolean;
  try {
    standalone = isStandaloneEmulators();
    controlClosed = isControlPlaneClosed();
    // The shop's database is migrated and seeded before the first request (one that is down, or
    // a DATABASE_URL that does not answer, stops the start here).
    if (!standalone) await (await import("./lib/db/client")).db();
  } catch (error) {
    console.error(`merchant-storefront will not start: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    // The emulators' database opened and migrated now, as the shop's (a PostgreSQL that does not answer stops here).
    await (await import("./lib/emulators/db")).emulatorDb();
  } catch (error) {
    console.error(`merchant-storefront will not start: the emulators' database: ${(error as Error).message}`);
    process.exit(1);
  }
  const { startOutboxWorker } = await import("./lib/emulators/outbox");
  const { EMULATORS } = await import("./lib/emulators");
  startOutboxWorker(EMULATORS); // with each emulator's jobs (settling pending payments, expiring codes) and ack rule
  const control = controlClosed ? "control plane closed (EMULATOR_CONTROL=closed)" : "control plane open";
  if (standalone) {
    // `npm run emulators`: no shop database, no shop loop (lib/serve-mode.ts).
    console.log(
      `merchant-storefront emulators ready (SERVE=emulators, no shop): database ${emulatorDatabaseLabel()}, ${control}`,
    );
    return;
  }
  const { startReconciliationLoop } = await import("./lib/payments/reconcile");
  startReconciliationLoop();
  console.log(
    `merchant-storefront ready: shop database ${(await import("./lib/db/client")).shopDatabaseLabel()}, emulators ${emulatorDatabaseLabel()}, ${control}`,
  );
}
