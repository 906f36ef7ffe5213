import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
// @ts-expect-error plain ES module shared with the parity runner
import { NEEDS, PARITY_PROVIDERS, providerTargetEnv, isParityRun, testDataDir } from "./lib/testing/parity.mjs";
import { twoInstancesSetting } from "./lib/testing/two-instances";

const root = fileURLToPath(new URL(".", import.meta.url));
// INTEGRATION_PORT lets two checkouts run their suites side by side.
const integrationPort = Number(process.env.INTEGRATION_PORT ?? 3101);
const integrationUrl = `http://localhost:${integrationPort}`;

/**
 * What each test needs, as tags (lib/testing/parity.mjs): `npm run test:parity` runs the `parity`
 * ones against the providers named by env. Every integration test file carries one
 * (`// @module-tag <name>`), and its provider's tag when it is about one.
 */
const tags = [
  ...Object.entries(NEEDS as Record<string, string>).map(([name, description]) => ({ name, description })),
  ...Object.keys(PARITY_PROVIDERS).map((name) => ({ name, description: `about the ${name} provider` })),
];

const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": `${root}lib/testing/server-only-stub.ts`,
    },
  },
};

/** Integration tests and the suites share one built server (started by the global setup) and its databases. */
const againstTheServer = {
  environment: "node" as const,
  globalSetup: ["lib/testing/integration-server.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // One server and one database for the whole run; files run one at a time.
  fileParallelism: false,
  env: {
    TEST_SERVER_URL: integrationUrl,
    APP_URL: integrationUrl,
    PORT: String(integrationPort),
    DATABASE_PATH: `${testDataDir("integration")}/shop.sqlite`,
    EMULATOR_DATABASE_PATH: `${testDataDir("integration")}/emulators.sqlite`,
    PINGPAYMENTS_BASE_URL: `${integrationUrl}/emulators/pingpayments`,
    // The test process runs the shop's code too (a payment's start, reconciliation): with the server's providers.
    TEST_ONLY_PROVIDERS: "on",
    // A parity run points the providers elsewhere (the server gets the same: lib/testing/test-server.mjs).
    ...(isParityRun() ? { ...providerTargetEnv(), PARITY_RUN: "1" } : {}),
  },
};

/**
 * The same built server as a public deployment (APP_URL=https://shop.example.test, served on
 * loopback): what public mode locks (lib/public-mode.ts). Files `*.public-mode.test.ts`.
 */
const publicModePort = Number(process.env.PUBLIC_MODE_PORT ?? 3103);
const publicModeUrl = `http://localhost:${publicModePort}`;
const asAPublicDeployment = {
  environment: "node" as const,
  globalSetup: ["lib/testing/public-mode-server.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  fileParallelism: false,
  env: {
    TEST_SERVER_URL: publicModeUrl,
    PUBLIC_MODE_PORT: String(publicModePort),
    DATABASE_PATH: "data/test-public-mode/shop.sqlite",
    EMULATOR_DATABASE_PATH: "data/test-public-mode/emulators.sqlite",
    DEPLOYMENT_SECRETS_FILE: "data/test-public-mode/deployment-secrets.json",
  },
};

/**
 * The same suites again on PostgreSQL, against two instances of the built server behind a
 * round-robin balancer (lib/testing/two-instances-server.ts): every request, notification and
 * action is spread over both, and the tests' own writes go to the same database.
 */
const twoInstances = twoInstancesSetting();
const againstTwoInstances = {
  ...againstTheServer,
  globalSetup: ["lib/testing/two-instances-server.ts"],
  env: {
    ...againstTheServer.env,
    TEST_SERVER_URL: twoInstances.url,
    APP_URL: twoInstances.url,
    PORT: String(twoInstances.port),
    DATABASE_URL: twoInstances.databaseUrl,
    DATABASE_PATH: `${testDataDir("two-instances")}/unused-shop.sqlite`,
    EMULATOR_DATABASE_PATH: `${testDataDir("two-instances")}/emulators.sqlite`,
    PINGPAYMENTS_BASE_URL: `${twoInstances.url}/emulators/pingpayments`,
    // The tests' own fixture provider keeps its payments in one process's memory (a fixture
    // with no table): two instances cannot serve it. The four providers' emulators keep theirs in
    // the emulators' database, which both instances share.
    TEST_ONLY_PROVIDERS: "off",
  },
};

/** The suites run a second time on PostgreSQL with two instances (`<name>-on-postgres`). */
export const POSTGRES_SUITES = ["exactly-once", "money-integrity", "faults"] as const;
/** Files about SQLite itself (its busy errors, its file surviving a crash): SQLite's run only. */
const SQLITE_ONLY = ["lib/suites/faults/sqlite-concurrency.test.ts", "lib/suites/faults/crash.test.ts"];

/**
 * The proof suites of `lib/suites/<name>/` (authenticity, exactly-once, money-integrity, faults,
 * web-security), each a project of its own that `npm test` runs as a step. `card-data` needs no
 * server: it scans what the other steps left behind, so it runs last.
 */
export const SUITES = ["authenticity", "exactly-once", "money-integrity", "faults", "web-security"] as const;

export default defineConfig({
  test: {
    tags,
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "i18n/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/*.public-mode.test.ts", "lib/suites/**", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          ...againstTheServer,
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts"],
          exclude: ["lib/suites/**", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          ...asAPublicDeployment,
          name: "public-mode",
          include: ["lib/**/*.public-mode.test.ts", "app/**/*.public-mode.test.ts"],
        },
      },
      ...SUITES.map((name) => ({
        ...shared,
        test: {
          ...againstTheServer,
          name,
          include: [`lib/suites/${name}/**/*.test.ts`],
          // PostgreSQL's run only: several instances on one database.
          exclude: ["lib/suites/**/*.postgres.test.ts", "node_modules/**"],
        },
      })),
      ...POSTGRES_SUITES.map((name) => ({
        ...shared,
        test: {
          ...againstTwoInstances,
          name: `${name}-on-postgres`,
          include: [`lib/suites/${name}/**/*.test.ts`],
          exclude: [...SQLITE_ONLY, "node_modules/**"],
        },
      })),
      // Last of all: the `.next` that `npm start` serves is as it was before `npm test` began.
      {
        ...shared,
        test: { name: "served-build", environment: "node", include: ["lib/suites/served-build/**/*.test.ts"] },
      },
      {
        ...shared,
        test: {
          name: "card-data",
          environment: "node",
          include: ["lib/suites/card-data/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
