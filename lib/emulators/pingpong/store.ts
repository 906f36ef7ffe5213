import { earliestMs, emulatorNow } from "../clock";
import { and, desc, eq, gt, inArray, lte, min } from "drizzle-orm";
import { emulatorDb } from "../db";
import {
  pingpongAdjustments,
  pingpongRiskInits,
  pingpongTransactions,
  pingpongWalletAuths,
  pingpongWalletPayments,
  pingpongWalletTokens,
  type PingpongAdjustmentRow,
  type PingpongTransactionRow,
  type PingpongWalletAuthRow,
  type PingpongWalletTokenRow,
} from "./schema";

export type PingpongStatus = PingpongTransactionRow["status"];

export function insertRiskInit(values: typeof pingpongRiskInits.$inferInsert): void {
  emulatorDb().insert(pingpongRiskInits).values(values).run();
}

export function findRiskInit(accId: string, requestId: string, threeDInitTransId: string) {
  return emulatorDb()
    .select()
    .from(pingpongRiskInits)
    .where(
      and(
        eq(pingpongRiskInits.threeDInitTransId, threeDInitTransId),
        eq(pingpongRiskInits.accId, accId),
        eq(pingpongRiskInits.requestId, requestId),
      ),
    )
    .get();
}

export function insertTransaction(values: typeof pingpongTransactions.$inferInsert): PingpongTransactionRow {
  return emulatorDb().insert(pingpongTransactions).values(values).returning().get();
}

export function findTransaction(transactionId: string): PingpongTransactionRow | undefined {
  return emulatorDb()
    .select()
    .from(pingpongTransactions)
    .where(eq(pingpongTransactions.transactionId, transactionId))
    .get();
}

export function findTransactionOf(
  accId: string,
  by: { transactionId?: string; merchantTransactionId?: string; requestId?: string },
): PingpongTransactionRow | undefined {
  const where = by.transactionId
    ? and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.transactionId, by.transactionId))
    : by.requestId
      ? and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.requestId, by.requestId))
      : and(
          eq(pingpongTransactions.accId, accId),
          eq(pingpongTransactions.merchantTransactionId, by.merchantTransactionId ?? ""),
        );
  return emulatorDb().select().from(pingpongTransactions).where(where).get();
}

type Movable = Partial<
  Pick<
    PingpongTransactionRow,
    | "resultCode"
    | "resultDescription"
    | "awaitingChallenge"
    | "settleAt"
    | "qrExpiresAt"
    | "succeededAt"
    | "refundedMinor"
  >
>;

/**
 * Moves a transaction out of `from` (compare-and-set) and returns the new row, or undefined when
 * it was no longer in `from` (a double click, or a job racing a page, changes it once).
 */
export function moveTransaction(
  transactionId: string,
  from: readonly PingpongStatus[],
  to: PingpongStatus,
  extra: Movable = {},
): PingpongTransactionRow | undefined {
  return emulatorDb()
    .update(pingpongTransactions)
    .set({ ...extra, status: to, updatedAt: emulatorNow() })
    .where(and(eq(pingpongTransactions.transactionId, transactionId), inArray(pingpongTransactions.status, [...from])))
    .returning()
    .get();
}

export function dueSettlements(now = emulatorNow()): PingpongTransactionRow[] {
  return emulatorDb()
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.settleAt, now)))
    .all();
}

export function expiredQrCodes(now = emulatorNow()): PingpongTransactionRow[] {
  return emulatorDb()
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.qrExpiresAt, now)))
    .all();
}

export function findAdjustment(
  accId: string,
  kind: PingpongAdjustmentRow["kind"],
  requestId: string,
): PingpongAdjustmentRow | undefined {
  return emulatorDb()
    .select()
    .from(pingpongAdjustments)
    .where(
      and(
        eq(pingpongAdjustments.accId, accId),
        eq(pingpongAdjustments.kind, kind),
        eq(pingpongAdjustments.requestId, requestId),
      ),
    )
    .get();
}

/**
 * Records a refund and adds it to the transaction's refunded amount in one SQLite transaction,
 * refusing (undefined) when the refundable amount is smaller than asked.
 */
