import "server-only";
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { db, writeTransaction } from "../client";
import { createdBetween, olderThan, type PageCursor } from "./list-page";
import {
  orders,
  PAYMENT_STATUSES,
  paymentEvents,
  payments,
  type NewPayment,
  type NewPaymentEvent,
  type Payment,
  type PaymentEvent,
  type PaymentStatus,
} from "../schema";
import { isLive, isPaid } from "@/lib/payments/state";
import type { AttemptNow, Decision, OrderDecision } from "@/lib/payments/decide";

type Tx = Parameters<Parameters<typeof writeTransaction>[0]>[0];

/** Inserts a payment attempt; a second call with the same idempotency key returns the first. */
export function insertPaymentOnce(values: NewPayment): { payment: Payment; created: boolean } {
  return writeTransaction((tx) => {
    const existing = tx.select().from(payments).where(eq(payments.idempotencyKey, values.idempotencyKey)).get();
    if (existing) return { payment: existing, created: false };
    return { payment: tx.insert(payments).values(values).returning().get(), created: true };
  });
}

export type AttemptClaim =
  | { outcome: "created"; payment: Payment }
  /** The same pay form again (its idempotency key): the attempt it started. */
  | { outcome: "repeated"; payment: Payment }
  /** Another attempt of the order is still live: nothing was written. */
  | { outcome: "live_attempt"; live: Payment }
  /** The order is paid (or was, and was refunded): nothing was written. */
  | { outcome: "order_paid" }
  | { outcome: "no_order" };

/** An attempt in one of these keeps a new one from starting: it is live, or holds the order's money. */
const BLOCKING_A_NEW_ATTEMPT = PAYMENT_STATUSES.filter((status) => isLive(status) || isPaid(status));
const HOLDING_MONEY = PAYMENT_STATUSES.filter(isPaid);

/**
 * Starts a payment attempt for an order: one live attempt per order. In one write transaction it
 * finds the same pay form's attempt (idempotency key), refuses while the order is paid or one of
 * its attempts is live, and otherwise inserts the attempt and moves the order's current attempt
 * to it by compare-and-set on the one it saw. Whatever races (tabs, double clicks, several
 * instances), one attempt wins and the others are told which one is live.
 */
export function claimOrderForAttempt(values: NewPayment & { orderId: string }): AttemptClaim {
  const prepared = lookups();
  return writeTransaction((tx) => {
    // The prepared reads run on the same connection, inside this transaction.
    const existing = prepared.byIdempotencyKey.get({ idempotencyKey: values.idempotencyKey });
    if (existing) return { outcome: "repeated", payment: existing };
    const order = prepared.orderClaim.get({ id: values.orderId });
    if (!order) return { outcome: "no_order" };
    if (order.status === "paid" || order.status === "refunded") return { outcome: "order_paid" };
    // An attempt still live, or one holding the order's money (its status may lag the order's).
    const blocking = prepared.blockingAttempt.get({ orderId: values.orderId });
    if (blocking)
      return isLive(blocking.status) ? { outcome: "live_attempt", live: blocking } : { outcome: "order_paid" };
    const payment = tx.insert(payments).values(values).returning().get();
    const claimed = tx
      .update(orders)
      .set({ currentPaymentId: payment.id, updatedAt: new Date() })
      .where(
        and(
          eq(orders.id, values.orderId),
          order.currentPaymentId === null
            ? isNull(orders.currentPaymentId)
            : eq(orders.currentPaymentId, order.currentPaymentId),
        ),
      )
      .returning({ id: orders.id })
      .get();
    // Another writer moved the current attempt between the read and here: it won, this one never existed.
    if (!claimed) throw new AttemptClaimLost(values.orderId);
    return { outcome: "created", payment };
  });
}

/** The compare-and-set on the order's current attempt found another one (the transaction rolls back). */
export class AttemptClaimLost extends Error {
  constructor(orderId: string) {
    super(`Another payment attempt of order ${orderId} started at the same moment`);
    this.name = "AttemptClaimLost";
  }
}

/**
 * Every notification looks its payment up (by the provider's reference, then by id): these two
 * are prepared once per database, because drizzle otherwise builds the query's SQL again on each
 * call (a tenth of the server's CPU per notification in `npm run bench`).
 */
