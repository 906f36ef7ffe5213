import { findProvider } from "@/lib/payments/registry";
import { receiveNotification } from "@/lib/payments/service";
import { MAX_BODY_BYTES, nestsDeeperThan, readText } from "@/lib/security/request-body";

/** One thin handler for every provider's notifications: raw body -> verify -> apply -> the provider's ack. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!findProvider(provider)) return Response.json({ error: `Unknown provider ${provider}` }, { status: 404 });
  // A notification is a few kilobytes: a body over 1 MB is refused unread (413).
  const body = await readText(request, MAX_BODY_BYTES);
  if (!body.ok) return Response.json({ error: "Notification too large" }, { status: 413 });
  // Nor does one nest deep: a deeper body is refused before signing or redaction walks it.
  if (nestsDeeperThan(body.value)) return Response.json({ error: "Notification nested too deeply" }, { status: 400 });
  const result = await receiveNotification(provider, { headers: request.headers, body: body.value, url: request.url });
  return result.response;
}
