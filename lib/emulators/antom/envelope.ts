import { parseJson, readText, refusalResponse } from "@/lib/security/request-body";
import { antomPrivateKey, antomSettings, BASE_PATH, merchantPublicKey, RESULTS, type ResultInfo } from "./config";
import { parseSignatureHeader, signatureHeader, signMessage, verifyMessage } from "./signature";
import { testIdOf } from "../control";

/**
 * Antom's HTTP layer as the emulator reads and answers it: a JSON POST with `client-id`,
 * `request-time` and `signature` headers, verified with the merchant's public key over
 * `"POST " + path + "\n" + clientId + "." + requestTime + "." + body`; every answer is HTTP 200
 * JSON carrying `result`, signed with Antom's key over the same path and the response-time.
 */

export type Json = Record<string, unknown>;

export interface AntomRequest {
  clientId: string;
  /** The provider path as called (`/ams/api/v1/payments/pay`), without the emulator's mount. */
  path: string;
  body: Json;
  origin: string;
  /** The request's X-Emulator-Test-Id header (the control plane's scope of forced outcomes). */
  testId?: string | null;
}

/** The provider path of a request to the emulator (its /emulators/antom prefix removed). */
export function providerPath(request: Request): string {
  const pathname = new URL(request.url).pathname;
  return pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : pathname;
}

/** A signed HTTP 200 answer. */
export function respond(path: string, clientId: string, body: Json | string): Response {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const responseTime = String(Date.now());
  const signature = signMessage(antomPrivateKey(), path, clientId, responseTime, text);
  return new Response(text, {
    status: 200,
    headers: {
      "content-type": "application/json; charset=UTF-8",
      "client-id": clientId,
      "response-time": responseTime,
      signature: signatureHeader(signature),
    },
  });
}

export function resultOnly(path: string, clientId: string, result: ResultInfo, resultMessage?: string): Response {
  return respond(path, clientId, { result: resultMessage ? { ...result, resultMessage } : result });
}

/** Whether a path is Antom's sandbox path (`/ams/sandbox/api/v1/...`). */
const onSandboxPath = (path: string) => path.startsWith("/ams/sandbox/");

/**
 * A `SANDBOX_` client id is served on the sandbox path only, any other id on the live path only
 * [doc: PROVIDERS.md §2 "Paths", as the official SDKs choose the path]. Antom documents no code
 * for the wrong one: INVALID_CLIENT, the closest documented code [guess].
 */
function wrongEnvironment(path: string, clientId: string): string | undefined {
  const sandboxClient = clientId.startsWith("SANDBOX_");
  if (sandboxClient === onSandboxPath(path)) return undefined;
  return sandboxClient
    ? "A SANDBOX_ client id is served on the sandbox path (/ams/sandbox/api/v1/...) only"
    : "Only a SANDBOX_ client id is served on the sandbox path (/ams/sandbox/api/v1/...)";
}

/** request-time: milliseconds since the epoch, or an ISO 8601 time (the official Python SDK). */
function validRequestTime(value: string): boolean {
  if (/^\d{10,16}$/.test(value)) return true;
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Reads and checks an API request: known client on its environment's path (INVALID_CLIENT), signature header and value
 * (INVALID_SIGNATURE), request-time and a JSON object body (PARAM_ILLEGAL).
 */
export async function readRequest(request: Request): Promise<AntomRequest | Response> {
  const path = providerPath(request);
  const read = await readText(request);
  if (!read.ok) return refusalResponse(read);
  const raw = read.value;
  const configured = antomSettings().clientId;
  const clientId = request.headers.get("client-id")?.trim() ?? "";
  if (!clientId) return resultOnly(path, configured, RESULTS.invalidClient, "client-id header is required");
  const wrongPath = wrongEnvironment(path, clientId);
  if (wrongPath) return resultOnly(path, clientId, RESULTS.invalidClient, wrongPath);
  if (clientId !== configured) return resultOnly(path, clientId, RESULTS.invalidClient);
  const requestTime = request.headers.get("request-time")?.trim() ?? "";
  if (!requestTime) return resultOnly(path, clientId, RESULTS.paramIllegal, "request-time header is required");
  if (!validRequestTime(requestTime))
    return resultOnly(
      path,
      clientId,
      RESULTS.paramIllegal,
      "request-time must be milliseconds since the epoch or an ISO 8601 time",
    );
  const signature = parseSignatureHeader(request.headers.get("signature"));
  if (!signature)
    return resultOnly(path, clientId, RESULTS.invalidSignature, "signature header is missing or malformed");
  if (!verifyMessage(merchantPublicKey(), path, clientId, requestTime, raw, signature.signature))
    return resultOnly(path, clientId, RESULTS.invalidSignature);
  const json = parseJson(raw);
  if (!json.ok) return resultOnly(path, clientId, RESULTS.paramIllegal, json.error);
  const body = json.value;
  if (!body || typeof body !== "object" || Array.isArray(body))
    return resultOnly(path, clientId, RESULTS.paramIllegal, "The body must be a JSON object");
  return { clientId, path, body: body as Json, origin: new URL(request.url).origin, testId: testIdOf(request) };
}

/** The headers of a notification to `url`, signed with Antom's key over the URL's pathname. */
export function notificationHeaders(url: string, clientId: string, body: string): Record<string, string> {
  const requestTime = String(Date.now());
  const path = new URL(url).pathname;
  return {
    "content-type": "application/json; charset=UTF-8",
    "client-id": clientId,
    "request-time": requestTime,
    signature: signatureHeader(signMessage(antomPrivateKey(), path, clientId, requestTime, body)),
  };
}
