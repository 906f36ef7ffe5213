/**
 * What the shop answers a provider's notification. Only "ack" stops the provider sending it
 * again; its exact body is the provider's own (the adapter's `acknowledge`).
 */
export type NotificationAnswer =
  | { kind: "ack" }
  /**
   * Not acknowledged, so the provider sends it again: it came before the notification it follows
   * (409), or it cannot be verified now (503, the provider's API does not answer).
   */
  | { kind: "retry-later"; httpStatus: 409 | 503; reason: string }
  /** Not believed or not acceptable: a 4xx with the reason. Never written to the event log. */
  | { kind: "refused"; httpStatus: 400 | 401 | 404 | 409 | 413 | 422; reason: string };

/** The answers that are not the provider's acknowledgement. */
export type NotAcknowledged = Exclude<NotificationAnswer, { kind: "ack" }>;

/** The HTTP response of an answer that is not an acknowledgement: its status, and the reason as JSON. */
export function notAcknowledgedResponse(answer: NotAcknowledged): Response {
  return Response.json({ error: answer.reason }, { status: answer.httpStatus });
}

/** The HTTP response of an answer: the provider's own acknowledgement, or the status and reason. */
export function notificationResponse(answer: NotificationAnswer, provider: { acknowledge(): Response }): Response {
  return answer.kind === "ack" ? provider.acknowledge() : notAcknowledgedResponse(answer);
}
