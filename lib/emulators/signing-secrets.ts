import "server-only";
import { eq } from "drizzle-orm";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { emulatorNowMs } from "./clock";
import { emulatorDb } from "./db";
import type { SigningSecretRotationRow } from "./schema";
import { signingSecretRotations } from "./tables";

/**
 * A merchant's shared signing secret, rotated from the control plane (POST
 * /emulators/control/<provider>/signing-secret), so a shop's key rotation can be tested:
 * - the new secret is valid at once; the previous one stays valid until the window ends, measured on
 *   the emulators' clock (./clock.ts), so a test rotates, advances past the window and sees the old
 *   secret refused with the provider's own signature error;
 * - answers are signed with the secret the request was signed with (the caller proved it holds it);
 * - notifications are signed with the previous secret until the merchant sends a request signed with
 *   the new one, then with the new one, and always with the new one after the window [guess: none of
 *   the providers publishes how its notifications are signed while two secrets are valid; this is
 *   the order a shop deploys in: take the new secret from the portal, deploy it, use it].
 * Without a rotation every emulator uses its configured secret (its env).
 */

/** The default window (the project's guess: a day, long enough to deploy the shop with the new secret). */
export const DEFAULT_WINDOW_SECONDS = 24 * 3600;
/** The longest window the control plane accepts (the project's bound). */
export const MAX_WINDOW_SECONDS = 30 * 86_400;

async function rotationOf(provider: string): Promise<SigningSecretRotationRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(signingSecretRotations)
    .where(eq(signingSecretRotations.provider, provider))
    .limit(1);
  return row;
}

async function previousValid(row: SigningSecretRotationRow): Promise<boolean> {
  return (await emulatorNowMs()) < row.previousValidUntil.getTime();
}

/** The secrets a request may be signed with now: the current one first, then the previous one inside its window. */
export async function acceptedSecrets(provider: string, configured: string): Promise<string[]> {
  const row = await rotationOf(provider);
  if (!row) return [configured];
  return (await previousValid(row)) ? [row.secret, row.previous] : [row.secret];
}

/** The secret the emulator signs its notifications with now (see above). */
export async function notificationSecret(provider: string, configured: string): Promise<string> {
  const row = await rotationOf(provider);
  if (!row) return configured;
  return (await previousValid(row)) && !row.merchantSwitched ? row.previous : row.secret;
}

/** Records which secret a verified request used: the first use of the new one switches the notifications to it. */
export async function noteSecretUsed(provider: string, secret: string): Promise<void> {
  const row = await rotationOf(provider);
  if (!row || row.merchantSwitched || !sameText(secret, row.secret)) return;
  await (
    await emulatorDb()
  )
    .update(signingSecretRotations)
    .set({ merchantSwitched: true })
    .where(eq(signingSecretRotations.provider, provider));
}

/** The first accepted secret for which `verifies` holds (noted as used), or undefined. */
export async function verifyingSecret(
  provider: string,
  configured: string,
  verifies: (secret: string) => boolean,
): Promise<string | undefined> {
  const secret = (await acceptedSecrets(provider, configured)).find(verifies);
  if (secret !== undefined) await noteSecretUsed(provider, secret);
  return secret;
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What a rotation answers (the new secret is shown once, in the POST's answer only). */
export interface RotationView {
  provider: string;
  rotated: boolean;
  rotatedAt: string | null;
  previousValidUntil: string | null;
  previousValid: boolean;
  notificationsSignedWith: "configured" | "previous" | "new";
}

export async function rotationView(provider: string): Promise<RotationView> {
  const row = await rotationOf(provider);
  if (!row) {
    return {
      provider,
      rotated: false,
      rotatedAt: null,
      previousValidUntil: null,
      previousValid: false,
      notificationsSignedWith: "configured",
    };
  }
  const valid = await previousValid(row);
  return {
    provider,
    rotated: true,
    rotatedAt: row.rotatedAt.toISOString(),
    previousValidUntil: row.previousValidUntil.toISOString(),
    previousValid: valid,
    notificationsSignedWith: valid && !row.merchantSwitched ? "previous" : "new",
  };
}

/**
 * Rotates the merchant's secret: `secret` when given, else a new random one; the current secret
 * (configured or the last rotation's) stays valid for `windowSeconds` of emulator time.
 */
export async function rotateSecret(
  provider: string,
  configured: string,
  { secret, windowSeconds }: { secret?: string; windowSeconds: number },
): Promise<{ secret: string; view: RotationView }> {
  const current = (await rotationOf(provider))?.secret ?? configured;
  const next = secret ?? randomBytes(24).toString("base64url");
  const now = await emulatorNowMs();
  const values = {
    provider,
    secret: next,
    previous: current,
    previousValidUntil: new Date(now + windowSeconds * 1000),
    merchantSwitched: false,
    rotatedAt: new Date(now),
  };
  await (
    await emulatorDb()
  )
    .insert(signingSecretRotations)
    .values(values)
    .onConflictDoUpdate({ target: signingSecretRotations.provider, set: values });
  return { secret: next, view: await rotationView(provider) };
}

/** Back to the configured secret. */
export async function clearRotation(provider: string): Promise<void> {
  await (await emulatorDb()).delete(signingSecretRotations).where(eq(signingSecretRotations.provider, provider));
}
