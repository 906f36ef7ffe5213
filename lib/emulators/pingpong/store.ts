import { and, eq, inArray, lte } from "drizzle-orm";
import { emulatorDb } from "../db";
import { pingpongAdjustments, pingpongRiskInits, pingpongTransactions, type PingpongAdjustmentRow, type PingpongTransactionRow } from "../schema";

export type PingpongStatus = PingpongTransactionRow["status"];

export function insertRiskInit(values: typeof pingpongRiskInits.$inferInsert): void {
  emulatorDb().insert(pingpongRiskInits).values(values).run();
}

export function findRiskInit(accId: string, requestId: string, threeDInitTransId: string) {
  return emulatorDb()
    .select()
    .from(pingpongRiskInits)
    .where(and(eq(pingpongRiskInits.threeDInitTransId, threeDInitTransId), eq(pingpongRiskInits.accId, accId), eq(pingpongRiskInits.requestId, requestId)))
    .get();
}

export function insertTransaction(values: typeof pingpongTransactions.$inferInsert): PingpongTransactionRow {
  return emulatorDb().insert(pingpongTransactions).values(values).returning().get();
}

export function findTransaction(transactionId: string): PingpongTransactionRow | undefined {
  return emulatorDb().select().from(pingpongTransactions).where(eq(pingpongTransactions.transactionId, transactionId)).get();
}

export function findTransactionOf(accId: string, by: { transactionId?: string; merchantTransactionId?: string }): PingpongTransactionRow | undefined {
  const where = by.transactionId
    ? and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.transactionId, by.transactionId))
    : and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.merchantTransactionId, by.merchantTransactionId ?? ""));
  return emulatorDb().select().from(pingpongTransactions).where(where).get();
}

type Movable = Partial<
  Pick<PingpongTransactionRow, "resultCode" | "resultDescription" | "awaitingChallenge" | "settleAt" | "qrExpiresAt" | "succeededAt" | "refundedMinor">
>;

/**
 * Moves a transaction out of `from` (compare-and-set) and returns the new row, or undefined when
 * it was no longer in `from` (a double click, or a job racing a page, changes it once).
 */
export function moveTransaction(transactionId: string, from: readonly PingpongStatus[], to: PingpongStatus, extra: Movable = {}): PingpongTransactionRow | undefined {
  return emulatorDb()
    .update(pingpongTransactions)
    .set({ ...extra, status: to, updatedAt: new Date() })
    .where(and(eq(pingpongTransactions.transactionId, transactionId), inArray(pingpongTransactions.status, [...from])))
    .returning()
    .get();
}

export function dueSettlements(now = new Date()): PingpongTransactionRow[] {
  return emulatorDb()
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.settleAt, now)))
    .all();
}

export function expiredQrCodes(now = new Date()): PingpongTransactionRow[] {
  return emulatorDb()
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.qrExpiresAt, now)))
    .all();
}

export function findAdjustment(accId: string, kind: PingpongAdjustmentRow["kind"], requestId: string): PingpongAdjustmentRow | undefined {
  return emulatorDb()
    .select()
    .from(pingpongAdjustments)
    .where(and(eq(pingpongAdjustments.accId, accId), eq(pingpongAdjustments.kind, kind), eq(pingpongAdjustments.requestId, requestId)))
    .get();
}

/**
 * Records a refund and adds it to the transaction's refunded amount in one SQLite transaction,
 * refusing (undefined) when the refundable amount is smaller than asked.
 */
export function recordRefund(values: typeof pingpongAdjustments.$inferInsert): PingpongAdjustmentRow | undefined {
  return emulatorDb().transaction((tx) => {
    const payment = tx.select().from(pingpongTransactions).where(eq(pingpongTransactions.transactionId, values.transactionId)).get();
    if (!payment || payment.refundedMinor + values.amountMinor > payment.amountMinor) return undefined;
    tx.update(pingpongTransactions)
      .set({ refundedMinor: payment.refundedMinor + values.amountMinor, updatedAt: new Date() })
      .where(eq(pingpongTransactions.transactionId, payment.transactionId))
      .run();
    return tx.insert(pingpongAdjustments).values(values).returning().get();
  });
}

/** Records a void and closes the payment (from SUCCESS) in one SQLite transaction. */
export function recordVoid(values: typeof pingpongAdjustments.$inferInsert): PingpongAdjustmentRow | undefined {
  return emulatorDb().transaction((tx) => {
    const closed = tx
      .update(pingpongTransactions)
      .set({ status: "CLOSED", updatedAt: new Date() })
      .where(and(eq(pingpongTransactions.transactionId, values.transactionId), eq(pingpongTransactions.status, "SUCCESS")))
      .returning()
      .get();
    if (!closed) return undefined;
    return tx.insert(pingpongAdjustments).values(values).returning().get();
  });
}
