import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import { db, writeTransaction } from "../client";
import {
  orders,
  paymentEvents,
  payments,
  type NewPayment,
  type NewPaymentEvent,
  type Payment,
  type PaymentEvent,
  type PaymentStatus,
} from "../schema";
import { isAhead, orderStatusFromPayments, sourcesOf } from "@/lib/payments/state";

type Tx = Parameters<Parameters<typeof writeTransaction>[0]>[0];

/** Inserts a payment attempt; a second call with the same idempotency key returns the first. */
export function insertPaymentOnce(values: NewPayment): { payment: Payment; created: boolean } {
  return writeTransaction((tx) => {
    const existing = tx.select().from(payments).where(eq(payments.idempotencyKey, values.idempotencyKey)).get();
    if (existing) return { payment: existing, created: false };
    return { payment: tx.insert(payments).values(values).returning().get(), created: true };
  });
}

/**
 * Every notification looks its payment up (by the provider's reference, then by id): these two
 * are prepared once per database, because drizzle otherwise builds the query's SQL again on each
 * call (a tenth of the server's CPU per notification in `npm run bench`).
 */
function prepareLookups(database: ReturnType<typeof db>) {
  return {
    byId: database.select().from(payments).where(eq(payments.id, sql.placeholder("id"))).prepare(),
    byProviderRef: database
      .select()
      .from(payments)
      .where(and(eq(payments.provider, sql.placeholder("provider")), eq(payments.providerPaymentId, sql.placeholder("providerPaymentId"))))
      .prepare(),
  };
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
  return db().select().from(payments).where(eq(payments.orderId, orderId)).orderBy(asc(payments.createdAt), asc(payments.id)).all();
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
  return db().select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(asc(paymentEvents.id)).all();
}

/** Appends an event. With a dedupe key already taken it inserts nothing and returns false. */
export function recordPaymentEvent(event: NewPaymentEvent, tx: Tx | ReturnType<typeof db> = db()): boolean {
  const inserted = tx.insert(paymentEvents).values(event).onConflictDoNothing({ target: paymentEvents.dedupeKey }).returning({ id: paymentEvents.id }).all();
  return inserted.length === 1;
}

/**
 * A provider told of another amount or currency than the payment's (in a notification or an
 * inquiry's answer). Nothing about the payment changes; the operator sees it on the timeline
 * and in the console's list. With a dedupe key, a redelivery of the same report is recorded once.
 */
export function recordIntegrityFailure(event: { paymentId: string; provider: string; summary: string; detail?: unknown; dedupeKey?: string }): boolean {
  return recordPaymentEvent({ paymentId: event.paymentId, provider: event.provider, type: "integrity_failure", summary: event.summary, detail: event.detail ?? null, dedupeKey: event.dedupeKey ?? null });
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
    | "cardBrand"
    | "cardFirst6"
    | "cardLast4"
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
}

function moveInTransaction(
  tx: Tx,
  paymentId: string,
  to: PaymentStatus,
  patch: PaymentPatch,
  cause: { provider: string; summary: string; detail?: unknown },
): TransitionResult {
  // The prepared lookup runs on the same connection, so inside this transaction.
  const before = lookups().byId.get({ id: paymentId });
  if (!before) throw new Error(`Unknown payment ${paymentId}`);
  // A payment that succeeds without a separate capture (automatic capture) has captured it all.
  const captured = to === "succeeded" && patch.capturedAmount === undefined && before.capturedAmount === 0 ? { capturedAmount: before.amount } : {};
  // Compare-and-set: the row moves only from a state that allows `to`.
  const updated = tx
    .update(payments)
    .set({ ...patch, ...captured, status: to, updatedAt: new Date() })
    .where(and(eq(payments.id, paymentId), inArray(payments.status, sourcesOf(to))))
    .returning()
    .get();
  if (!updated) return { changed: false, from: before.status, payment: before };
  tx.insert(paymentEvents)
    .values({
      paymentId,
      provider: cause.provider,
      type: "status_change",
      fromStatus: before.status,
      toStatus: to,
      summary: cause.summary,
      detail: cause.detail ?? null,
    })
    .run();
  const attempts = tx.select({ status: payments.status }).from(payments).where(eq(payments.orderId, updated.orderId)).orderBy(asc(payments.createdAt), asc(payments.id)).all();
  tx.update(orders).set({ status: orderStatusFromPayments(attempts), updatedAt: new Date() }).where(eq(orders.id, updated.orderId)).run();
  return { changed: true, from: before.status, payment: updated };
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
  db().update(payments).set({ ...patch, updatedAt: new Date() }).where(eq(payments.id, paymentId)).run();
}