export function recordRefund(values: typeof pingpongAdjustments.$inferInsert): PingpongAdjustmentRow | undefined {
  return emulatorDb().transaction(
    (tx) => {
      const payment = tx
        .select()
        .from(pingpongTransactions)
        .where(eq(pingpongTransactions.transactionId, values.transactionId))
        .get();
      if (!payment || payment.refundedMinor + values.amountMinor > payment.amountMinor) return undefined;
      tx.update(pingpongTransactions)
        .set({ refundedMinor: payment.refundedMinor + values.amountMinor, updatedAt: emulatorNow() })
        .where(eq(pingpongTransactions.transactionId, payment.transactionId))
        .run();
      return tx.insert(pingpongAdjustments).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Records a void and closes the payment (from SUCCESS) in one SQLite transaction. */
export function recordVoid(values: typeof pingpongAdjustments.$inferInsert): PingpongAdjustmentRow | undefined {
  return emulatorDb().transaction(
    (tx) => {
      const closed = tx
        .update(pingpongTransactions)
        .set({ status: "CLOSED", updatedAt: emulatorNow() })
        .where(
          and(eq(pingpongTransactions.transactionId, values.transactionId), eq(pingpongTransactions.status, "SUCCESS")),
        )
        .returning()
        .get();
      if (!closed) return undefined;
      return tx.insert(pingpongAdjustments).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------
// One-click (CodeGrant) wallet tokens

export type WalletTokenStatus = PingpongWalletTokenRow["status"];

export function insertWalletToken(values: typeof pingpongWalletTokens.$inferInsert): PingpongWalletTokenRow {
  return emulatorDb().insert(pingpongWalletTokens).values(values).returning().get();
}

export function findWalletToken(token: string): PingpongWalletTokenRow | undefined {
  return emulatorDb().select().from(pingpongWalletTokens).where(eq(pingpongWalletTokens.token, token)).get();
}

/** A bind already answered for this requestId (a repeated bind answers the same token). */
export function findBindByRequest(accId: string, requestId: string): PingpongWalletTokenRow | undefined {
  return emulatorDb()
    .select()
    .from(pingpongWalletTokens)
    .where(
      and(
        eq(pingpongWalletTokens.accId, accId),
        eq(pingpongWalletTokens.flow, "sign"),
        eq(pingpongWalletTokens.requestId, requestId),
      ),
    )
    .get();
}

/** Every token of the signing flow (the emulator's few, to find the one an authUrl names). */
export function signingTokens(): PingpongWalletTokenRow[] {
  return emulatorDb().select().from(pingpongWalletTokens).where(eq(pingpongWalletTokens.flow, "sign")).all();
}

export function latestWalletTokens(limit = 20): PingpongWalletTokenRow[] {
  return emulatorDb()
    .select()
    .from(pingpongWalletTokens)
    .orderBy(desc(pingpongWalletTokens.createdAt))
    .limit(limit)
    .all();
}

/** Moves a token out of `from` (compare-and-set): the new row, or undefined when it was not in `from`. */
export function moveWalletToken(
  token: string,
  from: readonly WalletTokenStatus[],
  to: WalletTokenStatus,
  extra: Partial<Pick<PingpongWalletTokenRow, "unbindSource">> = {},
): PingpongWalletTokenRow | undefined {
  return emulatorDb()
    .update(pingpongWalletTokens)
    .set({ ...extra, status: to, updatedAt: emulatorNow() })
    .where(and(eq(pingpongWalletTokens.token, token), inArray(pingpongWalletTokens.status, [...from])))
    .returning()
    .get();
}

export function insertWalletAuth(values: typeof pingpongWalletAuths.$inferInsert): PingpongWalletAuthRow {
  return emulatorDb().insert(pingpongWalletAuths).values(values).returning().get();
}

export function findWalletAuth(authId: string): PingpongWalletAuthRow | undefined {
  return emulatorDb().select().from(pingpongWalletAuths).where(eq(pingpongWalletAuths.authId, authId)).get();
}

/** Issues the one-time code of a PENDING authorization (compare-and-set). */
export function issueAuthCode(authId: string, code: string): PingpongWalletAuthRow | undefined {
  return emulatorDb()
    .update(pingpongWalletAuths)
    .set({ status: "AUTHORIZED", code })
    .where(and(eq(pingpongWalletAuths.authId, authId), eq(pingpongWalletAuths.status, "PENDING")))
    .returning()
    .get();
}

/**
 * Exchanges an issued code for an ACTIVE token in one SQLite transaction; undefined when the code
 * is unknown, already used, or belongs to another merchant or merchantUserId.
 */
export function redeemAuthCode(
  accId: string,
  merchantUserId: string,
  code: string,
  token: (auth: PingpongWalletAuthRow) => typeof pingpongWalletTokens.$inferInsert,
): PingpongWalletTokenRow | undefined {
  return emulatorDb().transaction(
    (tx) => {
      const auth = tx
        .select()
        .from(pingpongWalletAuths)
        .where(
          and(
            eq(pingpongWalletAuths.code, code),
            eq(pingpongWalletAuths.accId, accId),
            eq(pingpongWalletAuths.status, "AUTHORIZED"),
          ),
        )
        .get();
      if (!auth || auth.merchantUserId !== merchantUserId) return undefined;
      const values = token(auth);
      tx.update(pingpongWalletAuths)
        .set({ status: "USED", token: values.token })
        .where(eq(pingpongWalletAuths.authId, auth.authId))
        .run();
      return tx.insert(pingpongWalletTokens).values(values).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Records a CodeGrant payment with its transaction, in one SQLite transaction. */
export function insertTokenPayment(
  values: typeof pingpongTransactions.$inferInsert,
  token: string,
): PingpongTransactionRow {
  return emulatorDb().transaction(
    (tx) => {
      const row = tx.insert(pingpongTransactions).values(values).returning().get();
      tx.insert(pingpongWalletPayments).values({ transactionId: row.transactionId, token }).run();
      return row;
    },
    { behavior: "immediate" },
  );
}

export function isTokenPayment(transactionId: string): boolean {
  return !!emulatorDb()
    .select()
    .from(pingpongWalletPayments)
    .where(eq(pingpongWalletPayments.transactionId, transactionId))
    .get();
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as merchantTransactionId), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export function chargesFor(reference: string): { id: string; status: string }[] {
  return emulatorDb()
    .select({ id: pingpongTransactions.transactionId, status: pingpongTransactions.status })
    .from(pingpongTransactions)
    .where(eq(pingpongTransactions.merchantTransactionId, reference))
    .all();
}

/** When the next PROCESSING transaction after `after` settles or has its QR code expire (emulator ms), if any. */
export function nextDeadline(after: Date): number | undefined {
  const earliest = (column: typeof pingpongTransactions.settleAt | typeof pingpongTransactions.qrExpiresAt) =>
    emulatorDb()
      .select({ at: min(column) })
      .from(pingpongTransactions)
      .where(and(eq(pingpongTransactions.status, "PROCESSING"), gt(column, after)))
      .get()?.at;
  return earliestMs(earliest(pingpongTransactions.settleAt), earliest(pingpongTransactions.qrExpiresAt));
}
