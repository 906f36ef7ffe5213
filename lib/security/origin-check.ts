import { requestOrigin } from "@/lib/security/client-address";

/**
 * Cross-site request forgery gate for server actions, run by proxy.ts before any action. Next
 * compares Origin with Host itself but lets a POST with no Origin through (it only warns);
 * browsers always send Origin on POST, so here a missing one is refused as well.
 */

/**
 * Whether a request may be a server action: a POST with the `Next-Action` header (JavaScript
 * on), or any POST to a page (the no-JavaScript form post names its action in the body).
 * Route handlers (the APIs, webhooks, the emulators) take their own POSTs.
 */
export function mayBeServerAction(method: string, pathname: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  return !pathname.startsWith("/api/") && !pathname.startsWith("/emulators/");
}

/**
 * The request's Origin names this site, scheme, host and port alike: APP_URL's origin, or the
 * origin the request was sent to (lib/security/client-address.ts: forwarded headers only from a
 * trusted proxy).
 */
export function isSameOrigin(headers: Headers, appOrigin: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let sent: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    sent = url.origin;
  } catch {
    return false;
  }
  return sent === appOrigin || sent === requestOrigin(headers);
}

/**
 * Whether Origin's host is the host the request was reached on (X-Forwarded-Host, else Host): the
 * check Next makes before it runs a server action (it answers 500 otherwise).
 */
export function originMatchesHost(headers: Headers): boolean {
  const origin = headers.get("origin");
  const reached = requestOrigin(headers);
  try {
    return !!origin && !!reached && new URL(origin).host === new URL(reached).host;
  } catch {
    return false;
  }
}