export type NotificationApplication =
  | { outcome: "applied"; transition: TransitionResult }
  | { outcome: "duplicate" }
  | { outcome: "ignored"; from: PaymentStatus }
  /** It came before the notification it follows (a refund before the success): nothing is written, so a redelivery applies it later. */
  | { outcome: "early"; from: PaymentStatus };

/**
 * Records a verified notification under its dedupe key and applies its status, in one transaction:
 * a redelivery finds the key taken and changes nothing; a stale one (behind the payment's state)
 * is recorded but refused by the state machine; an early one (ahead of it, e.g. a refund before
 * the success) is not recorded at all, so that the provider's redelivery applies it once it fits.
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
    /** Written with a fresh notification even when the state machine refuses its status (e.g. the provider's id). */
    facts?: PaymentPatch;
    /** A refund: added to what was refunded; the status becomes refunded when it is all. */
    refundAmount?: number;
    /** Who reported it: the provider's notification, or its answer to an operator's action. */
    type?: "notification" | "operator_action";
  },
): NotificationApplication {
  return writeTransaction((tx) => {
    const type = notification.type ?? "notification";
    let status = notification.status;
    let patch = notification.patch;
    if (notification.refundAmount !== undefined) {
      const current = tx.select({ amount: payments.amount, captured: payments.capturedAmount, refunded: payments.refundedAmount }).from(payments).where(eq(payments.id, paymentId)).get();
      const refunded = (current?.refunded ?? 0) + notification.refundAmount;
      const refundable = current ? current.captured || current.amount : 0;
      status = current && refunded >= refundable ? "refunded" : "partially_refunded";
      patch = { ...patch, refundedAmount: refunded };
    }
    const current = tx.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId)).get();
    if (current && isAhead(current.status, status) && !tx.select({ id: paymentEvents.id }).from(paymentEvents).where(eq(paymentEvents.dedupeKey, notification.dedupeKey)).get()) {
      return { outcome: "early", from: current.status };
    }
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
    if (!fresh) {
      recordPaymentEvent(
        { paymentId, provider: notification.provider, type, toStatus: status, summary: `Duplicate delivery ignored: ${notification.summary}`, detail: { dedupeKey: notification.dedupeKey } },
        tx,
      );
      return { outcome: "duplicate" };
    }
    if (notification.facts && Object.keys(notification.facts).length > 0) {
      tx.update(payments).set(notification.facts).where(eq(payments.id, paymentId)).run();
    }
    const transition = moveInTransaction(tx, paymentId, status, patch, {
      provider: notification.provider,
      summary: `${type === "notification" ? "Notification" : "Operator"}: ${notification.summary}`,
    });
    if (!transition.changed) {
      recordPaymentEvent(
        { paymentId, provider: notification.provider, type, fromStatus: transition.from, toStatus: status, summary: `Refused by the state machine: ${transition.from} -> ${status} is not allowed`, detail: null },
        tx,
      );
      return { outcome: "ignored", from: transition.from };
    }
    return { outcome: "applied", transition };
  });
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
}

// Per listed row, one lookup through payment_events_payment_idx: the page stays as fast as its 50 rows.
const hasIntegrityFailure = sql<number>`exists (select 1 from ${paymentEvents} where ${paymentEvents.paymentId} = ${payments.id} and ${paymentEvents.type} = 'integrity_failure')`;

/** One newest-first page of payments; `after` is the last row of the previous page (keyset pagination). */
export function listPaymentsPage(filters: PaymentFilters, after?: { createdAt: Date; id: string }, limit = 50): PaymentListRow[] {
  const conditions = [];
  if (filters.provider) conditions.push(eq(payments.provider, filters.provider));
  if (filters.method) conditions.push(eq(payments.method, filters.method));
  if (filters.status) conditions.push(eq(payments.status, filters.status));
  if (filters.currency) conditions.push(eq(payments.currency, filters.currency));
  if (filters.from) conditions.push(gte(payments.createdAt, filters.from));
  if (filters.to) conditions.push(lt(payments.createdAt, filters.to));
  if (filters.q) {
    const q = filters.q.trim();
    conditions.push(or(eq(payments.id, q), eq(payments.providerPaymentId, q), eq(payments.orderId, q), eq(orders.email, q.toLowerCase()))!);
  }
  if (after) conditions.push(or(lt(payments.createdAt, after.createdAt), and(eq(payments.createdAt, after.createdAt), lt(payments.id, after.id)))!);
  return db()
    .select({ payment: payments, email: orders.email, integrityFailure: hasIntegrityFailure })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row.payment, email: row.email, integrityFailure: Boolean(row.integrityFailure) }));
}
