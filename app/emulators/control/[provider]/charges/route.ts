import { chargesFor, controlGuard, type ControlProvider } from "@/lib/emulators/control";

/** QA: GET ?reference=<the merchant's reference> → {reference, count, charges: [{id, status}]}: what the provider recorded. */
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const refused = controlGuard(provider);
  if (refused) return refused;
  const reference = new URL(request.url).searchParams.get("reference")?.trim();
  if (!reference) return Response.json({ error: "reference is required" }, { status: 400 });
  const charges = chargesFor(provider as ControlProvider, reference);
  return Response.json({ reference, count: charges.length, charges }, { headers: { "cache-control": "no-store" } });
}
