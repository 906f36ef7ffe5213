import { findProvider } from "@/lib/payments/registry";
import { receiveNotification } from "@/lib/payments/service";

const MAX_NOTIFICATION_BYTES = 1024 * 1024;

/** One thin handler for every provider's notifications: raw body -> verify -> apply -> the provider's ack. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!findProvider(provider)) return Response.json({ error: `Unknown provider ${provider}` }, { status: 404 });
  // A notification is a few kilobytes: a body over 1 MB is refused unread.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_NOTIFICATION_BYTES) return Response.json({ error: "Notification too large" }, { status: 413 });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_NOTIFICATION_BYTES) return Response.json({ error: "Notification too large" }, { status: 413 });
  const result = await receiveNotification(provider, { headers: request.headers, body });
  return result.response;
}
