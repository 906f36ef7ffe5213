import "server-only";
import { log } from "@/lib/log";

/**
 * Notifications the shop refused before believing them (bad or missing signature, another
 * merchant's ids, a payment the provider or the shop does not know). They are not written to the
 * database: anyone can post to a webhook URL, and an unauthenticated request must not be able to
 * fill the event log. The operator still sees them: one redacted warn line each, and these
 * in-memory counts (per process, since the last start) on the console's payments list.
 */
export interface RejectionCount {
  provider: string;
  count: number;
  lastAt: Date;
  lastStatus: number;
  lastReason: string;
}

const MAX_REASON = 160;

const counts: Map<string, RejectionCount> = ((globalThis as Record<string, unknown>).__notificationRejections ??= new Map()) as Map<string, RejectionCount>;

/** Logs a refused notification (redacted by `log`) and counts it for the console. */
export function noteRejectedNotification(provider: string, httpStatus: number, reason: string): void {
  const short = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason;
  log("warn", "notification rejected", { provider, status: httpStatus, reason: short });
  const previous = counts.get(provider);
  counts.set(provider, { provider, count: (previous?.count ?? 0) + 1, lastAt: new Date(), lastStatus: httpStatus, lastReason: short });
}

/** Per provider, how many notifications were refused since the server started, and the latest reason. */
export function rejectedNotifications(): RejectionCount[] {
  return [...counts.values()].sort((a, b) => a.provider.localeCompare(b.provider));
}
