import { findEmulator } from "@/lib/emulators";
import { controlRequestGuard } from "@/lib/emulators/control-access";
import { parseDuration } from "@/lib/emulators/duration";
import {
  clearRotation,
  DEFAULT_WINDOW_SECONDS,
  MAX_WINDOW_SECONDS,
  rotateSecret,
  rotationView,
} from "@/lib/emulators/signing-secrets";
import { readJson, refusalResponse } from "@/lib/security/request-body";

type Context = { params: Promise<{ provider: string }> };

const invalid = (issues: string[]) => Response.json({ error: "Invalid rotation", issues }, { status: 422 });

/** An emulator without a shared secret (its merchants sign with key pairs: see its descriptor) has nothing to rotate. */
async function gate(
  request: Request,
  { params }: Context,
): Promise<Response | { provider: string; configured: () => string }> {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const emulator = findEmulator(provider)!; // the guard refused an unknown provider
  if (emulator.sharedSecret) return { provider, configured: emulator.sharedSecret };
  return invalid([`provider: ${emulator.name} merchants authenticate with key pairs, not a shared secret to rotate`]);
}

/** The rotation, without secrets: {provider, rotated, rotatedAt, previousValidUntil, previousValid, notificationsSignedWith}. */
export async function GET(request: Request, context: Context) {
  const gated = await gate(request, context);
  if (gated instanceof Response) return gated;
  return Response.json(await rotationView(gated.provider));
}

function readSecret(value: unknown): string | undefined | { error: string } {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[\x21-\x7e]{16,128}$/.test(value))
    return { error: "secret: 16 to 128 printable ASCII characters without spaces" };
  return value;
}

function readWindow(value: unknown): number | { error: string } {
  if (value === undefined) return DEFAULT_WINDOW_SECONDS;
  const parsed = parseDuration(value, "window");
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.seconds > MAX_WINDOW_SECONDS) return { error: `window: at most ${MAX_WINDOW_SECONDS} seconds (30 days)` };
  return parsed.seconds;
}

/**
 * Rotates the merchant's secret: {secret?, window?: "24 hours" | <seconds>} → 200 {secret, ...view}.
 * The new secret (given, or made here) is shown in this answer only; the previous one stays valid
 * for the window (default 24 hours of emulator time).
 */
export async function POST(request: Request, context: Context) {
  const gated = await gate(request, context);
  if (gated instanceof Response) return gated;
  const body = await readJson(request);
  if (!body.ok) return refusalResponse(body);
  const value = body.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) return invalid(["body: a JSON object"]);
  const { secret: rawSecret, window: rawWindow, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest).map((key) => `${key}: unknown field (secret, window)`);
  const secret = readSecret(rawSecret);
  const window = readWindow(rawWindow);
  const issues = [
    ...unknownKeys,
    ...(typeof secret === "object" ? [secret.error] : []),
    ...(typeof window === "object" ? [window.error] : []),
  ];
  if (issues.length > 0 || typeof secret === "object" || typeof window === "object") return invalid(issues);
  const rotated = await rotateSecret(gated.provider, gated.configured(), { secret, windowSeconds: window });
  return Response.json({ secret: rotated.secret, ...rotated.view });
}

/** Back to the configured secret: 204. */
export async function DELETE(request: Request, context: Context) {
  const gated = await gate(request, context);
  if (gated instanceof Response) return gated;
  await clearRotation(gated.provider);
  return new Response(null, { status: 204 });
}
