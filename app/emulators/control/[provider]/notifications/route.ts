import { controlGuard, listNotifications, type ControlProvider } from "@/lib/emulators/control";

/** QA console: GET ?reference=<provider's payment id or merchant's reference> → {notifications: [...]}, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const refused = controlGuard(provider);
  if (refused) return refused;
  const reference = new URL(request.url).searchParams.get("reference")?.trim();
  if (!reference) return Response.json({ error: "reference is required" }, { status: 400 });
  return Response.json({ notifications: listNotifications(provider as ControlProvider, reference) });
}
