/**
 * The shop's Content-Security-Policy, built per request by proxy.ts. Scripts run only with the
 * request's nonce (Next puts it on its own scripts when the policy is on the request), and
 * 'strict-dynamic' lets those scripts load what they need: a provider's browser script (its risk
 * plugin) is added by the checkout's own (nonced) code. Pure: no env reads here, so it is unit-tested as is.
 */
export interface CspOrigins {
  /** The shop's own origin (APP_URL): the emulators' forms send the shopper back here. */
  app: string;
  /** Origins the browser talks to directly: a provider's browser script and its calls. */
  connect: readonly string[];
  /** Origins of the pages the shopper is sent to: hosted payment pages, 3DS pages, wallets. */
  navigate: readonly string[];
}

export function contentSecurityPolicy(nonce: string, origins: CspOrigins, { dev = false } = {}): string {
  const list = (values: readonly string[]) => [...new Set(values.filter(Boolean))].join(" ");
  const directives: Record<string, string> = {
    "default-src": "'self'",
    // 'unsafe-eval' only under `next dev` (React rebuilds server stacks with eval); never in production.
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (progress bars, the QR code's SVG) cannot carry a nonce; styles cannot run code.
    "style-src": "'self' 'unsafe-inline'",
    // The QR codes are inline SVG; data: covers the card brand marks and favicons.
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": list(["'self'", ...origins.connect]),
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    // A form may post here, or (no-JS checkout) be redirected on to a provider's page.
    "form-action": list(["'self'", origins.app, ...origins.navigate]),
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/** The origin of a URL, or nothing when it is not one. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
