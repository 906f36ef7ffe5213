import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isPublicMode } from "@/lib/public-mode";

/**
 * The credentials of one deployment. A provider's secret that its client and its emulator share
 * (a salt, an app secret) is, on a laptop (local mode), the value published in .env.example, so any
 * client a QA engineer points at the emulators signs the same way; each side names it with its
 * published value (lib/providers/<id>, lib/emulators/<id>). In public mode those values are known to
 * everyone: each deployment then generates its own at first start into data/deployment-secrets.json
 * (env DEPLOYMENT_SECRETS_FILE), unless the env sets them, and refuses the published ones
 * (lib/deployment-check.ts). The development key pairs and the auth secret were per deployment
 * already (lib/dev-keys.ts, lib/auth-secret.ts).
 */

/** The shop's own secrets, always generated: the control plane's token and the demo accounts' passwords. */
export const SHOP_SECRET_NAMES = ["control-token", "operator-password", "shopper-password"] as const;

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
function generatedSecret(name: string): string {
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
 * The token of the emulators' QA control plane: the one configured (EMULATOR_CONTROL_TOKEN, which
 * the shop and the emulators each read from their own settings), or else this deployment's
 * generated secret. Both sides get the same token from it.
 */
export function controlPlaneToken(configured: string | undefined): string {
  return configured?.trim() || deploymentSecret("control-token");
}

/**
 * A deployment secret: with a `published` value (a provider's secret its emulator shares), that
 * value locally and a generated one in public mode; without (the control token, the demo accounts'
 * passwords of a public deployment, lib/db/seed.ts), always generated.
 */
export function deploymentSecret(name: string, published?: string): string {
  if (published !== undefined && !isPublicMode()) return published;
  return generatedSecret(name);
}
