import "server-only";
import { currentUser } from "@/lib/auth";
import { findOrder, listOrderItems } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import type { Order, Payment } from "@/lib/db/schema";
import { findMethod } from "@/lib/payments/registry";
import { openStepOf } from "@/lib/payments/shopper-words";
import { orderStateOf, type OrderState } from "@/lib/order-state";

export interface OrderView {
  order: Order;
  items: ReturnType<typeof listOrderItems>;
  attempts: Payment[];
  latest: Payment | undefined;
  /** The order as people read it (paid, or only authorized and charged later, ...). */
  state: OrderState;
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
  const held = attempts.find((attempt) => attempt.status === "authorized")?.captureMode ?? null;
  return {
    order,
    items: listOrderItems(order.id),
    attempts,
    latest,
    state: orderStateOf(order.status, held),
    waitingFor: waitingFor(order, latest),
  };
}

/** What a pending order is waiting for, in plain words (no provider names: the console has those). */
function waitingFor(order: Order, latest: Payment | undefined): string | null {
  if (order.status !== "pending" || !latest) return null;
  switch (latest.status) {
    case "created":
      return "Starting your payment…";
    case "requires_action": {
      const step = openStepOf(latest);
      if (step === "qr")
        return `Waiting for you to scan the QR code and pay with ${findMethod(latest.provider, latest.method)?.label ?? "your app"}.`;
      if (step === "bank") return "Waiting for you to confirm the payment with your bank.";
      return step === "payment-page"
        ? "Waiting for you to finish paying on the payment page. If you already have, this page updates by itself."
        : "Waiting for you to confirm the payment.";
    }
    case "processing":
      // Its answer to the start was lost: never "failed" until the provider itself says so.
      if (latest.startAnswerUnknown)
        return "We are confirming your payment. This page updates by itself; please do not pay again.";
      return "Your payment is being confirmed. This page updates by itself.";
    default:
      return "Waiting for your payment to be confirmed.";
  }
}
