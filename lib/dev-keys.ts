import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Development RSA key pairs, created once in a folder (gitignored) when no PEM is given in the
 * environment, so that a provider's client and its emulator can sign and verify on a laptop.
 * Infrastructure shared by the shop and the emulators the way a merchant and a provider share
 * public keys through a dashboard: each side names the same store (folder setting and pairs).
 */
export interface DevKeyStore {
  /** The env variable naming the folder, and the folder when it is unset. */
  dirVariable: string;
  defaultDir: string;
  /** The pairs in it, each as `<pair>-private.pem` and `<pair>-public.pem`. */
  pairs: readonly string[];
}

export type KeyHalf = "private" | "public";

export function devKeyFile(pair: string, half: KeyHalf): string {
  return `${pair}-${half}.pem`;
}

export function devKeysDir(store: DevKeyStore): string {
  return resolve(/*turbopackIgnore: true*/ process.cwd(), process.env[store.dirVariable] || store.defaultDir);
}

function storeFiles(store: DevKeyStore): string[] {
  return store.pairs.flatMap((pair) => [devKeyFile(pair, "private"), devKeyFile(pair, "public")]);
}

function pair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/** Creates the store's PEM files if any is missing (written to a temporary folder, then moved in one step). */
export function ensureDevKeys(store: DevKeyStore, dir = devKeysDir(store)): void {
  const complete = () => storeFiles(store).every((file) => existsSync(join(dir, file)));
  if (complete()) return;
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  for (const name of store.pairs) {
    const keys = pair();
    writeFileSync(join(staging, devKeyFile(name, "private")), keys.privateKey, { mode: 0o600 });
    writeFileSync(join(staging, devKeyFile(name, "public")), keys.publicKey);
  }
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

/** Key files already read, by path: every signed call and notification needs a key, and they never change once made. */
const keyFiles = new Map<string, string>();

/** A PEM from the environment variable named, or else the store's development key file (read once per process). */
export function devKey(store: DevKeyStore, pair: string, half: KeyHalf, envVariable: string): string {
  const fromEnv = process.env[envVariable];
  if (fromEnv) return fromEnv.includes("\\n") ? fromEnv.replace(/\\n/g, "\n") : fromEnv;
  const path = join(/*turbopackIgnore: true*/ devKeysDir(store), devKeyFile(pair, half));
  const known = keyFiles.get(path);
  if (known) return known;
  ensureDevKeys(store);
  const pem = readFileSync(path, "utf8");
  keyFiles.set(path, pem);
  return pem;
}
