import { controlGuard, replayNotification, type ControlProvider } from "@/lib/emulators/control";

/** QA console: enqueues the very same notification again (same target, headers and body); 202 {id}. */
export async function POST(_request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const { provider, id } = await params;
  const refused = controlGuard(provider);
  if (refused) return refused;
  const numeric = /^\d+$/.test(id) ? Number(id) : NaN;
  const replayed = Number.isSafeInteger(numeric) ? replayNotification(provider as ControlProvider, numeric) : undefined;
  if (!replayed) return Response.json({ error: "Unknown notification" }, { status: 404 });
  return Response.json({ id: replayed.id }, { status: 202 });
}
