/**
 * Cookies get `Secure` when the shop's public address (APP_URL) is https. Decided from APP_URL, not
 * from the request: behind a TLS-terminating proxy the request reaches the shop as plain http.
 */
export function secureCookies(appUrl: string | undefined = process.env.APP_URL): boolean {
  return /^https:/i.test(appUrl?.trim() ?? "");
}
