import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { db, lazily, writeTransaction, type ShopDatabase } from "../client";
import type { Order, OrderItem } from "../schema";
import { orderItems, orders, payments, products } from "../tables";
import type { OrderId } from "@/lib/ids";
import { orderStateOf, type HeldAuthorization, type OrderState } from "@/lib/order-state";
import { createdBetween, olderThan, type PageCursor } from "./list-page";

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

/**
 * The order reads of every Pay (placing the order, then starting its payment), prepared once per
 * database: drizzle otherwise builds each query's SQL again on every call.
 */
function prepareOrderReads(database: ShopDatabase) {
  return lazily({
    byId: () =>
      database
        .select()
        .from(orders)
        .where(eq(orders.id, sql.placeholder("id")))
        .prepare("orders_by_id"),
    byCheckoutToken: () =>
      database
        .select()
        .from(orders)
        .where(eq(orders.checkoutToken, sql.placeholder("checkoutToken")))
        .prepare("orders_by_checkout_token"),
    items: () =>
      database
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, sql.placeholder("orderId")))
        .orderBy(asc(orderItems.id))
        .prepare("order_items_of_order"),
    captureModes: () =>
      database
        .select({ mode: products.captureMode })
        .from(orderItems)
        .innerJoin(products, eq(products.id, orderItems.productId))
        .where(eq(orderItems.orderId, sql.placeholder("orderId")))
        .prepare("order_capture_modes"),
  });
}
const preparedOrderReads = new WeakMap<object, ReturnType<typeof prepareOrderReads>>();

/** The prepared reads on `database` (the reader, or a write transaction: on PostgreSQL, one per transaction). */
function orderReads(database: ShopDatabase): ReturnType<typeof prepareOrderReads> {
  let prepared = preparedOrderReads.get(database);
  if (!prepared) preparedOrderReads.set(database, (prepared = prepareOrderReads(database)));
  return prepared;
}

/** Inserts an order with its items; a second call with the same checkout token returns the first order. */
export async function insertOrderOnce(order: NewOrder): Promise<{ order: Order; created: boolean }> {
  return writeTransaction(async (tx) => {
    const { items, ...head } = order;
    // On conflict (the same checkout token, here or in another instance at the same moment) nothing is inserted.
    const [inserted] = await tx.insert(orders).values(head).onConflictDoNothing().returning();
    if (!inserted) {
      const [existing] = await orderReads(tx).byCheckoutToken.execute({ checkoutToken: order.checkoutToken });
      if (existing) return { order: existing, created: false };
      throw new Error(`Order ${order.id} was not inserted, and no order has its checkout token`);
    }
    await tx.insert(orderItems).values(items.map((item) => ({ ...item, orderId: order.id })));
    return { order: inserted, created: true };
  });
}

export async function findOrder(id: string): Promise<Order | undefined> {
  const [order] = await orderReads(await db()).byId.execute({ id });
  return order;
}

export async function findOrderByCheckoutToken(checkoutToken: string): Promise<Order | undefined> {
  const [order] = await orderReads(await db()).byCheckoutToken.execute({ checkoutToken });
  return order;
}

export async function listOrderItems(orderId: string): Promise<OrderItem[]> {
  return orderReads(await db()).items.execute({ orderId });
}

/** Manual when any item is made to order (charged when it ships), else automatic. */
export async function orderCaptureMode(orderId: string): Promise<"automatic" | "manual"> {
  const modes = await orderReads(await db()).captureModes.execute({ orderId });
  return modes.some((row) => row.mode === "manual") ? "manual" : "automatic";
}

/**
 * How the authorization an order holds is captured ("manual" | "automatic"), when its money is
 * only authorized, not yet captured; null otherwise.
 */
// The outer order is named in full: drizzle writes a selected column of a one-table query unqualified.
const heldAuthorization = sql<HeldAuthorization>`(select held.capture_mode from ${payments} as held where held.order_id = "orders"."id" and held.status = 'authorized' limit 1)`;

export interface OrderWithState extends Order {
  state: OrderState;
}

export async function listOrdersForUser(userId: string): Promise<OrderWithState[]> {
  const rows = await (
    await db()
  )
    .select({ order: orders, held: heldAuthorization })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt));
  return rows.map(({ order, held }) => ({ ...order, state: orderStateOf(order.status, held) }));
}

export interface OrderFilters {
  state?: OrderState;
  /** Any attempt's provider. */
  provider?: string;
  currency?: string;
  from?: Date;
  to?: Date;
  /** Any reference: the order id, one of its payments' ids (ours or the provider's), or the shopper's email. */
  q?: string;
}

export interface OrderListRow extends OrderWithState {
  attempts: number;
  lastProvider: string | null;
}

/** The condition for an order state: the stored status, and for paid orders what their authorization awaits. */
function stateCondition(state: OrderState): SQL {
  switch (state) {
    case "to_capture":
      return sql`${heldAuthorization} = 'manual'`;
    case "capture_pending":
      return sql`${heldAuthorization} = 'automatic'`;
    case "paid":
      return and(eq(orders.status, "paid"), sql`${heldAuthorization} is null`)!;
    default:
      return eq(orders.status, state);
  }
}

/** An order that has a payment matching `condition`. */
const hasPayment = (condition: SQL) =>
  sql`exists (select 1 from ${payments} where ${payments.orderId} = ${orders.id} and ${condition})`;

/** One newest-first page of orders for the console; `after` is the last row of the previous page (keyset pagination). */
export async function listOrdersPage(filters: OrderFilters, after?: PageCursor, limit = 50): Promise<OrderListRow[]> {
  const conditions: SQL[] = [];
  if (filters.state) conditions.push(stateCondition(filters.state));
  if (filters.provider) conditions.push(hasPayment(eq(payments.provider, filters.provider)));
  if (filters.currency) conditions.push(eq(orders.currency, filters.currency));
  conditions.push(...createdBetween(orders.createdAt, filters.from, filters.to));
  if (filters.q) {
    const q = filters.q.trim();
    conditions.push(
      or(
        eq(orders.id, q),
        eq(orders.email, q.toLowerCase()),
        hasPayment(or(eq(payments.id, q), eq(payments.providerPaymentId, q))!),
      )!,
    );
  }
  if (after) conditions.push(olderThan(orders.createdAt, orders.id, after));
  const database = await db();
  const rows = await database
    .select({ order: orders, held: heldAuthorization })
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  const ids = rows.map((row) => row.order.id);
  const attempts = ids.length
    ? await database
        .select({ orderId: payments.orderId, provider: payments.provider })
        .from(payments)
        .where(inArray(payments.orderId, ids))
        .orderBy(asc(payments.createdAt))
    : [];
  return rows.map(({ order, held }) => {
    const mine = attempts.filter((a) => a.orderId === order.id);
    return {
      ...order,
      state: orderStateOf(order.status, held),
      attempts: mine.length,
      lastProvider: mine.at(-1)?.provider ?? null,
    };
  });
}

/** How many orders the shop has (the demo reset reports it). */
export async function countOrders(): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(orders);
  return row?.n ?? 0;
}
