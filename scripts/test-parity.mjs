#!/usr/bin/env node
// `npm run test:parity [-- --record] [spec filters]`: the tests tagged `parity` (they need only a provider's
// documented API), run against each provider's base URL and credentials from the environment.
//
// - With no `<PROVIDER>_BASE_URL` set, the run proves itself here: it starts the standalone
//   emulators (`npm run emulators`'s server) as if they were remote, in another process with their
//   own database, other credentials than the laptop defaults and the control plane closed, and
//   points the shop at them by environment only.
// - With some set (a real sandbox), only those providers' tests run, with the credentials given.
//
// A parity-tagged test that reaches into an emulator fails the run: its imports are checked before
// anything runs (no emulator module, no control-plane or emulator-database helper), and at run time
// the control plane is closed and the test processes carry PARITY_RUN=1 (the e2e fixture refuses
// control-plane calls with a message that names the test).
//
// Writes test-reports/parity/report.{json,md}: per provider, each scenario, pass or fail, and what
// differed. `--record` also keeps the run's provider answers and notifications, redacted, as
// fixtures in lib/providers/<provider>/fixtures/recorded/<host>/.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildIfStale } from "./build-if-stale.mjs";
import { TEST_DIST_DIR } from "./dist-dirs.mjs";
import { baseUrlVariable, NEEDS_MORE, PARITY_PROVIDERS, PARITY_RUN } from "../lib/testing/parity.mjs";
import { parityImportViolations, parityTestFiles } from "../lib/testing/parity-imports.mjs";
import { parityReport, reportMarkdown } from "../lib/testing/parity-report.mjs";
import { recordFixtures } from "../lib/testing/parity-record.mjs";
import { startStandaloneEmulators } from "../lib/testing/standalone-emulators.mjs";

const root = new URL("..", import.meta.url).pathname;
const record = process.argv.includes("--record");
// Any other argument narrows the run to the end-to-end spec files it names (Playwright's filters).
const specFilters = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const reports = join(root, "test-reports", "parity");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
process.env.NEXT_DIST_DIR = TEST_DIST_DIR;

const digits = (length) => Array.from({ length }, () => randomInt(10)).join("");
const hex = (bytes) => randomBytes(bytes).toString("hex");

/**
 * Credentials unlike the laptop defaults, for the standalone emulators and for the shop alike
 * (what a merchant copies from a provider's dashboard). Antom's key pairs are made in their own
 * folder on first use (lib/dev-keys.ts), which both sides name.
 */
function standaloneCredentials(dataDir) {
  const salt = hex(16);
  const pingpongAcc = digits(22);
  const pingpongClient = digits(19);
  const antomClient = `SANDBOX_PARITY${hex(5).toUpperCase()}`;
  const tenant = randomUUID();
  const apiSecret = hex(24);
  const splitTree = randomUUID();
  const merchant = randomUUID();
  const lesspayApp = `lp_app_parity_${hex(4)}`;
  const lesspaySecret = hex(24);
  const antomKeys = join(dataDir, "antom-keys");
  return {
    emulators: {
      EMULATOR_PINGPONG_SALT: salt,
      EMULATOR_PINGPONG_ACC_ID: pingpongAcc,
      EMULATOR_PINGPONG_CLIENT_ID: pingpongClient,
      EMULATOR_ANTOM_CLIENT_ID: antomClient,
      ANTOM_KEYS_DIR: antomKeys,
      EMULATOR_PINGPAYMENTS_TENANT_ID: tenant,
      EMULATOR_PINGPAYMENTS_API_SECRET: apiSecret,
      EMULATOR_PINGPAYMENTS_SPLIT_TREE_ID: splitTree,
      EMULATOR_PINGPAYMENTS_MERCHANT_ID: merchant,
      EMULATOR_LESSPAY_APP_ID: lesspayApp,
      EMULATOR_LESSPAY_APP_SECRET: lesspaySecret,
    },
    shop: {
      PINGPONG_SALT: salt,
      PINGPONG_ACC_ID: pingpongAcc,
      PINGPONG_CLIENT_ID: pingpongClient,
      ANTOM_CLIENT_ID: antomClient,
      ANTOM_KEYS_DIR: antomKeys,
      PINGPAYMENTS_TENANT_ID: tenant,
      PINGPAYMENTS_API_SECRET: apiSecret,
      PINGPAYMENTS_SPLIT_TREE_ID: splitTree,
      PINGPAYMENTS_MERCHANT_ID: merchant,
      LESSPAY_APP_ID: lesspayApp,
      LESSPAY_APP_SECRET: lesspaySecret,
    },
  };
}

