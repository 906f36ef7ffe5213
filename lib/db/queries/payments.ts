import "server-only";
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { db, writeTransaction } from "../client";
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
import {
  canTransition,
  isAhead,
  isBehind,
  isLive,
  isPaid,
  orderStatusFromPayments,
  sourcesOf,
} from "@/lib/payments/state";

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
  return writeTransaction((tx) => {
    const existing = tx.select().from(payments).where(eq(payments.idempotencyKey, values.idempotencyKey)).get();
    if (existing) return { outcome: "repeated", payment: existing };
    const order = tx
      .select({ status: orders.status, currentPaymentId: orders.currentPaymentId })
      .from(orders)
      .where(eq(orders.id, values.orderId))
      .get();
    if (!order) return { outcome: "no_order" };
    if (order.status === "paid" || order.status === "refunded") return { outcome: "order_paid" };
    // An attempt still live, or one holding the order's money (its status may lag the order's).
    const blocking = tx
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, values.orderId), inArray(payments.status, BLOCKING_A_NEW_ATTEMPT)))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .get();
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
    // The writes of a notification's transaction (applyNotificationToPayment, moveInTransaction):
    // prepared for the same reason, they were the next biggest share of its CPU.
    statusOf: database
      .select({ status: payments.status })
      .from(payments)
      .where(eq(payments.id, sql.placeholder("id")))
      .prepare(),
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
    /** The compare-and-set of a transition, one per target status and set of patched fields (a handful in all). */
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

