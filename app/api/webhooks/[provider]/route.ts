import { notAcknowledgedResponse, notificationResponse } from "@/lib/payments/answers";
import { findProvider } from "@/lib/payments/registry";
import { receiveNotification } from "@/lib/payments/receive-notification";
import { MAX_BODY_BYTES, nestsDeeperThan, readText } from "@/lib/security/request-body";

/** One thin handler for every provider's notifications: raw body -> verify -> apply -> the provider's ack. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const adapter = findProvider(provider);
  if (!adapter)
    return notAcknowledgedResponse({ kind: "refused", httpStatus: 404, reason: `Unknown provider ${provider}` });
  // A notification is a few kilobytes: a body over 1 MB is refused unread (413).
  const body = await readText(request, MAX_BODY_BYTES);
  if (!body.ok) return notAcknowledgedResponse({ kind: "refused", httpStatus: 413, reason: "Notification too large" });
  // Nor does one nest deep: a deeper body is refused before signing or redaction walks it.
  if (nestsDeeperThan(body.value))
    return notAcknowledgedResponse({ kind: "refused", httpStatus: 400, reason: "Notification nested too deeply" });
  const result = await receiveNotification(provider, { headers: request.headers, body: body.value, url: request.url });
  return notificationResponse(result.answer, adapter);
}
