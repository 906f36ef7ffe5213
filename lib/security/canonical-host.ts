import { isLoopbackHost } from "@/lib/public-mode";
import { requestOrigin } from "@/lib/security/client-address";

/**
 * One host per local shop. Cookies belong to a host name, and the shop sends shoppers (redirects,
 * hosted pages, 3-D Secure returns, notifications) to APP_URL's origin: a shopper who opened the
 * shop on another name of this machine (127.0.0.1 or [::1] for localhost) would sign in and fill a
 * cart there, pay, and come back to APP_URL's host with no session (a paid order on a 404). So
 * proxy.ts sends a browser's page visit on such a name to APP_URL's origin before anything starts.
 *
 * Only that: APP_URL a loopback URL, the request on another loopback name (or spelling) with the
 * same port, a GET or HEAD, and a navigation (the browser says so in Sec-Fetch-Mode, which it
 * sends to every loopback address). A LAN address or a public host is left as it is, as are the
 * APIs (/api/: webhooks, health), posts (server actions, webhooks), and calls a script or another
 * server makes (an emulator's API, the shop's own fetches: no Sec-Fetch-Mode, or not "navigate").
 *
 * Next's proxy turns any Location on the host Next itself listens as (localhost:PORT) into a
 * relative one, which the browser would follow on 127.0.0.1 again (vercel/next.js#44482), so
 * proxy.ts rewrites the visit to CANONICAL_HOST_ROUTE, the address in CANONICAL_HOST_HEADER, and
 * that route handler (app/canonical-host/route.ts) answers the 307.
 */

/** The route handler that answers the 307. */
export const CANONICAL_HOST_ROUTE = "/canonical-host";

/** A request as proxy.ts sees it. */
export interface VisitRequest {
  method: string;
  /** The path as requested (URL.pathname) and the query with its "?" (URL.search, may be empty). */
  pathname: string;
  search: string;
  headers: Headers;
}

/** Where to send this request (APP_URL's origin, same path and query), or undefined to answer it here. */
export function canonicalHostRedirect(request: VisitRequest, appUrl: string): string | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (request.pathname === "/api" || request.pathname.startsWith("/api/")) return undefined;
  if (request.headers.get("sec-fetch-mode") !== "navigate") return undefined;
  const app = urlOf(appUrl);
  const reached = urlOf(requestOrigin(request.headers));
  if (!app || !reached || !isLoopbackHost(app.hostname) || !isLoopbackHost(reached.hostname)) return undefined;
  // Another port is another server (or one the shop does not know it is reached on): not a name of this one.
  if (reached.host === app.host || reached.port !== app.port) return undefined;
  // Concatenated, never resolved against the origin: a path like "//elsewhere.example" stays a path here.
  return `${app.origin}${request.pathname}${request.search}`;
}

/** The request header in which proxy.ts hands CANONICAL_HOST_ROUTE the address to send the browser to. */
export const CANONICAL_HOST_HEADER = "x-canonical-host-location";

/**
 * The Location the route answers for the address it was handed: only one on APP_URL's origin
 * (whoever asks the route directly, with any header, is sent nowhere but the shop's own pages).
 */
export function canonicalHostLocation(to: string | null, appUrl: string): string | undefined {
  const app = urlOf(appUrl);
  const target = urlOf(to ?? undefined);
  if (!app || !target || target.origin !== app.origin) return undefined;
  return target.href;
}

function urlOf(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