function prepareMove(database: ReturnType<typeof db>, to: PaymentStatus, fields: string[]) {
  return database
    .update(payments)
    .set({
      ...Object.fromEntries(fields.map((field) => [field, driverValue(field)])),
      status: to,
      updatedAt: driverValue("updatedAt"),
    })
    .where(and(eq(payments.id, sql.placeholder("id")), inArray(payments.status, sourcesOf(to))))
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

function moveInTransaction(
  tx: Tx,
  paymentId: string,
  to: PaymentStatus,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): TransitionResult {
  // The prepared statements run on the same connection, so inside this transaction.
  const prepared = lookups();
  const before = prepared.byId.get({ id: paymentId });
  if (!before) throw new Error(`Unknown payment ${paymentId}`);
  // A payment that succeeds without a separate capture (automatic capture) has captured it all.
  const captured =
    to === "succeeded" && patch.capturedAmount === undefined && before.capturedAmount === 0
      ? { capturedAmount: before.amount }
      : {};
  const values: Record<string, unknown> = { ...patch, ...captured };
  const fields = Object.keys(values)
    .filter((field) => values[field] !== undefined)
    .sort();
  const shape = `${to}:${fields.join(",")}`;
  let move = prepared.moves.get(shape);
  if (!move) prepared.moves.set(shape, (move = prepareMove(db(), to, fields)));
  // Compare-and-set: the row moves only from a state that allows `to`.
  const updated = move.get({
    ...Object.fromEntries(
      fields.map((field) => [field, toDriver(paymentColumns[field as keyof typeof paymentColumns], values[field])]),
    ),
    updatedAt: Date.now(),
    id: paymentId,
  });
  if (!updated) return { changed: false, from: before.status, payment: before };
  recordPaymentEvent(
    {
      paymentId,
      provider: cause.provider,
      type: "status_change",
      fromStatus: before.status,
      toStatus: to,
      summary: cause.summary,
      detail: cause.detail ?? null,
    },
    tx,
  );
  const attempts = prepared.orderAttempts.all({ orderId: updated.orderId });
  prepared.setOrderStatus.run({
    status: orderStatusFromPayments(attempts),
    updatedAt: Date.now(),
    id: updated.orderId,
  });
  // Money now, and another attempt of the order already holds the order's money: a second charge.
  const kept =
    isPaid(to) && !isPaid(before.status)
      ? attempts.find((attempt) => attempt.id !== paymentId && isPaid(attempt.status))
      : undefined;
  if (kept) recordExtraCharge(tx, updated, kept.id, cause.provider);
  return { changed: true, from: before.status, payment: updated, extraCharge: Boolean(kept) };
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

/** Moves a payment to `to` (one compare-and-set, with its event row and the order's status, in one transaction). */
export function transitionPayment(
  paymentId: string,
  to: PaymentStatus,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): TransitionResult {
  return writeTransaction((tx) => moveInTransaction(tx, paymentId, to, patch, cause));
}

/** Updates fields that are not the status (provider references, next action) without moving it. */
export function patchPayment(paymentId: string, patch: PaymentPatch): void {
  db()
    .update(payments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(payments.id, paymentId))
    .run();
}

export type NotificationApplication =
  | { outcome: "applied"; transition: TransitionResult }
  /** The payment is already in the reported state (the news came another way): recorded once with its facts; nothing moves. */
  | { outcome: "recorded"; from: PaymentStatus }
  /** Its dedupe key is taken: a redelivery. Nothing is written. */
  | { outcome: "duplicate" }
  /** The payment has already moved past the reported state (a PROCESSING after the success). Nothing is written. */
  | { outcome: "stale"; from: PaymentStatus; to: PaymentStatus }
  /** The reported state can never follow the payment's (a refund of a failed payment). Nothing is written. */
  | { outcome: "contradiction"; from: PaymentStatus; to: PaymentStatus }
  /** It came before the notification it follows (a refund before the success): nothing is written, so a redelivery applies it later. */
  | { outcome: "early"; from: PaymentStatus };

/** Why a move from `from` to `to` is not made: the report is early, stale, or can never follow. */
function notMoved(from: PaymentStatus, to: PaymentStatus): NotificationApplication {
  if (isAhead(from, to)) return { outcome: "early", from };
  return { outcome: isBehind(from, to) ? "stale" : "contradiction", from, to };
}

/** Thrown inside the transaction to undo its writes when the move it was for is refused after all. */
class MoveRefused extends Error {
  constructor(readonly application: NotificationApplication) {
    super(application.outcome);
  }
}

/**
 * Records a verified notification under its dedupe key and applies its status, in one transaction.
 * Only a notification that moves the payment (or reports the state it is already in, with facts
 * such as the provider's id) is written. A redelivery (its key taken), a stale one (the payment
 * has moved past it), one that can never follow the payment's state, and an early one (a refund
 * before the success, which the provider's redelivery applies once it fits) write nothing at all:
 * no event, no fact, no status.
 */
export function applyNotificationToPayment(
  paymentId: string,
  notification: {
    provider: string;
    dedupeKey: string;
    status: PaymentStatus;
    summary: string;
    detail: unknown;
    patch: PaymentPatch;
    /** Written with a notification that is written (e.g. the provider's id). */
    facts?: PaymentPatch;
    /** A refund: added to what was refunded; the status becomes refunded when it is all. */
    refundAmount?: number;
    /** Who reported it: the provider's notification, or its answer to an operator's action. */
    type?: "notification" | "operator_action";
  },
): NotificationApplication {
  try {
    return writeTransaction((tx) => {
      const type = notification.type ?? "notification";
      let status = notification.status;
      let patch = notification.patch;
      if (notification.refundAmount !== undefined) {
        const current = tx
          .select({ amount: payments.amount, captured: payments.capturedAmount, refunded: payments.refundedAmount })
          .from(payments)
          .where(eq(payments.id, paymentId))
          .get();
        const refunded = (current?.refunded ?? 0) + notification.refundAmount;
        const refundable = current ? current.captured || current.amount : 0;
        status = current && refunded >= refundable ? "refunded" : "partially_refunded";
        patch = { ...patch, refundedAmount: refunded };
      }
      // Prepared statements, on the same connection: inside this transaction.
      const prepared = lookups();
      if (prepared.eventByDedupeKey.get({ dedupeKey: notification.dedupeKey })) return { outcome: "duplicate" };
      const current = prepared.statusOf.get({ id: paymentId });
      if (!current) throw new Error(`Unknown payment ${paymentId}`);
      const moves = canTransition(current.status, status);
      if (!moves && current.status !== status) return notMoved(current.status, status);
      const fresh = recordPaymentEvent(
        {
          paymentId,
          provider: notification.provider,
          type,
          dedupeKey: notification.dedupeKey,
          toStatus: status,
          summary: notification.summary,
          detail: notification.detail,
        },
        tx,
      );
      if (!fresh) return { outcome: "duplicate" };
      if (notification.facts && Object.keys(notification.facts).length > 0) {
        tx.update(payments).set(notification.facts).where(eq(payments.id, paymentId)).run();
      }
      if (!moves) return { outcome: "recorded", from: current.status };
      const transition = moveInTransaction(tx, paymentId, status, patch, {
        provider: notification.provider,
        summary: `${type === "notification" ? "Notification" : "Operator"}: ${notification.summary}`,
      });
      // Refused after all: the event and the facts written above are undone with the transaction.
      if (!transition.changed) throw new MoveRefused(notMoved(transition.from, status));
      return { outcome: "applied", transition };
    });
  } catch (error) {
    if (error instanceof MoveRefused) return error.application;
    throw error;
  }
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
export function listPaymentsPage(
  filters: PaymentFilters,
  after?: { createdAt: Date; id: string },
  limit = 50,
): PaymentListRow[] {
  const conditions = [];
  if (filters.provider) conditions.push(eq(payments.provider, filters.provider));
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  if (filters.currency) conditions.push(eq(payments.currency, filters.currency));
  if (filters.from) conditions.push(gte(payments.createdAt, filters.from));
  if (filters.to) conditions.push(lt(payments.createdAt, filters.to));
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
  if (after)
    conditions.push(
      or(
        lt(payments.createdAt, after.createdAt),
        and(eq(payments.createdAt, after.createdAt), lt(payments.id, after.id)),
      )!,
    );
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
