import "server-only";
import type { NotAcknowledged, NotificationAnswer } from "./answers";
import type { getProvider } from "./registry";
import { noteRejectedNotification, noteUnchangedRedelivery } from "./rejections";

/** What the shop answers a notification (the route turns it into the provider's response), and why, for the log. */
export interface NotificationResult {
  answer: NotificationAnswer;
  outcome: string;
}

export const ACK: NotificationAnswer = { kind: "ack" };

/**
 * A notification refused before or instead of being believed (or one that cannot be verified
 * now): a redacted warn line and a count on the console, never a row in the event log: anyone
 * can post to a webhook URL, and an unauthenticated request must not be able to fill it.
 */
export async function refused(
  providerId: string,
  answer: NotAcknowledged,
  reason: string,
  outcome: string,
): Promise<NotificationResult> {
  await noteRejectedNotification(providerId, answer.httpStatus, reason);
  return { answer, outcome };
}

/** A redelivery that changed nothing: the provider's acknowledgement, a count on the console, no row. */
export async function unchanged(
  provider: ReturnType<typeof getProvider>,
  reason: string,
  outcome: string,
): Promise<NotificationResult> {
  await noteUnchangedRedelivery(provider.id, provider.acknowledge().status, reason);
  return { answer: ACK, outcome };
}