function prepareLookups(database: ReturnType<typeof db>) {
  return {
    byId: database
      .select()
      .from(payments)
      .where(eq(payments.id, sql.placeholder("id")))
      .prepare(),
    byProviderRef: database
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.provider, sql.placeholder("provider")),
          eq(payments.providerPaymentId, sql.placeholder("providerPaymentId")),
        ),
      )
      .prepare(),
    // The writes of a notification's transaction (applyPaymentDecision, moveInTransaction):
    // prepared for the same reason, they were the next biggest share of its CPU.
    eventByDedupeKey: database
      .select({ id: paymentEvents.id })
      .from(paymentEvents)
      .where(eq(paymentEvents.dedupeKey, sql.placeholder("dedupeKey")))
      .prepare(),
    insertEvent: database
      .insert(paymentEvents)
      .values({
        paymentId: driverValue("paymentId"),
        provider: driverValue("provider"),
        type: driverValue("type"),
        dedupeKey: driverValue("dedupeKey"),
        fromStatus: driverValue("fromStatus"),
        toStatus: driverValue("toStatus"),
        summary: driverValue("summary"),
        detail: driverValue("detail"),
      })
      .onConflictDoNothing({ target: paymentEvents.dedupeKey })
      .returning({ id: paymentEvents.id })
      .prepare(),
    orderAttempts: database
      .select({ id: payments.id, status: payments.status })
      .from(payments)
      .where(eq(payments.orderId, sql.placeholder("orderId")))
      .orderBy(asc(payments.createdAt), asc(payments.id))
      .prepare(),
    setOrderStatus: database
      .update(orders)
      .set({ status: driverValue("status"), updatedAt: driverValue("updatedAt") })
      .where(eq(orders.id, sql.placeholder("id")))
      .prepare(),
    // The reads of a new attempt's claim (claimOrderForAttempt), on every Pay: prepared for the same reason.
    byIdempotencyKey: database
      .select()
      .from(payments)
      .where(eq(payments.idempotencyKey, sql.placeholder("idempotencyKey")))
      .prepare(),
    orderClaim: database
      .select({ status: orders.status, currentPaymentId: orders.currentPaymentId })
      .from(orders)
      .where(eq(orders.id, sql.placeholder("id")))
      .prepare(),
    blockingAttempt: database
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, sql.placeholder("orderId")), inArray(payments.status, BLOCKING_A_NEW_ATTEMPT)))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(1)
      .prepare(),
    /** The compare-and-set of a transition, one per set of patched fields (a handful in all). */
    moves: new Map<string, ReturnType<typeof prepareMove>>(),
  };
}

/**
 * A placeholder whose value goes to SQLite as given. A placeholder in a column's place would go
 * through the column's encoder even when null, and a JSON column encodes null as the text "null":
 * the callers encode with toDriver instead, as drizzle does for a query it builds each time.
 */
function driverValue(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

const paymentColumns = getTableColumns(payments);

function toDriver(column: { mapToDriverValue(value: unknown): unknown }, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/** The compare-and-set of a move: from the status its decision was taken on, to the one it decided. */
function prepareMove(database: ReturnType<typeof db>, fields: string[]) {
  return database
    .update(payments)
    .set({
      ...Object.fromEntries(fields.map((field) => [field, driverValue(field)])),
      status: driverValue("to"),
      updatedAt: driverValue("updatedAt"),
    })
    .where(and(eq(payments.id, sql.placeholder("id")), eq(payments.status, sql.placeholder("from"))))
    .returning()
    .prepare();
}
const preparedLookups = new WeakMap<ReturnType<typeof db>, ReturnType<typeof prepareLookups>>();

function lookups(): ReturnType<typeof prepareLookups> {
  const database = db();
  let prepared = preparedLookups.get(database);
  if (!prepared) preparedLookups.set(database, (prepared = prepareLookups(database)));
  return prepared;
}

export function findPayment(id: string): Payment | undefined {
  return lookups().byId.get({ id });
}

export function findPaymentByProviderRef(provider: string, providerPaymentId: string): Payment | undefined {
  return lookups().byProviderRef.get({ provider, providerPaymentId });
}

export function listPaymentsForOrder(orderId: string): Payment[] {
  return db()
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .all();
}

/**
 * Payments still waiting (on the shopper or the provider) with no news since `before`, including
 * `created` ones: their start never finished (the process died waiting for the provider's answer).
 */
export function listStalePendingPayments(before: Date, limit = 50): Payment[] {
  return db()
    .select()
    .from(payments)
    .where(and(inArray(payments.status, ["created", "requires_action", "processing"]), lt(payments.updatedAt, before)))
    .orderBy(asc(payments.updatedAt))
    .limit(limit)
    .all();
}

export function listPaymentEvents(paymentId: string): PaymentEvent[] {
  return db()
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.paymentId, paymentId))
    .orderBy(asc(paymentEvents.id))
    .all();
}

