/**
 * The address of the client a request came from. The shop's server believes X-Forwarded-For only
 * from the proxies listed in TRUSTED_PROXIES (the preload scripts/forwarded-headers.mjs removes
 * it otherwise, and Next then writes the connection's own address there), so the header holds the
 * client as far as this deployment can tell.
 */
export function clientAddress(headers: Headers): string | undefined {
  return headers.get("x-forwarded-for")?.split(",")[0].trim() || undefined;
}

/**
 * The origin a request was sent to: its scheme (X-Forwarded-Proto, believed as above), host and
 * port (X-Forwarded-Host, else Host), or undefined when they do not make an origin.
 */
export function requestOrigin(headers: Headers): string | undefined {
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  const scheme = headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase() || "http";
  if (!host || (scheme !== "http" && scheme !== "https")) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** Whether the server was started with the forwarded-headers preload (npm start, the test servers, the bench do). */
export function forwardedHeadersChecked(): boolean {
  return (globalThis as { __shopForwardedHeadersChecked?: boolean }).__shopForwardedHeadersChecked === true;
}
