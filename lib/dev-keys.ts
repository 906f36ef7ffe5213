import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Development RSA key pairs for Antom: the merchant's and "Antom's" (the emulator's), created once
 * in ANTOM_KEYS_DIR (default data/antom, gitignored) when no PEM is given in the environment, so
 * that any Antom client can be pointed at the emulator with them. Infrastructure shared by the
 * shop and the emulator the way a real merchant and Antom share public keys through a dashboard.
 */
export const ANTOM_KEY_FILES = {
  merchantPrivate: "merchant-private.pem",
  merchantPublic: "merchant-public.pem",
  antomPrivate: "antom-private.pem",
  antomPublic: "antom-public.pem",
} as const;

export type AntomKeyName = keyof typeof ANTOM_KEY_FILES;

export function antomKeysDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.ANTOM_KEYS_DIR || "data/antom");
}

function pair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** Creates the four PEM files if they are missing (written to a temporary folder, then moved in one step). */
export function ensureAntomDevKeys(dir = antomKeysDir()): void {
  if (Object.values(ANTOM_KEY_FILES).every((file) => existsSync(join(dir, file)))) return;
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  const merchant = pair();
  const antom = pair();
  writeFileSync(join(staging, ANTOM_KEY_FILES.merchantPrivate), merchant.privateKey, { mode: 0o600 });
  writeFileSync(join(staging, ANTOM_KEY_FILES.merchantPublic), merchant.publicKey);
  writeFileSync(join(staging, ANTOM_KEY_FILES.antomPrivate), antom.privateKey, { mode: 0o600 });
  writeFileSync(join(staging, ANTOM_KEY_FILES.antomPublic), antom.publicKey);
  const complete = () => Object.values(ANTOM_KEY_FILES).every((file) => existsSync(join(dir, file)));
  try {
    if (complete()) return; // another process finished first: keep its keys
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch {
    // Another process won the race: use its keys.
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Key files already read, by path: every Antom call and notification needs a key, and they never change once made. */
const keyFiles = new Map<string, string>();

/** A PEM from the environment variable named, or else the development key file (read once per process). */
export function antomKey(name: AntomKeyName, envVariable: string): string {
  const fromEnv = process.env[envVariable];
  if (fromEnv) return fromEnv.includes("\\n") ? fromEnv.replace(/\\n/g, "\n") : fromEnv;
  const path = join(/*turbopackIgnore: true*/ antomKeysDir(), ANTOM_KEY_FILES[name]);
  const known = keyFiles.get(path);
  if (known) return known;
  ensureAntomDevKeys();
  const pem = readFileSync(path, "utf8");
  keyFiles.set(path, pem);
  return pem;
}
