import { replayNotification, type ControlProvider } from "@/lib/emulators/control";
import { controlRequestGuard } from "@/lib/emulators/control-access";

/** QA console: enqueues the very same notification again (same target, headers and body); 202 {id}. POST with Content-Type: application/json (body empty or {}). */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const { provider, id } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const numeric = /^\d+$/.test(id) ? Number(id) : NaN;
  const replayed = Number.isSafeInteger(numeric)
    ? await replayNotification(provider as ControlProvider, numeric)
    : undefined;
  if (!replayed) return Response.json({ error: "Unknown notification" }, { status: 404 });
  return Response.json({ id: replayed.id }, { status: 202 });
}
