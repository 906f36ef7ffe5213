/**
 * A redirect target the shop will follow after sign-in: a path on this site only. Refuses
 * absolute URLs, protocol-relative `//host`, `/\host` (browsers read it as `//host`), schemes
 * such as `javascript:`, and control characters.
 */
export function sameSitePath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    // Resolved against a placeholder origin, a same-site path keeps that origin.
    const url = new URL(value, "http://same.site");
    return url.origin === "http://same.site" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** `sameSitePath` of a URL that may also be absolute on `origin` (as Auth.js's are). */
export function sameSiteTarget(url: string, origin: string, fallback = "/"): string {
  const path = url === origin || url.startsWith(`${origin}/`) ? url.slice(origin.length) || "/" : url;
  return sameSitePath(path, fallback);
}
