import "server-only";
import { log } from "@/lib/log";

/**
 * Notifications the shop did not store, counted instead (per provider, in memory, per process
 * since the last start) and shown on the console's payments list:
 *
 * - refused before or instead of being believed (bad or missing signature, another merchant's
 *   ids, a payment or token the provider or the shop does not know, a state that can never follow
 *   the payment's): anyone can post to a webhook URL, and an unauthenticated request must not be
 *   able to fill the event log, so none is ever recorded there. Each gets one redacted warn line.
 * - redeliveries that changed nothing (a notification already applied, or one the payment has
 *   already moved past): acknowledged, as the provider expects, and not stored again.
 */
export interface NotificationCount {
  provider: string;
  count: number;
  lastAt: Date;
  lastStatus: number;
  lastReason: string;
}

const MAX_REASON = 160;

type Counts = Map<string, NotificationCount>;

const kept = (name: string): Counts => ((globalThis as Record<string, unknown>)[name] ??= new Map()) as Counts;
const refused = kept("__notificationRejections");
const unchanged = kept("__notificationRedeliveries");

/** Adds one to `provider`'s count; answers the reason as kept (shortened). */
function count(counts: Counts, provider: string, httpStatus: number, reason: string): string {
  const short = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason;
  const previous = counts.get(provider);
  counts.set(provider, {
    provider,
    count: (previous?.count ?? 0) + 1,
    lastAt: new Date(),
    lastStatus: httpStatus,
    lastReason: short,
  });
  return short;
}

const listed = (counts: Counts): NotificationCount[] =>
  [...counts.values()].sort((a, b) => a.provider.localeCompare(b.provider));

/** Logs a refused notification (redacted by `log`) and counts it for the console. */
export function noteRejectedNotification(provider: string, httpStatus: number, reason: string): void {
  const short = count(refused, provider, httpStatus, reason);
  log("warn", "notification rejected", { provider, status: httpStatus, reason: short });
}

/** Counts a redelivery that changed nothing (acknowledged with `httpStatus`, not stored). */
export function noteUnchangedRedelivery(provider: string, httpStatus: number, reason: string): void {
  count(unchanged, provider, httpStatus, reason);
}

/** Per provider, how many notifications were refused since the server started, and the latest reason. */
export function rejectedNotifications(): NotificationCount[] {
  return listed(refused);
}

/** Per provider, how many redeliveries changed nothing since the server started, and the latest. */
export function unchangedRedeliveries(): NotificationCount[] {
  return listed(unchanged);
}
