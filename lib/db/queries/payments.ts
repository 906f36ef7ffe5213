import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from "drizzle-orm";
import {
  db,
  driverValue,
  lazily,
  lockRows,
  toDriver,
  writeTransaction,
  type ShopDatabase,
  type ShopTransaction,
} from "../client";
import { createdBetween, olderThan, type PageCursor } from "./list-page";
import {
  PAYMENT_STATUSES,
  type NewPayment,
  type NewPaymentEvent,
  type Payment,
  type PaymentEvent,
  type PaymentStatus,
} from "../schema";
import { orders, paymentEvents, payments } from "../tables";
import { isLive, isPaid } from "@/lib/payments/state";
import type { AttemptNow, Decision, OrderDecision } from "@/lib/payments/decide";

/** Inserts a payment attempt; a second call with the same idempotency key returns the first. */
export async function insertPaymentOnce(values: NewPayment): Promise<{ payment: Payment; created: boolean }> {
  return writeTransaction(async (tx) => {
    const [inserted] = await tx
      .insert(payments)
      .values(values)
      .onConflictDoNothing({ target: payments.idempotencyKey })
      .returning();
    if (inserted) return { payment: inserted, created: true };
    const [existing] = await lookups(tx).byIdempotencyKey.execute({ idempotencyKey: values.idempotencyKey });
    return { payment: existing!, created: false };
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
export async function claimOrderForAttempt(values: NewPayment & { orderId: string }): Promise<AttemptClaim> {
  return writeTransaction(async (tx) => {
    const prepared = lookups(tx);
    // The order's row first, locked until the transaction ends (PostgreSQL; SQLite's transaction
    // holds the database's write lock already): claims of one order, from any instance, take turns.
    const [order] = await prepared.orderClaim.execute({ id: values.orderId });
    if (!order) return { outcome: "no_order" };
    const [existing] = await prepared.byIdempotencyKey.execute({ idempotencyKey: values.idempotencyKey });
    if (existing) return { outcome: "repeated", payment: existing };
    if (order.status === "paid" || order.status === "refunded") return { outcome: "order_paid" };
    // An attempt still live, or one holding the order's money (its status may lag the order's).
    const [blocking] = await prepared.blockingAttempt.execute({ orderId: values.orderId });
    if (blocking)
      return isLive(blocking.status) ? { outcome: "live_attempt", live: blocking } : { outcome: "order_paid" };
    const [payment] = await insertPayment(tx, values);
    const claim = { id: values.orderId, to: payment!.id, updatedAt: toDriver(orders.updatedAt, new Date()) };
    const [claimed] =
      order.currentPaymentId === null
        ? await prepared.claimFirst.execute(claim)
        : await prepared.claimNext.execute({ ...claim, from: order.currentPaymentId });
    // Another writer moved the current attempt between the read and here: it won, this one never existed.
    if (!claimed) throw new AttemptClaimLost(values.orderId);
    return { outcome: "created", payment: payment! };
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
 * call (a tenth of the server's CPU per notification in `npm run bench`). On PostgreSQL a
 * transaction prepares its own (its statements must run on its connection); each has a name,
 * which PostgreSQL keeps per connection.
 */
function prepareLookups(database: ShopDatabase) {
  return lazily({
    byId: () =>
      database
        .select()
        .from(payments)
        .where(eq(payments.id, sql.placeholder("id")))
        .prepare("payments_by_id"),
    /** The payment a write transaction decides on, locked until it ends (PostgreSQL). */
    lockedById: () =>
      lockRows(
        database
          .select()
          .from(payments)
          .where(eq(payments.id, sql.placeholder("id"))),
      ).prepare("payments_by_id_locked"),
    /** Its order (locked first: every write that moves an attempt of one order takes turns on it). */
    lockedOrderOf: () =>
      lockRows(
        database
          .select({ id: orders.id })
          .from(orders)
          .where(eq(orders.id, sql.placeholder("orderId"))),
      ).prepare("orders_lock"),
    byProviderRef: () =>
      database
        .select()
        .from(payments)
        .where(
          and(
            eq(payments.provider, sql.placeholder("provider")),
            eq(payments.providerPaymentId, sql.placeholder("providerPaymentId")),
          ),
        )
        .prepare("payments_by_provider_ref"),
    // The writes of a notification's transaction (applyPaymentDecision, moveInTransaction):
    // prepared for the same reason, they were the next biggest share of its CPU.
    eventByDedupeKey: () =>
      database
        .select({ id: paymentEvents.id })
        .from(paymentEvents)
        .where(eq(paymentEvents.dedupeKey, sql.placeholder("dedupeKey")))
        .prepare("payment_events_by_dedupe_key"),
    insertEvent: () =>
      database
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
        .prepare("payment_events_insert"),
    orderAttempts: () =>
      database
        .select({ id: payments.id, status: payments.status })
        .from(payments)
        .where(eq(payments.orderId, sql.placeholder("orderId")))
        .orderBy(asc(payments.createdAt), asc(payments.id))
        .prepare("payments_of_order"),
    setOrderStatus: () =>
      database
        .update(orders)
        .set({ status: driverValue("status"), updatedAt: driverValue("updatedAt") })
        .where(eq(orders.id, sql.placeholder("id")))
        .prepare("orders_set_status"),
    // The reads of a new attempt's claim (claimOrderForAttempt), on every Pay: prepared for the same reason.
    byIdempotencyKey: () =>
      database
        .select()
        .from(payments)
        .where(eq(payments.idempotencyKey, sql.placeholder("idempotencyKey")))
        .prepare("payments_by_idempotency_key"),
    orderClaim: () =>
      lockRows(
        database
          .select({ status: orders.status, currentPaymentId: orders.currentPaymentId })
          .from(orders)
          .where(eq(orders.id, sql.placeholder("id"))),
      ).prepare("orders_claim"),
    blockingAttempt: () =>
      database
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, sql.placeholder("orderId")), inArray(payments.status, BLOCKING_A_NEW_ATTEMPT)))
        .orderBy(desc(payments.createdAt), desc(payments.id))
        .limit(1)
        .prepare("payments_blocking_attempt"),
    /** The compare-and-set of a claim on the order's current attempt: from none, or from the one it saw. */
    claimFirst: () =>
      database
        .update(orders)
        .set({ currentPaymentId: driverValue("to"), updatedAt: driverValue("updatedAt") })
        .where(and(eq(orders.id, sql.placeholder("id")), isNull(orders.currentPaymentId)))
        .returning({ id: orders.id })
        .prepare("orders_claim_first"),
    claimNext: () =>
      database
        .update(orders)
        .set({ currentPaymentId: driverValue("to"), updatedAt: driverValue("updatedAt") })
        .where(and(eq(orders.id, sql.placeholder("id")), eq(orders.currentPaymentId, sql.placeholder("from"))))
        .returning({ id: orders.id })
        .prepare("orders_claim_next"),
    /** The insert of a new attempt, one per set of given fields (a handful in all). */
    inserts: () => new Map<string, ReturnType<typeof prepareInsert>>(),
    /** The compare-and-set of a transition, one per set of patched fields (a handful in all). */
    moves: () => new Map<string, ReturnType<typeof prepareMove>>(),
  });
}

const paymentColumns = getTableColumns(payments);

/** The compare-and-set of a move: from the status its decision was taken on, to the one it decided. */
function prepareMove(database: ShopDatabase, fields: string[]) {
  return (
    database
      .update(payments)
      .set({
        ...Object.fromEntries(fields.map((field) => [field, driverValue(field)])),
        status: driverValue("to"),
        updatedAt: driverValue("updatedAt"),
      })
      .where(and(eq(payments.id, sql.placeholder("id")), eq(payments.status, sql.placeholder("from"))))
      .returning()
      // PostgreSQL keeps 63 characters of a statement's name: the fields go in as a short digest.
      .prepare(`payments_move_${createHash("sha256").update(fields.join(",")).digest("hex").slice(0, 16)}`)
  );
}
/** The insert of a new attempt with `fields` given (the others take their defaults), answering its row. */
function prepareInsert(database: ShopDatabase, fields: string[]) {
  return database
    .insert(payments)
    .values(Object.fromEntries(fields.map((field) => [field, driverValue(field)])) as unknown as NewPayment)
    .returning()
    .prepare(`payments_insert_${createHash("sha256").update(fields.join(",")).digest("hex").slice(0, 16)}`);
}

/** Inserts `values` with the prepared insert of their shape, answering the row. */
function insertPayment(tx: ShopTransaction, values: NewPayment): Promise<Payment[]> {
  const fields = Object.keys(values)
    .filter((field) => values[field as keyof NewPayment] !== undefined)
    .sort();
  const inserts = lookups(tx).inserts;
  const shape = fields.join(",");
  let statement = inserts.get(shape);
  if (!statement) inserts.set(shape, (statement = prepareInsert(tx, fields)));
  return statement.execute(
    Object.fromEntries(
      fields.map((field) => [
        field,
        toDriver(paymentColumns[field as keyof typeof paymentColumns], values[field as keyof NewPayment]),
      ]),
    ),
  );
}
const preparedLookups = new WeakMap<ShopDatabase, ReturnType<typeof prepareLookups>>();

/** The prepared statements on `database` (the reader, or a write transaction). */
function lookups(database: ShopDatabase): ReturnType<typeof prepareLookups> {
  let prepared = preparedLookups.get(database);
  if (!prepared) preparedLookups.set(database, (prepared = prepareLookups(database)));
  return prepared;
}

export async function findPayment(id: string): Promise<Payment | undefined> {
  const [payment] = await lookups(await db()).byId.execute({ id });
  return payment;
}

export async function findPaymentByProviderRef(
  provider: string,
  providerPaymentId: string,
): Promise<Payment | undefined> {
  const [payment] = await lookups(await db()).byProviderRef.execute({ provider, providerPaymentId });
  return payment;
}

export async function listPaymentsForOrder(orderId: string): Promise<Payment[]> {
  return (await db())
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/**
 * Payments still waiting (on the shopper or the provider) with no news since `before`, including
 * `created` ones: their start never finished (the process died waiting for the provider's answer).
 */
export async function listStalePendingPayments(before: Date, limit = 50): Promise<Payment[]> {
  return (await db())
    .select()
    .from(payments)
    .where(and(inArray(payments.status, ["created", "requires_action", "processing"]), lt(payments.updatedAt, before)))
    .orderBy(asc(payments.updatedAt))
    .limit(limit);
}

export async function listPaymentEvents(paymentId: string): Promise<PaymentEvent[]> {
  return (await db())
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.paymentId, paymentId))
    .orderBy(asc(paymentEvents.id));
}

/**
 * Appends an event (in `tx`, or in a write transaction of its own). With a dedupe key already
 * taken it inserts nothing and returns false.
 */
export async function recordPaymentEvent(event: NewPaymentEvent, tx?: ShopTransaction): Promise<boolean> {
  if (!tx) return writeTransaction((own) => recordPaymentEvent(event, own));
  if (event.id !== undefined || event.createdAt !== undefined) {
    const inserted = await tx
      .insert(paymentEvents)
      .values(event)
      .onConflictDoNothing({ target: paymentEvents.dedupeKey })
      .returning({ id: paymentEvents.id });
    return inserted.length === 1;
  }
  const inserted = await lookups(tx).insertEvent.execute({
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
export async function recordIntegrityFailure(event: {
  paymentId: string;
  provider: string;
  summary: string;
  detail?: unknown;
  dedupeKey?: string;
}): Promise<boolean> {
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
async function moveInTransaction(
  tx: ShopTransaction,
  before: Payment,
  move: Move,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
  decideOrder: PaymentDecisions["order"],
): Promise<TransitionResult> {
  const prepared = lookups(tx);
  const values: Record<string, unknown> = { ...patch, ...move.set };
  const fields = Object.keys(values)
    .filter((field) => values[field] !== undefined)
    .sort();
  const shape = fields.join(",");
  let statement = prepared.moves.get(shape);
  if (!statement) prepared.moves.set(shape, (statement = prepareMove(tx, fields)));
  // Compare-and-set: the row moves only from the status the decision was taken on.
  const [updated] = await statement.execute({
    ...Object.fromEntries(
      fields.map((field) => [field, toDriver(paymentColumns[field as keyof typeof paymentColumns], values[field])]),
    ),
    to: move.to,
    from: move.from,
    updatedAt: toDriver(payments.updatedAt, new Date()),
    id: before.id,
  });
  if (!updated) return { changed: false, from: before.status, payment: before };
  await recordPaymentEvent(
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
  const attempts = await prepared.orderAttempts.execute({ orderId: updated.orderId });
  const order = decideOrder(attempts, { id: before.id, from: move.from, to: move.to });
  await prepared.setOrderStatus.execute({
    status: order.status,
    updatedAt: toDriver(orders.updatedAt, new Date()),
    id: updated.orderId,
  });
  if (order.secondChargeOf) await recordExtraCharge(tx, updated, order.secondChargeOf, cause.provider);
  return { changed: true, from: before.status, payment: updated, extraCharge: Boolean(order.secondChargeOf) };
}

/**
 * The payment as the write transaction reads it, after its order's row and its own are locked
 * (PostgreSQL: every write that moves an attempt locks the order first, then the attempt, so two
 * instances deciding on one order take turns and never deadlock; SQLite's write transaction holds
 * the database's write lock already).
 */
async function paymentInTransaction(tx: ShopTransaction, paymentId: string): Promise<Payment> {
  const prepared = lookups(tx);
  const [unlocked] = await prepared.byId.execute({ id: paymentId });
  if (!unlocked) throw new Error(`Unknown payment ${paymentId}`);
  await prepared.lockedOrderOf.execute({ orderId: unlocked.orderId });
  const [payment] = await prepared.lockedById.execute({ id: paymentId });
  return payment!;
}

/**
 * The second charge of an order goes on both timelines: the extra payment's (once, by its dedupe
 * key) and the kept one's, so an operator looking at either sees the other.
 */
async function recordExtraCharge(
  tx: ShopTransaction,
  extra: Payment,
  keptPaymentId: string,
  provider: string,
): Promise<void> {
  const summary = `Second charge for order ${extra.orderId}: ${extra.id} took ${extra.amount} ${extra.currency} (minor units) while ${keptPaymentId} had already paid it; it is returned through the provider`;
  const fresh = await recordPaymentEvent(
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
    await recordPaymentEvent(
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
export async function movePayment(
  paymentId: string,
  decisions: PaymentDecisions,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): Promise<TransitionResult> {
  return writeTransaction(async (tx) => {
    const before = await paymentInTransaction(tx, paymentId);
    const decision = decisions.payment(before);
    if (decision.outcome !== "move") return { changed: false, from: before.status, payment: before };
    return moveInTransaction(tx, before, decision, patch, cause, decisions.order);
  });
}

/** Updates fields that are not the status (provider references, next action) without moving it. */
export async function patchPayment(paymentId: string, patch: PaymentPatch): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx
      .update(payments)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(payments.id, paymentId));
  });
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
export async function applyPaymentDecision(
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
): Promise<EventApplication> {
  return writeTransaction(async (tx) => {
    const type = event.type ?? "notification";
    // The payment (and its order) locked first: a redelivery racing this one, in any instance,
    // waits here and then finds the dedupe key taken.
    const before = await paymentInTransaction(tx, paymentId);
    const [taken] = await lookups(tx).eventByDedupeKey.execute({ dedupeKey: event.dedupeKey });
    if (taken) return { outcome: "duplicate" };
    const decision = decisions.payment(before);
    if (decision.outcome !== "move" && decision.outcome !== "record") return { outcome: "decided", decision };
    const fresh = await recordPaymentEvent(
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
      await tx.update(payments).set(event.facts).where(eq(payments.id, paymentId));
    }
    if (decision.outcome === "record") return { outcome: "decided", decision };
    const transition = await moveInTransaction(
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
    // Inside one write transaction, with the row locked, it cannot have moved since it was read: a failed
    // compare-and-set is a bug, and throwing undoes the event and the facts written above.
    if (!transition.changed) throw new Error(`Payment ${paymentId} moved inside its own write transaction`);
    return { outcome: "moved", decision, transition };
  });
}

// A second charge (recordExtraCharge) whose money the payment still holds: the operator must see it until it is back.
const extraChargeHeld = sql<number>`(${inArray(payments.status, HOLDING_MONEY)} and exists (select 1 from ${paymentEvents} where ${paymentEvents.dedupeKey} = 'extra-charge:' || ${payments.id}))`;

/** Whether the payment was recorded as an order's second charge. */
export async function hasExtraCharge(paymentId: string): Promise<boolean> {
  const events = await lookups(await db()).eventByDedupeKey.execute({ dedupeKey: `extra-charge:${paymentId}` });
  return events.length > 0;
}

/**
 * Second charges whose money is still held (not yet voided or refunded in full) and that the
 * shop can still return itself (none left to the operator by hand), oldest first.
 */
export async function listUnreturnedExtraCharges(limit = 20): Promise<Payment[]> {
  const rows = await (
    await db()
  )
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
    .limit(limit);
  return rows.map((row) => row.payment);
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
export async function listPaymentsPage(
  filters: PaymentFilters,
  after?: PageCursor,
  limit = 50,
): Promise<PaymentListRow[]> {
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
  const rows = await (
    await db()
  )
    .select({ payment: payments, email: orders.email, integrityFailure: hasIntegrityFailure, extraChargeHeld })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
  return rows.map((row) => ({
    ...row.payment,
    email: row.email,
    integrityFailure: Boolean(row.integrityFailure),
    extraChargeHeld: Boolean(row.extraChargeHeld),
  }));
}
