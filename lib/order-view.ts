import "server-only";
import { currentUser } from "@/lib/auth";
import { findOrder, listOrderItems } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import type { Order, Payment } from "@/lib/db/schema";
import { findProvider } from "@/lib/payments/registry";

export interface OrderView {
  order: Order;
  items: ReturnType<typeof listOrderItems>;
  attempts: Payment[];
  latest: Payment | undefined;
  waitingFor: string | null;
}

/**
 * An order as its owner may see it: a signed-in shopper's order only by that shopper (or an
 * operator); a guest order by whoever holds its unguessable id.
 */
export async function loadOrderForViewer(id: string): Promise<OrderView | null> {
  const order = findOrder(id);
  if (!order) return null;
  if (order.userId) {
    const user = await currentUser();
    if (!user || (user.id !== order.userId && user.role !== "operator")) return null;
  }
  const attempts = listPaymentsForOrder(order.id);
  const latest = attempts.at(-1);
  return { order, items: listOrderItems(order.id), attempts, latest, waitingFor: waitingFor(order, latest) };
}

/** What a pending order is waiting for, in words. */
function waitingFor(order: Order, latest: Payment | undefined): string | null {
  if (order.status !== "pending" || !latest) return null;
  const provider = findProvider(latest.provider)?.displayName ?? latest.provider;
  switch (latest.status) {
    case "created":
      return `Contacting ${provider}…`;
    case "requires_action":
      if (latest.nextActionType === "qr") return `Waiting for you to scan the QR code and pay with ${provider}.`;
      return latest.nextActionType === "redirect"
        ? `Waiting for ${provider} to confirm the payment. If you have not finished paying on the payment page, continue there.`
        : `Waiting for you to complete the payment with ${provider}.`;
    case "processing":
      // Its answer to the start was lost: never "failed" until the provider itself says so.
      if (latest.startAnswerUnknown)
        return `We are confirming your payment with ${provider}. This page updates by itself; please do not pay again.`;
      return `${provider} is processing the payment; waiting for its notification.`;
    default:
      return `Waiting for ${provider}.`;
  }
}
