import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { db, writeTransaction } from "../client";
import { orderItems, orders, payments, products, type Order, type OrderItem } from "../schema";
import type { OrderId } from "@/lib/ids";

/** Who ordered and where it ships. */
export interface Contact {
  email: string;
  name: string;
  addressLine: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface NewOrder extends Contact {
  id: OrderId;
  checkoutToken: string;
  userId: string | null;
  currency: string;
  totalAmount: number;
  items: { productId: string; name: string; unitAmount: number; quantity: number }[];
}

/** Inserts an order with its items; a second call with the same checkout token returns the first order. */
export function insertOrderOnce(order: NewOrder): { order: Order; created: boolean } {
  return writeTransaction((tx) => {
    const existing = tx.select().from(orders).where(eq(orders.checkoutToken, order.checkoutToken)).get();
    if (existing) return { order: existing, created: false };
    const { items, ...head } = order;
    const inserted = tx.insert(orders).values(head).returning().get();
    tx.insert(orderItems)
      .values(items.map((item) => ({ ...item, orderId: order.id })))
      .run();
    return { order: inserted, created: true };
  });
}

export function findOrder(id: string): Order | undefined {
  return db().select().from(orders).where(eq(orders.id, id)).get();
}

export function findOrderByCheckoutToken(checkoutToken: string): Order | undefined {
  return db().select().from(orders).where(eq(orders.checkoutToken, checkoutToken)).get();
}

export function listOrderItems(orderId: string): OrderItem[] {
  return db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id)).all();
}

/** Manual when any item is made to order (charged when it ships), else automatic. */
export function orderCaptureMode(orderId: string): "automatic" | "manual" {
  const modes = db()
    .select({ mode: products.captureMode })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, orderId))
    .all();
  return modes.some((row) => row.mode === "manual") ? "manual" : "automatic";
}

export function listOrdersForUser(userId: string): Order[] {
  return db().select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt)).all();
}

export interface OrderListRow extends Order {
  attempts: number;
  lastProvider: string | null;
}

/** Every order, newest first, with how many payment attempts it had (operator console). */
export function listOrdersForOperator(limit = 200): OrderListRow[] {
  const rows = db().select().from(orders).orderBy(desc(orders.createdAt)).limit(limit).all();
  const attempts = db()
    .select({ orderId: payments.orderId, provider: payments.provider })
    .from(payments)
    .orderBy(asc(payments.createdAt))
    .all();
  return rows.map((order) => {
    const mine = attempts.filter((a) => a.orderId === order.id);
    return { ...order, attempts: mine.length, lastProvider: mine.at(-1)?.provider ?? null };
  });
}