/** Appends an event. With a dedupe key already taken it inserts nothing and returns false. */
export function recordPaymentEvent(event: NewPaymentEvent, tx: Tx | ReturnType<typeof db> = db()): boolean {
  if (event.id !== undefined || event.createdAt !== undefined) {
    const inserted = tx
      .insert(paymentEvents)
      .values(event)
      .onConflictDoNothing({ target: paymentEvents.dedupeKey })
      .returning({ id: paymentEvents.id })
      .all();
    return inserted.length === 1;
  }
  // The prepared insert runs on the same connection as `tx`, so inside its transaction.
  const inserted = lookups().insertEvent.all({
    paymentId: event.paymentId ?? null,
    provider: event.provider,
    type: event.type,
    dedupeKey: event.dedupeKey ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    summary: event.summary,
    detail: toDriver(paymentEvents.detail, event.detail),
  });
  return inserted.length === 1;
}

/**
 * A provider told of another amount or currency than the payment's (in a notification or an
 * inquiry's answer). Nothing about the payment changes; the operator sees it on the timeline
 * and in the console's list. With a dedupe key, a redelivery of the same report is recorded once.
 */
export function recordIntegrityFailure(event: {
  paymentId: string;
  provider: string;
  summary: string;
  detail?: unknown;
  dedupeKey?: string;
}): boolean {
  return recordPaymentEvent({
    paymentId: event.paymentId,
    provider: event.provider,
    type: "integrity_failure",
    summary: event.summary,
    detail: event.detail ?? null,
    dedupeKey: event.dedupeKey ?? null,
  });
}

/** Fields a transition may set beside the status. */
export type PaymentPatch = Partial<
  Pick<
    Payment,
    | "providerPaymentId"
    | "providerData"
    | "nextActionType"
    | "nextActionUrl"
    | "nextActionQr"
    | "nextActionExpiresAt"
    | "nextActionSdkTrigger"
    | "cardBrand"
    | "cardFirst6"
    | "cardLast4"
    | "cardExpiry"
    | "startAnswerUnknown"
    | "avsResult"
    | "cvvResult"
    | "threeDsResult"
    | "failureCode"
    | "failureMessage"
    | "capturedAmount"
    | "refundedAmount"
  >
>;

export interface TransitionResult {
  changed: boolean;
  from: PaymentStatus;
  payment: Payment;
  /**
   * This move took money for an order another attempt had already paid: the second charge, to
   * be returned (`returnExtraCharge` in lib/payments). Recorded as an extra_charge event on both.
   */
  extraCharge?: boolean;
}

/**
 * The decisions a write takes on the rows it reads inside its own transaction (lib/payments/decide.ts
 * gives them): lib/db writes what they say and decides nothing itself.
 */
export interface PaymentDecisions {
  /** What the event does to the payment, on its row as the transaction reads it. */
  payment(now: Payment): Decision;
  /** What the payment's move does to its order, on the order's attempts as they are after it (oldest first). */
  order(attempts: readonly AttemptNow[], moved: { id: string; from: PaymentStatus; to: PaymentStatus }): OrderDecision;
}

type Move = Extract<Decision, { outcome: "move" }>;

/** Writes a decided move: the compare-and-set, its status_change event, the order's status and a second charge. */
function moveInTransaction(
  tx: Tx,
  before: Payment,
  move: Move,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
  decideOrder: PaymentDecisions["order"],
): TransitionResult {
  // The prepared statements run on the same connection, so inside this transaction.
  const prepared = lookups();
  const values: Record<string, unknown> = { ...patch, ...move.set };
  const fields = Object.keys(values)
    .filter((field) => values[field] !== undefined)
    .sort();
  const shape = fields.join(",");
  let statement = prepared.moves.get(shape);
  if (!statement) prepared.moves.set(shape, (statement = prepareMove(db(), fields)));
  // Compare-and-set: the row moves only from the status the decision was taken on.
  const updated = statement.get({
    ...Object.fromEntries(
      fields.map((field) => [field, toDriver(paymentColumns[field as keyof typeof paymentColumns], values[field])]),
    ),
    to: move.to,
    from: move.from,
    updatedAt: Date.now(),
    id: before.id,
  });
  if (!updated) return { changed: false, from: before.status, payment: before };
  recordPaymentEvent(
    {
      paymentId: before.id,
      provider: cause.provider,
      type: "status_change",
      fromStatus: before.status,
      toStatus: move.to,
      summary: cause.summary,
      detail: cause.detail ?? null,
    },
    tx,
  );
  const attempts = prepared.orderAttempts.all({ orderId: updated.orderId });
  const order = decideOrder(attempts, { id: before.id, from: move.from, to: move.to });
  prepared.setOrderStatus.run({ status: order.status, updatedAt: Date.now(), id: updated.orderId });
  if (order.secondChargeOf) recordExtraCharge(tx, updated, order.secondChargeOf, cause.provider);
  return { changed: true, from: before.status, payment: updated, extraCharge: Boolean(order.secondChargeOf) };
}

