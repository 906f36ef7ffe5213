import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isPublicMode } from "@/lib/public-mode";

/**
 * The emulators' credentials of one deployment. On a laptop (local mode) they are the values
 * published in .env.example, so any client a QA engineer points at the emulators signs the same
 * way. In public mode those values are known to everyone: each deployment then generates its own
 * at first start into data/deployment-secrets.json (env DEPLOYMENT_SECRETS_FILE), unless the env
 * sets them, and refuses the published ones (lib/published-secrets.ts). The Antom keys and the
 * auth secret were per deployment already (lib/dev-keys.ts, lib/auth-secret.ts).
 */
export const PUBLISHED_SECRETS = {
  "pingpong-salt": "emulator-pingpong-salt",
  "lesspay-app-secret": "emulator-lesspay-app-secret",
  "pingpayments-api-secret": "emulator-pingpayments-secret",
} as const;

export const DEPLOYMENT_SECRET_NAMES = [
  "pingpong-salt",
  "lesspay-app-secret",
  "pingpayments-api-secret",
  "control-token",
  "operator-password",
  "shopper-password",
] as const;

export type DeploymentSecretName = (typeof DEPLOYMENT_SECRET_NAMES)[number];

export function deploymentSecretsFile(env: Record<string, string | undefined> = process.env): string {
  return resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    env.DEPLOYMENT_SECRETS_FILE || "data/deployment-secrets.json",
  );
}

let cache: { file: string; secrets: Record<string, string> } | undefined;

function readSecrets(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * A random secret stored once per deployment (every process of it reads the same file). A new
 * name is added by writing the whole file to a temporary one and renaming it over (never a half
 * written file); names already there are never changed.
 */
function generatedSecret(name: DeploymentSecretName): string {
  const file = deploymentSecretsFile();
  if (cache?.file === file && cache.secrets[name]) return cache.secrets[name];
  let secrets = readSecrets(file);
  if (!secrets[name]) {
    mkdirSync(dirname(file), { recursive: true });
    const staging = `${file}.${process.pid}.tmp`;
    writeFileSync(
      staging,
      JSON.stringify({ [name]: randomBytes(24).toString("base64url"), ...readSecrets(file) }, null, 2),
      { mode: 0o600 },
    );
    renameSync(staging, file);
    secrets = readSecrets(file);
  }
  cache = { file, secrets };
  return secrets[name];
}

/**
 * The value of one of the emulators' credentials when its env variable is unset: the published
 * default locally, a generated one in public mode. The control token and the demo accounts'
 * passwords of a public deployment (lib/db/seed.ts) are always generated.
 */
export function deploymentSecret(name: DeploymentSecretName): string {
  if (name in PUBLISHED_SECRETS && !isPublicMode()) return PUBLISHED_SECRETS[name as keyof typeof PUBLISHED_SECRETS];
  return generatedSecret(name);
}
