import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The public address of the public-mode test deployment (it is served on loopback: nothing resolves this name). */
export const PUBLIC_APP_URL = "https://shop.example.test";
/** The operators' bearer token of the public-mode test deployment. */
export const PUBLIC_MODE_CONTROL_TOKEN = "public-mode-test-control-token-0123456789";
export const PUBLIC_MODE_DATA_DIR = "data/test-public-mode";

/**
 * The server's settings: a public APP_URL, each provider's base URL on the loopback address the
 * server really listens on, nothing else set (its emulator secrets are generated per deployment).
 */
export function publicModeServerEnv(port: number): Record<string, string> {
  const local = `http://localhost:${port}`;
  return {
    APP_URL: PUBLIC_APP_URL,
    // The emulators answer where the server listens: each provider's base URL below is under it.
    EMULATORS_URL: `${local}/emulators`,
    PINGPAYMENTS_BASE_URL: `${local}/emulators/pingpayments`,
    PINGPONG_BASE_URL: `${local}/emulators/pingpong`,
    PINGPONG_RISK_JS_URL: `${local}/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js`,
    ANTOM_BASE_URL: `${local}/emulators/antom`,
    LESSPAY_BASE_URL: `${local}/emulators/lesspay`,
    EMULATOR_CONTROL_TOKEN: PUBLIC_MODE_CONTROL_TOKEN,
  };
}

/** A secret the public-mode deployment generated at its first start (data/test-public-mode/deployment-secrets.json). */
export function publicModeSecret(name: string): string {
  const secrets = JSON.parse(
    readFileSync(join(process.cwd(), PUBLIC_MODE_DATA_DIR, "deployment-secrets.json"), "utf8"),
  ) as Record<string, string>;
  const secret = secrets[name];
  if (!secret) throw new Error(`the public-mode deployment has no ${name} yet`);
  return secret;
}

/** A demo account of the public-mode deployment, with the password it generated (not the README's). */
export function publicModeDemoAccount(role: "operator" | "shopper"): { email: string; password: string } {
  return { email: `${role}@example.com`, password: publicModeSecret(`${role}-password`) };
}