const providers = Object.keys(PARITY_PROVIDERS);
const configured = providers.filter((provider) => process.env[baseUrlVariable(provider)]);
const targets = configured.length ? configured : providers;
let standalone;
const targetEnv = {};
if (!configured.length) {
  const dataDir = join("data", "test-parity");
  rmSync(join(root, dataDir), { recursive: true, force: true });
  const credentials = standaloneCredentials(join(root, dataDir));
  buildIfStale(TEST_DIST_DIR);
  const port = Number(process.env.PARITY_EMULATORS_PORT ?? 3107);
  console.log(`▶ Standalone emulators on port ${port}, control plane closed, other credentials`);
  standalone = await startStandaloneEmulators({
    port,
    dataDir: join(dataDir, "emulators"),
    env: { ...credentials.emulators, EMULATOR_CONTROL: "closed" },
  });
  Object.assign(targetEnv, credentials.shop);
  for (const provider of providers) targetEnv[baseUrlVariable(provider)] = `${standalone.url}/emulators/${provider}`;
  // PingPong gives a merchant its risk plugin's script URL (README, "Pointing a provider at its real
  // sandbox"); unset, the shop would load its own mounted emulator's, whose card checks the
  // standalone emulators never saw.
  targetEnv.PINGPONG_RISK_JS_URL = `${standalone.url}/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js`;
} else {
  buildIfStale(TEST_DIST_DIR);
  console.log(`▶ Providers from the environment: ${configured.join(", ")}`);
}

const violations = parityImportViolations(root);
const testEnv = { ...process.env, ...targetEnv, [PARITY_RUN]: "1", PARITY_PROVIDERS: targets.join(",") };
const bin = (name) => join(root, "node_modules", ".bin", name);
const tagFilter = `parity && (${targets.join(" || ")}) && !(${NEEDS_MORE.join(" || ")})`;
const grep = targets.map((provider) => `(?=.*@parity)(?=.*@${provider})`).join("|");
const grepInvert = NEEDS_MORE.map((tag) => `@${tag}`).join("|");

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: testEnv });
  return result.status === 0;
}

let passed = violations.length === 0;
if (violations.length) {
  console.error("✖ Parity-tagged tests that reach into an emulator (fix each one or tag it for what it needs):");
  for (const violation of violations) console.error(`  ${violation.file}: ${violation.reason}`);
} else {
  // Vitest starts its server even for no test: skipped when no integration test is tagged for parity.
  const integrationFiles = parityTestFiles(root).filter((file) => file.endsWith(".integration.test.ts"));
  const integration =
    !integrationFiles.length ||
    specFilters.length > 0 ||
    step("Parity: integration tests", bin("vitest"), [
      "run",
      "--project",
      "integration",
      `--tags-filter=${tagFilter}`,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${join(reports, "integration.json")}`,
    ]);
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = join(reports, "e2e.json");
  testEnv.PLAYWRIGHT_JSON_OUTPUT_NAME = join(reports, "e2e.json");
  const e2e = step("Parity: end-to-end tests", bin("playwright"), [
    "test",
    "--project=chromium",
    "--grep",
    grep,
    "--grep-invert",
    grepInvert,
    "--reporter=list,json",
    ...specFilters,
  ]);
  passed = integration && e2e;
}
await standalone?.stop();

const report = parityReport({ reports, targets, violations, target: standalone ? "standalone emulators" : "env" });
writeFileSync(join(reports, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(reports, "report.md"), reportMarkdown(report));
console.log(`\nParity report: ${join("test-reports", "parity", "report.md")}`);
if (record) {
  const written = recordFixtures({
    root,
    databases: ["data/test-parity/integration/shop.sqlite", "data/test-parity/e2e/shop.sqlite"],
    providers: targets,
  });
  console.log(`Recorded ${written.length} fixtures (redacted) under lib/providers/<provider>/fixtures/recorded/`);
}
const failed = report.providers.reduce((sum, provider) => sum + provider.failed, 0);
if (!passed || failed || report.scenarios === 0) {
  console.error(`✖ Parity run failed (${failed} scenarios failed${report.scenarios === 0 ? ", none ran" : ""})`);
  process.exit(1);
}
console.log(`✔ Parity run: ${report.scenarios} scenarios passed`);
