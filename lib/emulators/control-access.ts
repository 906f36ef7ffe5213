import "server-only";
import { timingSafeEqual } from "node:crypto";
import { controlPlaneToken } from "@/lib/deployment-secrets";
import { isLoopbackHost, isPublicMode } from "@/lib/public-mode";
import { isControlPlaneClosed, isStandaloneEmulators } from "@/lib/serve-mode";
import { requestOrigin } from "@/lib/security/client-address";
import { originOf } from "@/lib/security/csp";
import { isSameOrigin } from "@/lib/security/origin-check";
import type { ControlProvider } from "./control";
import { emulatorSettings } from "./settings";

/**
 * Who may use the emulators' QA control plane (/emulators/control/**), which forces outcomes,
 * replays signed notifications and wipes the emulators.
 *
 * Every mode: a state-changing request is JSON only (415 otherwise) and never from another site
 * (403): a page elsewhere can neither post a form or `text/plain` body here, nor send JSON with
 * its own Origin. Requests with no Origin (curl, a test, a QA engineer's backend) pass locally.
 *
 * Public mode: every control request, reads included, needs the operator's session or the
 * control token (`Authorization: Bearer …`), which the shop's own server-side calls send. Serving
 * the emulators alone (SERVE=emulators) there are no sessions (no shop): the token only.
 *
 * `EMULATOR_CONTROL=closed` (lib/serve-mode.ts): every control request is a 404, whoever asks.
 */

/** The control token, from the emulators' own settings (the shop sends the same one, from its own: lib/emulator-control.ts). */
function controlToken(): string {
  return controlPlaneToken(emulatorSettings().EMULATOR_CONTROL_TOKEN);
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

const AUTHENTICATE =
  "The emulators' control plane needs an operator: sign in as an operator (/login), or send Authorization: Bearer <EMULATOR_CONTROL_TOKEN>.";
const AUTHENTICATE_STANDALONE =
  "The emulators' control plane needs Authorization: Bearer <EMULATOR_CONTROL_TOKEN> (this server runs the emulators alone: there is no sign-in).";

const refuse = (status: number, error: string, headers?: HeadersInit) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });

/** Whether the request carries `Authorization: Bearer <the control token>` (compared in constant time). */
export function hasControlToken(request: Request): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) return false;
  const sent = Buffer.from(match[1]);
  const expected = Buffer.from(controlToken());
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * Whether the visitor signed in as an operator. Auth.js is loaded only here, in public mode: the
 * route handlers are also called in-process by tests, where next-auth does not load. Serving the
 * emulators alone there is no shop to sign in to (nor its users table to read): nobody.
 */
async function isOperator(): Promise<boolean> {
  if (isStandaloneEmulators()) return false;
  const { currentUser } = await import("@/lib/auth");
  return (await currentUser())?.role === "operator";
}

/** Auth.js's session cookie (`__Secure-` prefixed behind HTTPS): without one nobody is signed in. */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?authjs\.session-token(\.\d+)?=/;

/**
 * Who is asking, as the control plane records it beside a forced outcome: "control token" for a
 * bearer-token call, the operator's email for a signed-in operator, else "local, no sign-in" with
 * the client's product token (`curl`, `node`, `Mozilla`). Call it after the gate let the request in.
 */
export async function controlCaller(request: Request): Promise<string> {
  if (hasControlToken(request)) return "control token";
  if (isPublicMode() || SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) {
    const { currentUser } = await import("@/lib/auth");
    const user = await currentUser();
    if (user?.role === "operator" && user.email) return user.email;
  }
  const product = /^[^\s/()]+/.exec(request.headers.get("user-agent") ?? "")?.[0];
  return product ? `local, no sign-in (${product.slice(0, 40)})` : "local, no sign-in";
}

/** Whether a page may offer the control plane's forms and buttons to this visitor (the routes check again). */
export async function mayUseControlPlane(): Promise<boolean> {
  if (isControlPlaneClosed()) return false;
  return !isPublicMode() || (await isOperator());
}

/** The 404 of every control route while `EMULATOR_CONTROL=closed`. */
export const CONTROL_CLOSED =
  "The emulators' control plane is closed on this server (EMULATOR_CONTROL=closed): only the providers' own APIs and pages answer.";

/** The 404 of a control route, or of a hosted page's QA hook, while `EMULATOR_CONTROL=closed`. */
export function controlClosedRefusal(): Response | undefined {
  return isControlPlaneClosed() ? refuse(404, CONTROL_CLOSED) : undefined;
}