/** The payment as the write transaction reads it (prepared: on the same connection, so inside it). */
function paymentInTransaction(paymentId: string): Payment {
  const payment = lookups().byId.get({ id: paymentId });
  if (!payment) throw new Error(`Unknown payment ${paymentId}`);
  return payment;
}

/**
 * The second charge of an order goes on both timelines: the extra payment's (once, by its dedupe
 * key) and the kept one's, so an operator looking at either sees the other.
 */
function recordExtraCharge(tx: Tx, extra: Payment, keptPaymentId: string, provider: string): void {
  const summary = `Second charge for order ${extra.orderId}: ${extra.id} took ${extra.amount} ${extra.currency} (minor units) while ${keptPaymentId} had already paid it; it is returned through the provider`;
  const fresh = recordPaymentEvent(
    {
      paymentId: extra.id,
      provider,
      type: "extra_charge",
      dedupeKey: `extra-charge:${extra.id}`,
      summary,
      detail: { extraPaymentId: extra.id, keptPaymentId },
    },
    tx,
  );
  if (fresh)
    recordPaymentEvent(
      {
        paymentId: keptPaymentId,
        provider,
        type: "extra_charge",
        summary,
        detail: { extraPaymentId: extra.id, keptPaymentId },
      },
      tx,
    );
}

/**
 * Moves a payment as `decisions` decide on its row read inside the transaction: one
 * compare-and-set, with its event row and the order's status, in one transaction. Anything but a
 * move writes nothing.
 */
export function movePayment(
  paymentId: string,
  decisions: PaymentDecisions,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): TransitionResult {
  return writeTransaction((tx) => {
    const before = paymentInTransaction(paymentId);
    const decision = decisions.payment(before);
    if (decision.outcome !== "move") return { changed: false, from: before.status, payment: before };
    return moveInTransaction(tx, before, decision, patch, cause, decisions.order);
  });
}

/** Updates fields that are not the status (provider references, next action) without moving it. */
export function patchPayment(paymentId: string, patch: PaymentPatch): void {
  db()
    .update(payments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(payments.id, paymentId))
    .run();
}

export type EventApplication =
  /** Its dedupe key is taken: a redelivery (a storage fact, found before any decision). Nothing is written. */
  | { outcome: "duplicate" }
  /** Decided not to move: "record" wrote the event once with its facts; early, stale and contradiction wrote nothing. */
  | { outcome: "decided"; decision: Exclude<Decision, Move> }
  | { outcome: "moved"; decision: Move; transition: TransitionResult };

/**
 * Records a provider's event (a verified notification, or its answer to an operator's action)
 * under its dedupe key and writes what `decisions` decide on the payment's row read inside the
 * same transaction. Only an event that moves the payment, or reports the state it is already in
 * (with facts such as the provider's id), is written. A redelivery (its key taken) and whatever
 * is decided early, stale or a contradiction write nothing at all: no event, no fact, no status.
 */
