import { earliestMs, emulatorNow } from "../clock";
import { and, or, asc, eq, gt, inArray, lte, min, sql } from "drizzle-orm";
import { emulatorDb } from "../db";
import {
  antomCardTokens,
  antomPayments,
  antomTransactions,
  type AntomCardTokenRow,
  type AntomPaymentRow,
  type AntomTransactionRow,
} from "./schema";

export type AntomStatus = AntomPaymentRow["status"];
export type AntomKind = AntomTransactionRow["kind"];

export function insertPayment(values: typeof antomPayments.$inferInsert): AntomPaymentRow {
  return emulatorDb().insert(antomPayments).values(values).returning().get();
}

export function setFirstAnswer(paymentId: string, firstAnswer: string): void {
  lookups().setFirstAnswer.run({ paymentId, firstAnswer });
}

export function findPayment(paymentId: string): AntomPaymentRow | undefined {
  return lookups().byId.get({ paymentId });
}

/** The payment lookups and answer writes of every API call, prepared once per database (drizzle builds a query's SQL on each call otherwise). */
function preparePaymentLookups(database: ReturnType<typeof emulatorDb>) {
  const byClient = (column: typeof antomPayments.paymentId | typeof antomPayments.paymentRequestId) =>
    database
      .select()
      .from(antomPayments)
      .where(and(eq(antomPayments.clientId, sql.placeholder("clientId")), eq(column, sql.placeholder("key"))))
      .prepare();
  return {
    byId: database
      .select()
      .from(antomPayments)
      .where(eq(antomPayments.paymentId, sql.placeholder("paymentId")))
      .prepare(),
    byPaymentId: byClient(antomPayments.paymentId),
    byRequestId: byClient(antomPayments.paymentRequestId),
    // Each answer is kept for the request's repeats (a plain text column: no encoding to skip).
    setFirstAnswer: database
      .update(antomPayments)
      .set({ firstAnswer: sql`${sql.placeholder("firstAnswer")}` })
      .where(eq(antomPayments.paymentId, sql.placeholder("paymentId")))
      .prepare(),
    setTransactionAnswer: database
      .update(antomTransactions)
      .set({ firstAnswer: sql`${sql.placeholder("firstAnswer")}` })
      .where(eq(antomTransactions.id, sql.placeholder("id")))
      .prepare(),
  };
}
const paymentLookups = new WeakMap<object, ReturnType<typeof preparePaymentLookups>>();

function lookups(): ReturnType<typeof preparePaymentLookups> {
  const database = emulatorDb();
  let prepared = paymentLookups.get(database);
  if (!prepared) paymentLookups.set(database, (prepared = preparePaymentLookups(database)));
  return prepared;
}

export function findPaymentOf(
  clientId: string,
  by: { paymentId?: string; paymentRequestId?: string },
): AntomPaymentRow | undefined {
  return by.paymentId
    ? lookups().byPaymentId.get({ clientId, key: by.paymentId })
    : lookups().byRequestId.get({ clientId, key: by.paymentRequestId ?? "" });
}

type Movable = Partial<Omit<AntomPaymentRow, "paymentId" | "clientId" | "paymentRequestId" | "createdAt">>;

/** Moves a payment out of `from` (compare-and-set); undefined when it was no longer there. */
export function movePayment(
  paymentId: string,
  from: readonly AntomStatus[],
  to: AntomStatus,
  extra: Movable = {},
): AntomPaymentRow | undefined {
  return emulatorDb()
    .update(antomPayments)
    .set({ ...extra, status: to, updatedAt: emulatorNow() })
    .where(and(eq(antomPayments.paymentId, paymentId), inArray(antomPayments.status, [...from])))
    .returning()
    .get();
}

export function dueSettlements(now = emulatorNow()): AntomPaymentRow[] {
  return emulatorDb()
    .select()
    .from(antomPayments)
    .where(
      and(
        eq(antomPayments.status, "PROCESSING"),
        eq(antomPayments.awaitingChallenge, false),
        lte(antomPayments.settleAt, now),
      ),
    )
    .all();
}

export function findTransaction(clientId: string, kind: AntomKind, requestId: string): AntomTransactionRow | undefined {
  return emulatorDb()
    .select()
    .from(antomTransactions)
    .where(
      and(
        eq(antomTransactions.clientId, clientId),
        eq(antomTransactions.kind, kind),
        eq(antomTransactions.requestId, requestId),
      ),
    )
    .get();
}

export function findTransactionById(clientId: string, kind: AntomKind, id: string): AntomTransactionRow | undefined {
  return emulatorDb()
    .select()
    .from(antomTransactions)
    .where(
      and(eq(antomTransactions.clientId, clientId), eq(antomTransactions.kind, kind), eq(antomTransactions.id, id)),
    )
    .get();
}

export function transactionsOf(paymentId: string): AntomTransactionRow[] {
  return emulatorDb()
    .select()
    .from(antomTransactions)
    .where(eq(antomTransactions.paymentId, paymentId))
    .orderBy(asc(antomTransactions.createdAt))
    .all();
}

export function setTransactionAnswer(id: string, firstAnswer: string): void {
  lookups().setTransactionAnswer.run({ id, firstAnswer });
}

/**
 * Moves a PROCESSING payment to SUCCESS in one SQLite transaction: with captureMode AUTOMATIC it
 * is captured at once (a CAPTURE row), and a card token asked for is stored.
 */
