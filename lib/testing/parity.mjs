// Parity runs (`npm run test:parity`): the tests that need only a provider's documented API, run
// against a provider's base URL and credentials taken from the environment (a real sandbox, or the
// standalone emulator started as if it were remote). Shared by the runner, the test servers and the
// test configs; plain ES module so that .mjs scripts and TypeScript configs can both import it.

/**
 * What a test needs, as a tag (Vitest `// @module-tag <name>` or `{ tags: [...] }`; Playwright
 * `{ tag: "@<name>" }`). Every integration test and e2e test carries at least one.
 */
export const NEEDS = {
  parity: "needs only the provider's documented API: runs in parity runs against a real sandbox",
  "control-plane": "needs the emulators' QA control plane (forced outcomes, notification lists, replay)",
  clock: "needs the emulators' clock moved",
  "emulator-internals":
    "reaches into an emulator: its database, its modules, its test data or its hosted pages' shapes",
  shop: "needs no provider at all: the shop's own pages, database and security",
};

/** A test tagged `parity` that also carries one of these needs more than a real sandbox offers: not run. */
export const NEEDS_MORE = ["control-plane", "clock", "emulator-internals"];

/** The providers a parity run covers, each with the shop's settings that point it at a provider. */
export const PARITY_PROVIDERS = {
  pingpong: [
    "PINGPONG_BASE_URL",
    "PINGPONG_RISK_JS_URL",
    "PINGPONG_ENV",
    "PINGPONG_ACC_ID",
    "PINGPONG_CLIENT_ID",
    "PINGPONG_SALT",
    "PINGPONG_CAPTURE_DELAY_HOURS",
  ],
  antom: ["ANTOM_BASE_URL", "ANTOM_CLIENT_ID", "ANTOM_KEYS_DIR", "ANTOM_MERCHANT_PRIVATE_KEY", "ANTOM_PUBLIC_KEY"],
  pingpayments: [
    "PINGPAYMENTS_BASE_URL",
    "PINGPAYMENTS_TENANT_ID",
    "PINGPAYMENTS_API_SECRET",
    "PINGPAYMENTS_SPLIT_TREE_ID",
    "PINGPAYMENTS_MERCHANT_ID",
  ],
  lesspay: ["LESSPAY_BASE_URL", "LESSPAY_APP_ID", "LESSPAY_APP_SECRET"],
};

/** Vitest and Playwright tag names: what a test needs, and which provider it is about. */
export const TAGS = [...Object.keys(NEEDS), ...Object.keys(PARITY_PROVIDERS)];

/** Set by the parity runner in the test processes only (never in a server's environment). */
export const PARITY_RUN = "PARITY_RUN";

export function isParityRun(env = process.env) {
  return env[PARITY_RUN] === "1";
}

/** The provider settings of `env` (what points the shop at each provider in a parity run). */
export function providerTargetEnv(env = process.env) {
  const picked = {};
  for (const name of Object.values(PARITY_PROVIDERS).flat()) if (env[name] !== undefined) picked[name] = env[name];
  return picked;
}

/**
 * A test server's environment additions in a parity run: the providers' settings of the runner
 * (they win over the test server's defaults), and never the parity flag itself, so that the
 * server's code runs as it would in production.
 */
export function parityServerEnv(env = process.env) {
  return isParityRun(env) ? { ...providerTargetEnv(env), [PARITY_RUN]: undefined } : {};
}

/**
 * A test suite's data folder (`integration`, `e2e`): a parity run keeps its own under
 * data/test-parity/, beside the normal run's, so the card-data suite scans both.
 */
export function testDataDir(suite, env = process.env) {
  return isParityRun(env) ? `data/test-parity/${suite}` : `data/test-${suite}`;
}

/** The base URL setting of a provider. */
export const baseUrlVariable = (provider) => `${provider.toUpperCase()}_BASE_URL`;
