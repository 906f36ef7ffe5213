import "server-only";
import { currentUser } from "@/lib/auth";
import { findOrder, listOrderItems } from "@/lib/db/queries/orders";
import { listPaymentsForOrder } from "@/lib/db/queries/payments";
import type { Order, Payment } from "@/lib/db/schema";
import { waitingForOf, type WaitingFor } from "@/lib/payments/shopper-words";
import { orderStateOf, type OrderState } from "@/lib/order-state";

export interface OrderView {
  order: Order;
  items: Awaited<ReturnType<typeof listOrderItems>>;
  attempts: Payment[];
  latest: Payment | undefined;
  /** The order as people read it (paid, or only authorized and charged later, ...). */
  state: OrderState;
  /** What a pending order waits for: a key of the catalogue's `OrderPage.waiting` (and its values). */
  waitingFor: WaitingFor | null;
}

/**
 * An order as its owner may see it: a signed-in shopper's order only by that shopper (or an
 * operator); a guest order by whoever holds its unguessable id.
 */
export async function loadOrderForViewer(id: string): Promise<OrderView | null> {
  const order = await findOrder(id);
  if (!order) return null;
  if (order.userId) {
    const user = await currentUser();
    if (!user || (user.id !== order.userId && user.role !== "operator")) return null;
  }
  const attempts = await listPaymentsForOrder(order.id);
  const latest = attempts.at(-1);
  const held = attempts.find((attempt) => attempt.status === "authorized")?.captureMode ?? null;
  return {
    order,
    items: await listOrderItems(order.id),
    attempts,
    latest,
    state: orderStateOf(order.status, held),
    waitingFor: waitingForOf(order.status, latest),
  };
}
