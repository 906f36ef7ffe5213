import { NextResponse, type NextRequest } from "next/server";
import { HOSTED_LANGUAGE_PARAM, HOSTED_LOCALE_HEADER, hostedPageLocale } from "@/lib/emulators/hosted-locale";
import { settings } from "@/lib/env";
import { providerDescriptors } from "@/lib/payments/registry";
import { actionBodyRefusal, nextDecodesBody } from "@/lib/security/action-body";
import { CANONICAL_HOST_HEADER, CANONICAL_HOST_ROUTE, canonicalHostRedirect } from "@/lib/security/canonical-host";
import { contentSecurityPolicy, newNonce, originOf } from "@/lib/security/csp";
import { isSameOrigin, mayBeServerAction, originMatchesHost } from "@/lib/security/origin-check";
import { hasValidPercentEncoding } from "@/lib/security/request-body";
import { HEALTH_PATH, isStandaloneEmulators, servedByStandaloneEmulators } from "@/lib/serve-mode";

/**
 * Runs before every route: refuses a path Next cannot decode (400), sends a page visit on another
 * loopback name of a local shop (127.0.0.1 for localhost) to APP_URL's origin (307), refuses a
 * server action sent from another site (or with no Origin) before it runs (403), and a body Next
 * would fail to decode as a server action (400, or 413 over the size limit) where Next itself
 * would answer 500. Puts a per-request Content-Security-Policy on the request (Next reads its
 * nonce and stamps its own scripts with it) and on the answer. Serving the emulators alone
 * (SERVE=emulators, lib/serve-mode.ts): 404 for every route but the emulators', the build's files
 * and the health route, and for every server action.
 */
export async function proxy(request: NextRequest) {
  const env = settings();
  const appOrigin = originOf(env.APP_URL);
  const nonce = newNonce();
  const policy = contentSecurityPolicy(
    nonce,
    {
      // Served alone, the emulators' pages send the payer back to whatever return URL a merchant
      // gave, on any site, as a provider's own pages do [guess]; with the shop, to the shop.
      app: isStandaloneEmulators() ? "https: http:" : (appOrigin ?? ""),
      connect: origins(providerDescriptors().flatMap((provider) => provider.cspOrigins?.().connect ?? [])),
      navigate: origins(providerDescriptors().map((provider) => provider.settings.baseUrl())),
    },
    { dev: process.env.NODE_ENV === "development" },
  );

  // On https, browsers are told to come back on https only (a TLS-terminating proxy makes the request itself http).
  const transport: Record<string, string> = env.APP_URL.startsWith("https:")
    ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY }
    : {};
  const refusal = (status: number, message: string) =>
    new NextResponse(message, {
      status,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "content-security-policy": policy,
        ...REFUSAL_HEADERS,
        ...transport,
      },
    });

  if (!hasValidPercentEncoding(request.nextUrl.pathname))
    return refusal(400, "The address has an invalid percent-encoding.");
  const { pathname, search } = request.nextUrl;
  // `npm run emulators` (SERVE=emulators): the emulators alone; no shop page, action or API is there.
  if (isStandaloneEmulators()) {
    if (!servedByStandaloneEmulators(pathname) || request.headers.has("next-action"))
      return refusal(404, STANDALONE_NOT_FOUND);
    // Ready when their database is migrated: answered here, so that the shop's health route (and
    // its database) never loads, and the shop's code imports no emulator's. Loaded on first use:
    // a proxy in front of the shop never loads the emulators' list and database.
    if (pathname === HEALTH_PATH)
      return NextResponse.json(
        { ok: true, serve: "emulators", ...(await (await import("@/lib/emulators/health")).emulatorsHealth()) },
        { headers: { "cache-control": "no-store", "content-security-policy": policy, ...transport } },
      );
    return next(request, { policy, nonce, transport });
  }
  // Before anything starts: the session's cookies belong to the host that the shop's redirects and returns lead to.
  const canonical = canonicalHostRedirect(
    { method: request.method, pathname, search, headers: request.headers },
    env.APP_URL,
  );
  // The route answers the 307 (Next would make a Location on its own host relative: see the module).
  if (canonical) {
    const headers = new Headers(request.headers);
    headers.set(CANONICAL_HOST_HEADER, canonical);
    return NextResponse.rewrite(new URL(CANONICAL_HOST_ROUTE, request.url), { request: { headers } });
  }
  if (mayBeServerAction(request.method, request.nextUrl.pathname, request.headers)) {
    if (!isSameOrigin(request.headers, appOrigin))
      return refusal(403, "This form was sent from another site and was refused.");
    // Next itself runs an action only when Origin names the host it was reached on; APP_URL's origin
    // reaching it under another Host means a proxy rewrote Host without being trusted to say so.
    if (!originMatchesHost(request.headers)) {
      return refusal(
        403,
        "This form reached the shop under another host name than its page: the proxy in front of the shop changes the Host header, so list it in TRUSTED_PROXIES (or have it keep Host).",
      );
    }
  }
  if (nextDecodesBody(request.method, request.headers)) {
    const refused = await actionBodyRefusal(request);
    if (refused) return refusal(refused.status, `This form could not be read: ${refused.error}.`);
  }

  return next(request, { policy, nonce, transport });
}

/** The request goes on to its route, with its Content-Security-Policy (and nonce) and a hosted page's language. */
function next(
  request: NextRequest,
  { policy, nonce, transport }: { policy: string; nonce: string; transport: Record<string, string> },
) {
  const { pathname } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  // A provider's hosted page speaks its own language, not the shop's cookie (lib/emulators/hosted-locale.ts).
  requestHeaders.delete(HOSTED_LOCALE_HEADER);
  const hostedLocale = hostedPageLocale(
    pathname,
    request.nextUrl.searchParams.get(HOSTED_LANGUAGE_PARAM),
    request.headers.get("accept-language"),
  );
  if (hostedLocale) requestHeaders.set(HOSTED_LOCALE_HEADER, hostedLocale);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(transport)) response.headers.set(name, value);
  return response;
}

const STANDALONE_NOT_FOUND =
  "Not found. This server runs the payment providers' emulators alone (SERVE=emulators): the shop is not served here. The emulators are under /emulators.";

/** The origins of URLs (those that are URLs). */
function origins(urls: readonly string[]): string[] {
  return urls.map(originOf).filter((origin): origin is string => !!origin);
}

/** A year; not includeSubDomains: the shop's domain may be shared with sites that are not its own. */
const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** next.config.mjs adds these to routed answers; an answer from here gets them itself. */
const REFUSAL_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cache-control": "no-store",
};

export const config = {
  // Everything but the build's static files (hashed JS/CSS: no document, nothing to protect).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
