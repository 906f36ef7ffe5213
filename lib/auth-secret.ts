import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * AUTH_SECRET from the environment, or, when unset (a fresh clone with no env file), a random
 * secret created once in data/auth-secret (AUTH_SECRET_FILE) and reused, so sessions survive a
 * restart. `file`: another deployment's (tests sign cart cookies for their server with it).
 */
export function authSecret(
  file = resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.AUTH_SECRET_FILE || "data/auth-secret"),
): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  } catch {
    // not created yet
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    // Another worker created it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}
