import "server-only";
import { log } from "@/lib/log";
import { countNotification, listNotificationCounts, type NotificationCount } from "@/lib/db/queries/shared-state";

/**
 * Notifications the shop did not store, counted instead (per provider, in the shop's database:
 * one row per provider and kind, whatever the traffic, and the same for every instance) and shown
 * on the console's payments list:
 *
 * - refused before or instead of being believed (bad or missing signature, another merchant's
 *   ids, a payment or token the provider or the shop does not know, a state that can never follow
 *   the payment's): anyone can post to a webhook URL, and an unauthenticated request must not be
 *   able to fill the event log, so none is ever recorded there. Each gets one redacted warn line.
 * - redeliveries that changed nothing (a notification already applied, or one the payment has
 *   already moved past): acknowledged, as the provider expects, and not stored again.
 */
export type { NotificationCount } from "@/lib/db/queries/shared-state";

const MAX_REASON = 160;

const shortened = (reason: string) => (reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason);

/** Logs a refused notification (redacted by `log`) and counts it for the console. */
export async function noteRejectedNotification(provider: string, httpStatus: number, reason: string): Promise<void> {
  const short = shortened(reason);
  log("warn", "notification rejected", { provider, status: httpStatus, reason: short });
  await countNotification("refused", provider, httpStatus, short);
}

/** Counts a redelivery that changed nothing (acknowledged with `httpStatus`, not stored). */
export async function noteUnchangedRedelivery(provider: string, httpStatus: number, reason: string): Promise<void> {
  await countNotification("unchanged", provider, httpStatus, shortened(reason));
}

/** Per provider, how many notifications were refused, and the latest reason. */
export function rejectedNotifications(): Promise<NotificationCount[]> {
  return listNotificationCounts("refused");
}

/** Per provider, how many redeliveries changed nothing, and the latest. */
export function unchangedRedeliveries(): Promise<NotificationCount[]> {
  return listNotificationCounts("unchanged");
}
