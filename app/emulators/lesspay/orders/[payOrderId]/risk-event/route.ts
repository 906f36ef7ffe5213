import { riskEventOnDemand } from "@/lib/emulators/lesspay/api";
import { readForm, readJson, refusalResponse } from "@/lib/security/request-body";

/** QA hook: POST {event: "dispute_received" | "payment_declined"} (JSON or form) sends that risk event to notify_url. */
export async function POST(request: Request, { params }: { params: Promise<{ payOrderId: string }> }) {
  const { payOrderId } = await params;
  let event: unknown;
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    const body = await readJson(request);
    if (!body.ok) return refusalResponse(body);
    event = (body.value as { event?: unknown } | null)?.event;
  } else {
    const form = await readForm(request);
    if (!form.ok)
      return refusalResponse(
        form.status === 415 ? { status: 415, error: "The body must be JSON or a form with event" } : form,
      );
    event = form.value.get("event");
  }
  const result = riskEventOnDemand(payOrderId, typeof event === "string" ? event : "");
  if ("notFound" in result) return Response.json({ error: "Unknown order" }, { status: 404 });
  if ("error" in result) return Response.json({ error: result.error }, { status: 400 });
  return Response.json(result, { status: 202 });
}