export function completePayment(
  paymentId: string,
  extra: Movable,
  capture:
    | Omit<typeof antomTransactions.$inferInsert, "paymentId" | "amountMinor" | "currency" | "clientId" | "kind">
    | undefined,
  token: Omit<typeof antomCardTokens.$inferInsert, "clientId"> | undefined,
): { payment: AntomPaymentRow; capture?: AntomTransactionRow } | undefined {
  const prepared = lookups();
  return emulatorDb().transaction(
    (tx) => {
      // The prepared read runs on the same connection, inside this transaction.
      const current = prepared.byId.get({ paymentId });
      if (!current || current.status !== "PROCESSING") return undefined;
      const automatic = current.captureMode === "AUTOMATIC";
      const payment = tx
        .update(antomPayments)
        .set({
          ...extra,
          status: "SUCCESS",
          awaitingChallenge: false,
          settleAt: null,
          paymentTime: extra.paymentTime ?? emulatorNow(),
          capturedMinor: automatic ? current.amountMinor : 0,
          captureClosed: automatic,
          cardToken: current.tokenizeRequested && token ? token.token : null,
          updatedAt: emulatorNow(),
        })
        .where(eq(antomPayments.paymentId, paymentId))
        .returning()
        .get();
      if (current.tokenizeRequested && token)
        tx.insert(antomCardTokens)
          .values({ ...token, clientId: current.clientId })
          .run();
      const captured =
        automatic && capture
          ? tx
              .insert(antomTransactions)
              .values({
                ...capture,
                kind: "CAPTURE",
                clientId: current.clientId,
                paymentId,
                amountMinor: current.amountMinor,
                currency: current.currency,
              })
              .returning()
              .get()
          : undefined;
      return { payment, capture: captured };
    },
    { behavior: "immediate" },
  );
}

export type Refusal = "ORDER_STATUS_INVALID" | "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" | "REFUND_AMOUNT_EXCEED";

/** Records a manual capture (the first and only one) in one SQLite transaction, or says why not. */
export function recordCapture(values: typeof antomTransactions.$inferInsert): AntomTransactionRow | Refusal {
  return emulatorDb().transaction(
    (tx) => {
      const payment = tx.select().from(antomPayments).where(eq(antomPayments.paymentId, values.paymentId)).get();
      if (!payment || payment.status !== "SUCCESS" || payment.captureMode !== "MANUAL" || payment.captureClosed)
        return "ORDER_STATUS_INVALID" as const;
      if (values.amountMinor > payment.amountMinor - payment.capturedMinor)
        return "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" as const;
      tx.update(antomPayments)
        .set({
          capturedMinor: payment.capturedMinor + values.amountMinor,
          captureClosed: true,
          updatedAt: emulatorNow(),
        })
        .where(eq(antomPayments.paymentId, payment.paymentId))
        .run();
      return tx.insert(antomTransactions).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Records a refund of captured money in one SQLite transaction, or says why not. */
export function recordRefund(values: typeof antomTransactions.$inferInsert): AntomTransactionRow | Refusal {
  return emulatorDb().transaction(
    (tx) => {
      const payment = tx.select().from(antomPayments).where(eq(antomPayments.paymentId, values.paymentId)).get();
      if (!payment || payment.status !== "SUCCESS" || payment.capturedMinor === 0)
        return "ORDER_STATUS_INVALID" as const;
      if (payment.refundedMinor + values.amountMinor > payment.capturedMinor) return "REFUND_AMOUNT_EXCEED" as const;
      tx.update(antomPayments)
        .set({ refundedMinor: payment.refundedMinor + values.amountMinor, updatedAt: emulatorNow() })
        .where(eq(antomPayments.paymentId, payment.paymentId))
        .run();
      return tx.insert(antomTransactions).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Cancels an authorized, not captured payment in one SQLite transaction, or says why not. */
export function recordCancel(values: typeof antomTransactions.$inferInsert): AntomTransactionRow | Refusal {
  return emulatorDb().transaction(
    (tx) => {
      const cancelled = tx
        .update(antomPayments)
        .set({ status: "CANCELLED", captureClosed: true, updatedAt: emulatorNow() })
        // [doc] cancel closes an order still processing at Antom (the buyer can no longer pay it)
        // and an authorization not captured yet; a captured card payment cannot be canceled.
        .where(
          and(
            eq(antomPayments.paymentId, values.paymentId),
            or(
              eq(antomPayments.status, "PROCESSING"),
              and(
                eq(antomPayments.status, "SUCCESS"),
                eq(antomPayments.capturedMinor, 0),
                eq(antomPayments.captureClosed, false),
              ),
            ),
          ),
        )
        .returning()
        .get();
      if (!cancelled) return "ORDER_STATUS_INVALID" as const;
      return tx.insert(antomTransactions).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

export function findCardToken(clientId: string, token: string): AntomCardTokenRow | undefined {
  return emulatorDb()
    .select()
    .from(antomCardTokens)
    .where(and(eq(antomCardTokens.clientId, clientId), eq(antomCardTokens.token, token)))
    .get();
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as paymentRequestId), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export function chargesFor(reference: string): { id: string; status: string }[] {
  return emulatorDb()
    .select({ id: antomPayments.paymentId, status: antomPayments.status })
    .from(antomPayments)
    .where(eq(antomPayments.paymentRequestId, reference))
    .all();
}

/** When the next PROCESSING payment after `after` settles (emulator ms), if any. */
export function nextDeadline(after: Date): number | undefined {
  const row = emulatorDb()
    .select({ at: min(antomPayments.settleAt) })
    .from(antomPayments)
    .where(
      and(
        eq(antomPayments.status, "PROCESSING"),
        eq(antomPayments.awaitingChallenge, false),
        gt(antomPayments.settleAt, after),
      ),
    )
    .get();
  return earliestMs(row?.at);
}
