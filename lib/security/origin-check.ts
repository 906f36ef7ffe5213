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

/** The request's Origin names this site: the host it was sent to, or APP_URL's origin. */
export function isSameOrigin(headers: Headers, appOrigin: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    if (appOrigin && url.origin === appOrigin) return true;
    host = url.host;
  } catch {
    return false;
  }
  const requestHost = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  return !!requestHost && requestHost.toLowerCase() === host.toLowerCase();
}
