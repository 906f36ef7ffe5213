#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests, production build, integration tests (against the
// built server and its emulators) and the Playwright suite, in that order; stops at the first
// failing step and ends with one line that counts every test.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TEST_DIST_DIR } from "./dist-dirs.mjs";
import { SERVED_BUILD_BEFORE, servedBuildFingerprint } from "./served-build.mjs";

const root = new URL("..", import.meta.url).pathname;
// Every step builds into and serves from the tests' own folder, never the `.next` that `npm start` serves.
process.env.NEXT_DIST_DIR = TEST_DIST_DIR;
const reports = join(root, "test-reports");
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`);
    count();
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(reports, file), "utf8"));
  } catch {
    return undefined;
  }
}

let counted = false;
function count() {
  if (counted) return;
  counted = true;
  for (const file of [
    "unit.json",
    "integration.json",
    "public-mode.json",
    "parity/integration.json",
    ...SUITES.map((suite) => `suite-${suite}.json`),
    ...POSTGRES_SUITES.map((suite) => `suite-${suite}-on-postgres.json`),
    "suite-card-data.json",
    "suite-served-build.json",
  ]) {
    const report = readJson(file);
    if (!report) continue;
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  for (const file of ["e2e.json", "e2e-two-workers.json", "parity/e2e.json"]) {
    const e2e = readJson(file);
    if (!e2e?.stats) continue;
    totals.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.failed += e2e.stats.unexpected ?? 0;
    totals.skipped += e2e.stats.skipped ?? 0;
  }
}

function chromiumOrExplain() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  if (candidates.some((path) => existsSync(path))) return;
  console.error(
    [
      "✖ No Chromium for the Playwright suite.",
      "  On Debian/Ubuntu: sudo apt-get install -y chromium   (then it is found at /usr/bin/chromium)",
      "  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome binary.",
    ].join("\n"),
  );
  process.exit(1);
}

// The proof suites (vitest projects of lib/suites/<name>), each a step of its own.
const SUITES = ["authenticity", "exactly-once", "money-integrity", "faults", "web-security"];
// Run again on PostgreSQL, against two instances of the built server behind a balancer (vitest.config.mts).
const POSTGRES_SUITES = ["exactly-once", "money-integrity", "faults"];
const vitestStep = (project, report) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reports, report)}`,
];

for (const file of [
  "unit.json",
  "integration.json",
  "public-mode.json",
  "e2e.json",
  "e2e-two-workers.json",
  "parity/e2e.json",
  "parity/integration.json",
  "suite-card-data.json",
  "suite-served-build.json",
  ...SUITES.map((suite) => `suite-${suite}.json`),
  ...POSTGRES_SUITES.map((suite) => `suite-${suite}-on-postgres.json`),
]) {
  const path = join(reports, file);
  if (existsSync(path)) spawnSync("rm", ["-f", path]);
}

// What `npm start` serves, before any step: the last step checks nothing here changed it.
writeFileSync(join(root, SERVED_BUILD_BEFORE), JSON.stringify(servedBuildFingerprint(root)));

run("Lint (ESLint)", bin("eslint"), ["--max-warnings=0", "."]);
run("Format (Prettier --check; `npm run format` rewrites)", process.execPath, [
  join(root, "scripts", "format.mjs"),
  "--check",
]);
run("Typecheck (tsc)", bin("tsc"), ["--noEmit"]);
run("Unit tests (Vitest)", bin("vitest"), [
  "run",
  "--project",
  "unit",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reports, "unit.json")}`,
]);
run("Production build (next build)", bin("next"), ["build"]);
run(
  "Integration tests (Vitest, against the built server and emulators)",
  bin("vitest"),
  vitestStep("integration", "integration.json"),
);
run(
  "Public mode (Vitest, the built server as a public deployment)",
  bin("vitest"),
  vitestStep("public-mode", "public-mode.json"),
);
for (const suite of SUITES)
  run(`Suite: ${suite} (Vitest, against the built server)`, bin("vitest"), vitestStep(suite, `suite-${suite}.json`));
for (const suite of POSTGRES_SUITES)
  run(
    `Suite: ${suite} on PostgreSQL (Vitest, two instances of the built server behind a balancer, a throwaway cluster)`,
    bin("vitest"),
    vitestStep(`${suite}-on-postgres`, `suite-${suite}-on-postgres.json`),
  );
chromiumOrExplain();
run(
  "End-to-end tests (Playwright, Chromium)",
  bin("playwright"),
  ["test", "--project=chromium", "--reporter=list,json"],
  {
    PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "e2e.json"),
  },
);
run(
  "End-to-end tests with two workers at once (Playwright: forced outcomes scoped per shopper)",
  bin("playwright"),
  ["test", "--project=two-workers", "--workers=2", "--reporter=list,json"],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, "e2e-two-workers.json") },
);
run(
  "Parity run (the parity-tagged tests against the standalone emulators as if remote: other process, credentials, control plane closed)",
  process.execPath,
  [join(root, "scripts", "test-parity.mjs")],
);
run(
  "Suite: card-data (scans the databases, logs, URLs and build output every step left)",
  bin("vitest"),
  vitestStep("card-data", "suite-card-data.json"),
);
run(
  "Suite: served-build (the .next that npm start serves is as it was before the run)",
  bin("vitest"),
  vitestStep("served-build", "suite-served-build.json"),
);
count();
console.log(`\nAll checks passed.\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
