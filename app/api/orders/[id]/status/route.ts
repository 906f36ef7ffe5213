import { loadOrderForViewer } from "@/lib/order-view";

/** The order page polls this while a payment is pending. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadOrderForViewer(id);
  if (!view) return Response.json({ error: "Unknown order" }, { status: 404 });
  return Response.json(
    {
      status: view.order.status,
      payment: view.latest ? { id: view.latest.id, status: view.latest.status, failureMessage: view.latest.failureMessage } : null,
      updatedAt: view.order.updatedAt.toISOString(),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
