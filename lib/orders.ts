import "server-only";
import { priceCart } from "@/lib/cart";
import { randomUUID } from "node:crypto";
import {
  findOrder,
  findOrderByCheckoutToken,
  insertOrderOnce,
  listOrderItems,
  type Contact,
} from "@/lib/db/queries/orders";
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
export async function placeOrder(input: {
  cart: readonly CartLine[];
  currency: string;
  contact: Contact;
  userId: string | null;
  checkoutToken: string;
}): Promise<Order> {
  const placed = await findOrderByCheckoutToken(input.checkoutToken);
  if (placed) return placed;
  const cart = await priceCart(input.cart, input.currency);
  if (cart.lines.length === 0) throw new EmptyCartError();
  const { order } = await insertOrderOnce({
    id: newOrderId(),
    checkoutToken: input.checkoutToken,
    userId: input.userId,
    ...input.contact,
    currency: cart.currency,
    totalAmount: cart.total,
    items: cart.lines.map((line) => ({
      productId: line.product.id,
      name: line.product.name,
      unitAmount: line.product.price,
      quantity: line.quantity,
    })),
  });
  return order;
}

/** A copy of a past order (same shopper, address and items at the same prices), for "charge again". */
export async function repeatOrder(orderId: string): Promise<Order> {
  const original = await findOrder(orderId);
  if (!original) throw new Error(`Unknown order ${orderId}`);
  const items = await listOrderItems(original.id);
  const { order } = await insertOrderOnce({
    id: newOrderId(),
    checkoutToken: randomUUID(),
    userId: original.userId,
    email: original.email,
    name: original.name,
    addressLine: original.addressLine,
    city: original.city,
    postalCode: original.postalCode,
    country: original.country,
    currency: original.currency,
    totalAmount: original.totalAmount,
    items: items.map((item) => ({
      productId: item.productId,
      name: item.name,
      unitAmount: item.unitAmount,
      quantity: item.quantity,
    })),
  });
  return order;
}
