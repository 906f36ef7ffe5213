import "server-only";
import { priceCart } from "@/lib/cart";
import { findOrderByCheckoutToken, insertOrderOnce, type Contact } from "@/lib/db/queries/orders";
export type { Contact } from "@/lib/db/queries/orders";
import type { Order } from "@/lib/db/schema";
import { newOrderId } from "@/lib/ids";
import type { CartLine } from "@/lib/shopper-session";

export class EmptyCartError extends Error {
  constructor() {
    super("Your cart is empty.");
  }
}

/**
 * Places an order from the cart, priced on the server in the chosen currency. The checkout
 * token makes it idempotent: a double submit returns the order the first one placed.
 */
export function placeOrder(input: { cart: readonly CartLine[]; currency: string; contact: Contact; userId: string | null; checkoutToken: string }): Order {
  const placed = findOrderByCheckoutToken(input.checkoutToken);
  if (placed) return placed;
  const cart = priceCart(input.cart, input.currency);
  if (cart.lines.length === 0) throw new EmptyCartError();
  const { order } = insertOrderOnce({
    id: newOrderId(),
    checkoutToken: input.checkoutToken,
    userId: input.userId,
    ...input.contact,
    currency: cart.currency,
    totalAmount: cart.total,
    items: cart.lines.map((line) => ({ productId: line.product.id, name: line.product.name, unitAmount: line.product.price, quantity: line.quantity })),
  });
  return order;
}
