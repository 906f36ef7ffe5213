import { riskEventOnDemand } from "@/lib/emulators/lesspay/api";

/** QA hook: POST {event: "dispute_received" | "payment_declined"} (JSON or form) sends that risk event to notify_url. */
export async function POST(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  let event = "";
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await request.json()) as { event?: unknown };
      event = typeof body?.event === "string" ? body.event : "";
    } else {
      const form = await request.formData();
      const value = form.get("event");
      event = typeof value === "string" ? value : "";
    }
  } catch {
    return Response.json({ error: "The body must be JSON or a form with event" }, { status: 400 });
  }
  const result = riskEventOnDemand(payOrderId, event);
  if ("notFound" in result) return Response.json({ error: "Unknown order" }, { status: 404 });
  if ("error" in result) return Response.json({ error: result.error }, { status: 400 });
  return Response.json(result, { status: 202 });
}
