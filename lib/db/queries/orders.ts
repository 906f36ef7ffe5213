import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  db,
  driverValue,
  lazily,
  toDriver,
  writeTransaction,
  type ShopDatabase,
  type ShopTransaction,
} from "../client";
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
 * The order statements of every Pay (placing the order, then starting its payment), prepared once
 * per database: drizzle otherwise builds each query's SQL again on every call.
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
    // The writes of placing an order (insertOrderOnce), on every Pay: prepared for the same reason.
    insert: () =>
      database
        .insert(orders)
        .values({
          id: driverValue("id"),
          checkoutToken: driverValue("checkoutToken"),
          userId: driverValue("userId"),
          email: driverValue("email"),
          name: driverValue("name"),
          addressLine: driverValue("addressLine"),
          city: driverValue("city"),
          postalCode: driverValue("postalCode"),
          country: driverValue("country"),
          currency: driverValue("currency"),
          totalAmount: driverValue("totalAmount"),
        })
        .onConflictDoNothing()
        .returning()
        .prepare("orders_insert"),
    /** The insert of an order's items, one per number of items (a cart has at most 50 lines). */
    insertItems: () => new Map<number, ReturnType<typeof prepareItemsInsert>>(),
  });
}

/** The columns an order is inserted with (NewOrder's but its items: the prepared insert's placeholders); the others take their defaults. */
const ORDER_FIELDS = [
  "id",
  "checkoutToken",
  "userId",
  "email",
  "name",
  "addressLine",
  "city",
  "postalCode",
  "country",
  "currency",
  "totalAmount",
] as const satisfies readonly (keyof NewOrder & keyof typeof orders._.columns)[];

/** An item's columns beside its order (the placeholders of item `i` are `productId${i}`, …). */
const ITEM_FIELDS = ["productId", "name", "unitAmount", "quantity"] as const;

function prepareItemsInsert(database: ShopDatabase, count: number) {
  return database
    .insert(orderItems)
    .values(
      Array.from({ length: count }, (_, index) => ({
        orderId: driverValue("orderId"),
        productId: driverValue(`productId${index}`),
        name: driverValue(`name${index}`),
        unitAmount: driverValue(`unitAmount${index}`),
        quantity: driverValue(`quantity${index}`),
      })),
    )
    .prepare(`order_items_insert_${count}`);
}
const preparedOrderReads = new WeakMap<object, ReturnType<typeof prepareOrderReads>>();

/** The prepared statements on `database` (the reader, or a write transaction: on PostgreSQL, one per transaction). */
function orderReads(database: ShopDatabase): ReturnType<typeof prepareOrderReads> {
  let prepared = preparedOrderReads.get(database);
  if (!prepared) preparedOrderReads.set(database, (prepared = prepareOrderReads(database)));
  return prepared;
}

/**
 * A check that runs first in the write transaction that places an order (the pay-attempt limit,
 * which counts the attempt there): an answer refuses the order, and nothing but what the check
 * wrote itself is written; undefined lets the order be placed.
 */
export type OrderAdmission<Refusal> = (tx: ShopTransaction) => Promise<Refusal | undefined>;

/**
 * Inserts an order with its items; a second call with the same checkout token returns the first
 * order. With `admit`, the check runs first in the same transaction: a refusal is answered instead.
 */
export async function insertOrderOnce(order: NewOrder): Promise<{ order: Order; created: boolean }>;
export async function insertOrderOnce<Refusal>(
  order: NewOrder,
  admit: OrderAdmission<Refusal>,
): Promise<{ order: Order; created: boolean } | { refused: Refusal }>;
export async function insertOrderOnce<Refusal>(
  order: NewOrder,
  admit?: OrderAdmission<Refusal>,
): Promise<{ order: Order; created: boolean } | { refused: Refusal }> {
  return writeTransaction(async (tx) => {
    const refused = admit && (await admit(tx));
    if (refused !== undefined) return { refused };
    const prepared = orderReads(tx);
    // On conflict (the same checkout token, here or in another instance at the same moment) nothing is inserted.
    const [inserted] = await prepared.insert.execute(
      Object.fromEntries(ORDER_FIELDS.map((field) => [field, toDriver(orders[field], order[field])])),
    );
    if (!inserted) {
      const [existing] = await prepared.byCheckoutToken.execute({ checkoutToken: order.checkoutToken });
      if (existing) return { order: existing, created: false };
      throw new Error(`Order ${order.id} was not inserted, and no order has its checkout token`);
    }
    const count = order.items.length;
    let insertItems = prepared.insertItems.get(count);
    if (!insertItems) prepared.insertItems.set(count, (insertItems = prepareItemsInsert(tx, count)));
    await insertItems.execute({
      orderId: order.id,
      ...Object.fromEntries(
        order.items.flatMap((item, index) =>
          ITEM_FIELDS.map((field) => [`${field}${index}`, toDriver(orderItems[field], item[field])]),
        ),
      ),
    });
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