/** 403 when the request comes from another site: a foreign (or opaque) Origin, or `Sec-Fetch-Site: cross-site`. */
function crossSiteRefusal(request: Request): Response | undefined {
  const fromOtherSite = request.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site";
  const origin = request.headers.get("origin");
  if (fromOtherSite || (origin !== null && !isSameOrigin(request.headers, originOf(emulatorSettings().APP_URL)))) {
    return refuse(403, "The emulators' control plane refuses requests from another site.");
  }
  return undefined;
}

/**
 * 415 unless the body is declared JSON: a POST, PUT or PATCH always (even a body-less replay or
 * reset: `Content-Type: application/json`, body empty or `{}`), a DELETE whenever it declares a
 * type. An HTML form or a `text/plain` fetch is what another site can send without asking first.
 */
function nonJsonRefusal(request: Request): Response | undefined {
  const contentType = request.headers.get("content-type");
  const required = request.method !== "DELETE" || contentType !== null;
  if (required && !JSON_TYPE.test(contentType ?? "")) {
    return refuse(
      415,
      `The emulators' control plane takes JSON only: send ${request.method} with Content-Type: application/json (a body-less ${request.method} too).`,
    );
  }
  return undefined;
}

/**
 * Local mode: 403 unless the request was sent to this machine (a loopback host) or to APP_URL's
 * host. The control plane is open on a laptop; a web page whose own name an attacker points at
 * 127.0.0.1 (DNS rebinding) is "same-origin" with itself, but names its own host, not ours.
 */
function foreignHostRefusal(request: Request): Response | undefined {
  // No Host at all is no browser (every HTTP/1.1 request has one): a handler called in-process.
  if (!request.headers.has("host")) return undefined;
  const sentTo = requestOrigin(request.headers);
  const hostname = sentTo ? new URL(sentTo).hostname : "";
  if (isLoopbackHost(hostname) || hostname === new URL(emulatorSettings().APP_URL).hostname) return undefined;
  return refuse(
    403,
    "On a laptop the emulators' control plane answers only on this machine's own addresses (localhost) or APP_URL's host.",
  );
}

/** Public mode: 401 unless the control token or an operator's session; a session alone must also show this site's Origin on a change. */
async function publicModeRefusal(request: Request): Promise<Response | undefined> {
  if (hasControlToken(request)) return undefined;
  if (!(await isOperator()))
    return refuse(401, isStandaloneEmulators() ? AUTHENTICATE_STANDALONE : AUTHENTICATE, {
      "www-authenticate": 'Bearer realm="emulator-control"',
    });
  // Browsers send Origin on every non-GET fetch; a change riding on the cookie without one did not come from our page.
  if (STATE_CHANGING.has(request.method) && request.headers.get("origin") === null) {
    return refuse(
      403,
      "A change through the operator's session must come from this site's pages (no Origin was sent).",
    );
  }
  return undefined;
}

/**
 * The one gate of every control route: who may ask (above), then whether control is enabled for
 * each provider the request is about (404 when its base URL is the real provider).
 */
export async function controlRequestGuard(
  request: Request,
  providers: readonly string[],
): Promise<Response | undefined> {
  const closed = controlClosedRefusal();
  if (closed) return closed;
  if (!isPublicMode()) {
    const refused = foreignHostRefusal(request);
    if (refused) return refused;
  }
  if (STATE_CHANGING.has(request.method)) {
    const refused = crossSiteRefusal(request) ?? nonJsonRefusal(request);
    if (refused) return refused;
  }
  if (isPublicMode()) {
    const refused = await publicModeRefusal(request);
    if (refused) return refused;
  }
  // Loaded here, not at the top: the shop's pages import this module (mayUseControlPlane) and
  // need not load every emulator with it.
  const { controlGuard } = await import("./control-guard");
  for (const provider of providers) {
    const refused = controlGuard(provider);
    if (refused) return refused;
  }
  return undefined;
}

/**
 * A control-plane GET about one merchant or provider reference: the gate, then `?reference=`
 * (400 without it), then the answer.
 */
export function controlReadByReference(
  answer: (provider: ControlProvider, reference: string) => Response | Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> => {
    const { provider } = await params;
    const refused = await controlRequestGuard(request, [provider]);
    if (refused) return refused;
    const reference = new URL(request.url).searchParams.get("reference")?.trim();
    if (!reference) return Response.json({ error: "reference is required" }, { status: 400 });
    return answer(provider as ControlProvider, reference);
  };
}
