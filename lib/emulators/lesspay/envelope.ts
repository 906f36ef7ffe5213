import { parseJson, readText, refusalResponse } from "@/lib/security/request-body";
import { lesspaySettings, TIMESTAMP_WINDOW_MS } from "./config";
import { verifyingSecret } from "../signing-secrets";
import { verify } from "./signature";
import { testIdOf } from "../control";

/**
 * Lesspay's HTTP layer as the emulator reads and answers it: a JSON POST with `x-auth-appid`,
 * `X-Auth-Timestamp` (ms) and `x-auth-signature` headers (names case-insensitive), the signature
 * over the body's top-level fields with the app secret. A request that fails authentication is
 * HTTP 401 `{code: 401, msg}`; every other answer is HTTP 200 `{code, msg, data?}`.
 */

export type Json = Record<string, unknown>;

export interface LesspayRequest {
  appId: string;
  body: Json;
  origin: string;
  /** The request's X-Emulator-Test-Id header (the control plane's scope of forced outcomes). */
  testId?: string | null;
}

export function answer(code: number, msg: string, data?: Json): Response {
  return Response.json(data === undefined ? { code, msg } : { code, msg, data }, { status: 200 });
}

export function unauthorized(detail?: string): Response {
  return Response.json(
    { code: 401, msg: detail ? `signature verification failed: ${detail}` : "signature verification failed" },
    { status: 401 },
  );
}

/** Reads and authenticates an API request; a Response (401) when it may not go further. */
export async function readRequest(request: Request): Promise<LesspayRequest | Response> {
  const read = await readText(request);
  if (!read.ok) return refusalResponse(read);
  const appId = request.headers.get("x-auth-appid")?.trim() ?? "";
  const timestamp = request.headers.get("x-auth-timestamp")?.trim() ?? "";
  const signature = request.headers.get("x-auth-signature")?.trim() ?? "";
  if (!appId) return unauthorized("x-auth-appid header is required");
  if (!timestamp) return unauthorized("X-Auth-Timestamp header is required");
  if (!signature) return unauthorized("x-auth-signature header is required");
  const settings = lesspaySettings();
  if (appId !== settings.appId) return unauthorized("unknown x-auth-appid");
  if (!/^\d{10,16}$/.test(timestamp)) return unauthorized("X-Auth-Timestamp must be milliseconds since the epoch");
  // A request older (or further ahead) than the window is refused like a bad signature [guess: Lesspay publishes no window].
  if (Math.abs(Date.now() - Number(timestamp)) > TIMESTAMP_WINDOW_MS)
    return unauthorized("X-Auth-Timestamp is outside the 5 minute window");
  const json = parseJson(read.value);
  if (!json.ok) return unauthorized(json.error);
  const body = json.value;
  if (!body || typeof body !== "object" || Array.isArray(body)) return unauthorized("the body is not a JSON object");
  if (
    (await verifyingSecret("lesspay", settings.appSecret, (secret) => verify(body as Json, secret, signature))) ===
    undefined
  )
    return unauthorized();
  return { appId, body: body as Json, origin: new URL(request.url).origin, testId: testIdOf(request) };
}
