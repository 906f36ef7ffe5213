/**
 * Public mode: on whenever APP_URL is not a loopback address. A laptop demo (localhost) leaves
 * the emulators' QA tools open; a deployment anyone can reach locks them (README, "Put the demo
 * on the internet"). There is no flag to forget: the address decides.
 */

/** Whether `hostname` (as URL.hostname writes it) names this machine: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  if (/^::ffff:127\./.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Public mode for an APP_URL: anything but a loopback host (an unreadable URL counts as public: locked is the safe side). */
export function isPublicAppUrl(appUrl: string): boolean {
  try {
    return !isLoopbackHost(new URL(appUrl).hostname);
  } catch {
    return true;
  }
}

/** The shop's address from the environment: APP_URL without its trailing slash (unset: the local default http://localhost:PORT). */
export function appUrlOf(env: Record<string, string | undefined> = process.env): string {
  return (env.APP_URL?.trim() || `http://localhost:${env.PORT ?? "3000"}`).replace(/\/$/, "");
}

/** Public mode of this process, from APP_URL (unset: the local default http://localhost:PORT). */
export function isPublicMode(env: Record<string, string | undefined> = process.env): boolean {
  const appUrl = env.APP_URL?.trim();
  return appUrl ? isPublicAppUrl(appUrl) : false;
}
