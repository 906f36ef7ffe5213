import { listNotifications } from "@/lib/emulators/control";
import { controlRequestGuard } from "@/lib/emulators/control-access";

/** Longest reference or type a listing takes (the emulators' own ids and the shop's are far shorter). */
const MAX_FILTER_LENGTH = 200;

/**
 * QA console: GET ?reference=<provider's payment id or merchant's reference>&type=<kind> (either,
 * or both) → {notifications: [...]}, newest first, each with its type, status and delivery attempts.
 */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider } = await params;
  const refused = await controlRequestGuard(request, [provider]);
  if (refused) return refused;
  const query = new URL(request.url).searchParams;
  const reference = query.get("reference")?.trim() || undefined;
  const type = query.get("type")?.trim() || undefined;
  if (!reference && !type) return Response.json({ error: "reference or type is required" }, { status: 400 });
  if ((reference?.length ?? 0) > MAX_FILTER_LENGTH || (type?.length ?? 0) > MAX_FILTER_LENGTH)
    return Response.json({ error: `reference and type are at most ${MAX_FILTER_LENGTH} characters` }, { status: 400 });
  return Response.json(
    { notifications: await listNotifications(provider, { reference, type }) },
    { headers: { "cache-control": "no-store" } },
  );
}
