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
import type { ShopTransaction } from "@/lib/db/client";
import type { Order } from "@/lib/db/schema";
import { newOrderId } from "@/lib/ids";
import type { CartLine } from "@/lib/shopper-session";

export class EmptyCartError extends Error {
  constructor() {
    super("Your cart is empty.");
  }
}

interface OrderInput {
  cart: readonly CartLine[];
  currency: string;
  contact: Contact;
  userId: string | null;
  checkoutToken: string;
}

/**
 * Places an order from the cart, priced on the server in the chosen currency. The checkout
 * token makes it idempotent: a double submit returns the order the first one placed.
 * `admit` (the pay-attempt limit) runs before anything is placed or answered, in the order's
 * write transaction (in one of its own when there is no order to write: an empty cart); its
 * refusal is answered instead of the order, and no order is written.
 */
export async function placeOrder(input: OrderInput): Promise<Order>;
export async function placeOrder<Refusal>(
  input: OrderInput,
  admit: (tx?: ShopTransaction) => Promise<Refusal | undefined>,
): Promise<Order | { refused: Refusal }>;
export async function placeOrder<Refusal>(
  input: OrderInput,
  admit?: (tx?: ShopTransaction) => Promise<Refusal | undefined>,
): Promise<Order | { refused: Refusal }> {
  const cart = await priceCart(input.cart, input.currency);
  if (cart.lines.length === 0) {
    const refused = admit && (await admit());
    if (refused !== undefined) return { refused };
    // A double submit whose first one emptied the cart: the order that one placed.
    const placed = await findOrderByCheckoutToken(input.checkoutToken);
    if (placed) return placed;
    throw new EmptyCartError();
  }
  const order = {
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
  };
  if (!admit) return (await insertOrderOnce(order)).order;
  const placed = await insertOrderOnce(order, admit);
  return "refused" in placed ? placed : placed.order;
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
