import { settings } from "@/lib/env";
import { isPending } from "@/lib/payments/state";
import { reconcilePayment, unknownAnswerInquiryAfterMs } from "@/lib/payments/reconcile-payment";
import { loadOrderForViewer } from "@/lib/order-view";

/**
 * The order page polls this while a payment is pending. When the provider's notification is
 * late, or its answer to the start was lost, the shop asks the provider itself (at most every few
 * seconds per payment; by our own reference when the provider's id never came).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let view = await loadOrderForViewer(id);
  if (!view) return Response.json({ error: "Unknown order" }, { status: 404 });
  const latest = view.latest;
  // A lost start answer is asked about on every poll, at most every PAYMENT_UNKNOWN_INQUIRY_AFTER_MS.
  const lateAfter = latest?.startAnswerUnknown ? 0 : settings().PAYMENT_INQUIRY_AFTER_MS;
  const every = latest?.startAnswerUnknown ? unknownAnswerInquiryAfterMs() : Math.min(lateAfter, 10_000);
  if (latest && isPending(latest.status) && Date.now() - latest.updatedAt.getTime() >= lateAfter) {
    await reconcilePayment(latest.id, Math.max(1000, every));
    view = (await loadOrderForViewer(id))!;
  }
  return Response.json(
    {
      status: view.order.status,
      payment: view.latest
        ? { id: view.latest.id, status: view.latest.status, failureMessage: view.latest.failureMessage }
        : null,
      updatedAt: view.order.updatedAt.toISOString(),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