export function applyPaymentDecision(
  paymentId: string,
  decisions: PaymentDecisions,
  event: {
    provider: string;
    dedupeKey: string;
    summary: string;
    detail: unknown;
    /** Written with a move (next action, failure). */
    patch: PaymentPatch;
    /** Written with an event that is written (e.g. the provider's id). */
    facts?: PaymentPatch;
    /** Who reported it: the provider's notification, or its answer to an operator's action. */
    type?: "notification" | "operator_action";
  },
): EventApplication {
  return writeTransaction((tx) => {
    const type = event.type ?? "notification";
    // Prepared statements, on the same connection: inside this transaction.
    if (lookups().eventByDedupeKey.get({ dedupeKey: event.dedupeKey })) return { outcome: "duplicate" };
    const before = paymentInTransaction(paymentId);
    const decision = decisions.payment(before);
    if (decision.outcome !== "move" && decision.outcome !== "record") return { outcome: "decided", decision };
    const fresh = recordPaymentEvent(
      {
        paymentId,
        provider: event.provider,
        type,
        dedupeKey: event.dedupeKey,
        toStatus: decision.to,
        summary: event.summary,
        detail: event.detail,
      },
      tx,
    );
    if (!fresh) return { outcome: "duplicate" };
    if (event.facts && Object.keys(event.facts).length > 0) {
      tx.update(payments).set(event.facts).where(eq(payments.id, paymentId)).run();
    }
    if (decision.outcome === "record") return { outcome: "decided", decision };
    const transition = moveInTransaction(
      tx,
      before,
      decision,
      event.patch,
      {
        provider: event.provider,
        summary: `${type === "notification" ? "Notification" : "Operator"}: ${event.summary}`,
      },
      decisions.order,
    );
    // Inside one IMMEDIATE transaction the row cannot have moved since it was read: a failed
    // compare-and-set is a bug, and throwing undoes the event and the facts written above.
    if (!transition.changed) throw new Error(`Payment ${paymentId} moved inside its own write transaction`);
    return { outcome: "moved", decision, transition };
  });
}

// A second charge (recordExtraCharge) whose money the payment still holds: the operator must see it until it is back.
const extraChargeHeld = sql<number>`(${inArray(payments.status, HOLDING_MONEY)} and exists (select 1 from ${paymentEvents} where ${paymentEvents.dedupeKey} = 'extra-charge:' || ${payments.id}))`;

/** Whether the payment was recorded as an order's second charge. */
export function hasExtraCharge(paymentId: string): boolean {
  return Boolean(lookups().eventByDedupeKey.get({ dedupeKey: `extra-charge:${paymentId}` }));
}

/**
 * Second charges whose money is still held (not yet voided or refunded in full) and that the
 * shop can still return itself (none left to the operator by hand), oldest first.
 */
export function listUnreturnedExtraCharges(limit = 20): Payment[] {
  return db()
    .select({ payment: payments })
    .from(paymentEvents)
    .innerJoin(payments, eq(payments.id, paymentEvents.paymentId))
    .where(
      and(
        eq(paymentEvents.type, "extra_charge"),
        sql`${paymentEvents.dedupeKey} = 'extra-charge:' || ${payments.id}`,
        inArray(payments.status, HOLDING_MONEY),
        sql`not exists (select 1 from ${paymentEvents} as by_hand where by_hand.dedupe_key = 'extra-charge-by-hand:' || ${payments.id})`,
      ),
    )
    .orderBy(asc(paymentEvents.id))
    .limit(limit)
    .all()
    .map((row) => row.payment);
}

export interface PaymentFilters {
  provider?: string;
  method?: string;
  status?: PaymentStatus;
  currency?: string;
  from?: Date;
  to?: Date;
  /** Any reference: ours (payment or order id), the provider's, or the shopper's email. */
  q?: string;
}

export interface PaymentListRow extends Payment {
  email: string;
  /** A provider reported other money than the payment's (recordIntegrityFailure): the operator must look. */
  integrityFailure: boolean;
  /** A second charge of its order whose money is not back yet. */
  extraChargeHeld: boolean;
}

// Per listed row, one lookup through payment_events_payment_idx: the page stays as fast as its 50 rows.
const hasIntegrityFailure = sql<number>`exists (select 1 from ${paymentEvents} where ${paymentEvents.paymentId} = ${payments.id} and ${paymentEvents.type} = 'integrity_failure')`;

/** One newest-first page of payments; `after` is the last row of the previous page (keyset pagination). */
export function listPaymentsPage(filters: PaymentFilters, after?: PageCursor, limit = 50): PaymentListRow[] {
  const conditions = [];
  if (filters.provider) conditions.push(eq(payments.provider, filters.provider));
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  if (filters.currency) conditions.push(eq(payments.currency, filters.currency));
  conditions.push(...createdBetween(payments.createdAt, filters.from, filters.to));
  if (filters.q) {
    const q = filters.q.trim();
    conditions.push(
      or(
        eq(payments.id, q),
        eq(payments.providerPaymentId, q),
        eq(payments.orderId, q),
        eq(orders.email, q.toLowerCase()),
      )!,
    );
  }
  if (after) conditions.push(olderThan(payments.createdAt, payments.id, after));
  return db()
    .select({ payment: payments, email: orders.email, integrityFailure: hasIntegrityFailure, extraChargeHeld })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row.payment,
      email: row.email,
      integrityFailure: Boolean(row.integrityFailure),
      extraChargeHeld: Boolean(row.extraChargeHeld),
    }));
}
