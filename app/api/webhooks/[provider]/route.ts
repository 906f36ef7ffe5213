import { findProvider } from "@/lib/payments/registry";
import { receiveNotification } from "@/lib/payments/service";

/** One thin handler for every provider's notifications: raw body -> verify -> apply -> the provider's ack. */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  if (!findProvider(provider)) return Response.json({ error: `Unknown provider ${provider}` }, { status: 404 });
  const body = await request.text();
  const result = await receiveNotification(provider, { headers: request.headers, body });
  return result.response;
}
