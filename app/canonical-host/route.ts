import { settings } from "@/lib/env";
import { CANONICAL_HOST_HEADER, canonicalHostLocation } from "@/lib/security/canonical-host";

/**
 * The 307 to APP_URL's origin for a page visit on another loopback name (proxy.ts rewrites it here:
 * lib/security/canonical-host.ts). Only addresses on APP_URL's origin; anything else is a 404.
 */
function handle(request: Request): Response {
  const location = canonicalHostLocation(request.headers.get(CANONICAL_HOST_HEADER), settings().APP_URL);
  if (!location) return new Response(null, { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(null, { status: 307, headers: { location, "cache-control": "no-store" } });
}

export const dynamic = "force-dynamic";
export const GET = handle;
export const HEAD = handle;
