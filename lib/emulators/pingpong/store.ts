import { earliestMs, emulatorNow } from "../clock";
import { and, desc, eq, gt, inArray, lte, min } from "drizzle-orm";
import { emulatorDb, emulatorTransaction, lockRows } from "../db";
import type {
  PingpongAdjustmentRow,
  PingpongTransactionRow,
  PingpongWalletAuthRow,
  PingpongWalletTokenRow,
} from "./schema";
import {
  pingpongAdjustments,
  pingpongRiskInits,
  pingpongTransactions,
  pingpongWalletAuths,
  pingpongWalletPayments,
  pingpongWalletTokens,
} from "./tables";

export type PingpongStatus = PingpongTransactionRow["status"];

export async function insertRiskInit(values: typeof pingpongRiskInits.$inferInsert): Promise<void> {
  await (await emulatorDb()).insert(pingpongRiskInits).values(values);
}

export async function findRiskInit(accId: string, requestId: string, threeDInitTransId: string) {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongRiskInits)
    .where(
      and(
        eq(pingpongRiskInits.threeDInitTransId, threeDInitTransId),
        eq(pingpongRiskInits.accId, accId),
        eq(pingpongRiskInits.requestId, requestId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertTransaction(
  values: typeof pingpongTransactions.$inferInsert,
): Promise<PingpongTransactionRow> {
  const [row] = await (await emulatorDb()).insert(pingpongTransactions).values(values).returning();
  return row;
}

export async function findTransaction(transactionId: string): Promise<PingpongTransactionRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongTransactions)
    .where(eq(pingpongTransactions.transactionId, transactionId))
    .limit(1);
  return row;
}

export async function findTransactionOf(
  accId: string,
  by: { transactionId?: string; merchantTransactionId?: string; requestId?: string },
): Promise<PingpongTransactionRow | undefined> {
  const where = by.transactionId
    ? and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.transactionId, by.transactionId))
    : by.requestId
      ? and(eq(pingpongTransactions.accId, accId), eq(pingpongTransactions.requestId, by.requestId))
      : and(
          eq(pingpongTransactions.accId, accId),
          eq(pingpongTransactions.merchantTransactionId, by.merchantTransactionId ?? ""),
        );
  const [row] = await (await emulatorDb()).select().from(pingpongTransactions).where(where).limit(1);
  return row;
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
export async function moveTransaction(
  transactionId: string,
  from: readonly PingpongStatus[],
  to: PingpongStatus,
  extra: Movable = {},
): Promise<PingpongTransactionRow | undefined> {
  const updatedAt = await emulatorNow();
  const [row] = await (
    await emulatorDb()
  )
    .update(pingpongTransactions)
    .set({ ...extra, status: to, updatedAt })
    .where(and(eq(pingpongTransactions.transactionId, transactionId), inArray(pingpongTransactions.status, [...from])))
    .returning();
  return row;
}

export async function dueSettlements(now?: Date): Promise<PingpongTransactionRow[]> {
  const at = now ?? (await emulatorNow());
  return (await emulatorDb())
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.settleAt, at)));
}

export async function expiredQrCodes(now?: Date): Promise<PingpongTransactionRow[]> {
  const at = now ?? (await emulatorNow());
  return (await emulatorDb())
    .select()
    .from(pingpongTransactions)
    .where(and(eq(pingpongTransactions.status, "PROCESSING"), lte(pingpongTransactions.qrExpiresAt, at)));
}

export async function findAdjustment(
  accId: string,
  kind: PingpongAdjustmentRow["kind"],
  requestId: string,
): Promise<PingpongAdjustmentRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongAdjustments)
    .where(
      and(
        eq(pingpongAdjustments.accId, accId),
        eq(pingpongAdjustments.kind, kind),
        eq(pingpongAdjustments.requestId, requestId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Records a refund and adds it to the transaction's refunded amount in one transaction,
 * refusing (undefined) when the refundable amount is smaller than asked.
 */
export async function recordRefund(
  values: typeof pingpongAdjustments.$inferInsert,
): Promise<PingpongAdjustmentRow | undefined> {
  const updatedAt = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    const [payment] = await lockRows(
      tx
        .select()
        .from(pingpongTransactions)
        .where(eq(pingpongTransactions.transactionId, values.transactionId))
        .limit(1),
    );
    if (!payment || payment.refundedMinor + values.amountMinor > payment.amountMinor) return undefined;
    await tx
      .update(pingpongTransactions)
      .set({ refundedMinor: payment.refundedMinor + values.amountMinor, updatedAt })
      .where(eq(pingpongTransactions.transactionId, payment.transactionId));
    const [row] = await tx.insert(pingpongAdjustments).values(values).returning();
    return row;
  });
}

/** Records a void and closes the payment (from SUCCESS) in one transaction. */
export async function recordVoid(
  values: typeof pingpongAdjustments.$inferInsert,
): Promise<PingpongAdjustmentRow | undefined> {
  const updatedAt = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    const [closed] = await tx
      .update(pingpongTransactions)
      .set({ status: "CLOSED", updatedAt })
      .where(
        and(eq(pingpongTransactions.transactionId, values.transactionId), eq(pingpongTransactions.status, "SUCCESS")),
      )
      .returning();
    if (!closed) return undefined;
    const [row] = await tx.insert(pingpongAdjustments).values(values).returning();
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// One-click (CodeGrant) wallet tokens

export type WalletTokenStatus = PingpongWalletTokenRow["status"];

export async function insertWalletToken(
  values: typeof pingpongWalletTokens.$inferInsert,
): Promise<PingpongWalletTokenRow> {
  const [row] = await (await emulatorDb()).insert(pingpongWalletTokens).values(values).returning();
  return row;
}

export async function findWalletToken(token: string): Promise<PingpongWalletTokenRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongWalletTokens)
    .where(eq(pingpongWalletTokens.token, token))
    .limit(1);
  return row;
}

/** A bind already answered for this requestId (a repeated bind answers the same token). */
export async function findBindByRequest(accId: string, requestId: string): Promise<PingpongWalletTokenRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongWalletTokens)
    .where(
      and(
        eq(pingpongWalletTokens.accId, accId),
        eq(pingpongWalletTokens.flow, "sign"),
        eq(pingpongWalletTokens.requestId, requestId),
      ),
    )
    .limit(1);
  return row;
}

/** Every token of the signing flow (the emulator's few, to find the one an authUrl names). */
export async function signingTokens(): Promise<PingpongWalletTokenRow[]> {
  return (await emulatorDb()).select().from(pingpongWalletTokens).where(eq(pingpongWalletTokens.flow, "sign"));
}

export async function latestWalletTokens(limit = 20): Promise<PingpongWalletTokenRow[]> {
  return (await emulatorDb())
    .select()
    .from(pingpongWalletTokens)
    .orderBy(desc(pingpongWalletTokens.createdAt))
    .limit(limit);
}

/** Moves a token out of `from` (compare-and-set): the new row, or undefined when it was not in `from`. */
export async function moveWalletToken(
  token: string,
  from: readonly WalletTokenStatus[],
  to: WalletTokenStatus,
  extra: Partial<Pick<PingpongWalletTokenRow, "unbindSource">> = {},
): Promise<PingpongWalletTokenRow | undefined> {
  const updatedAt = await emulatorNow();
  const [row] = await (
    await emulatorDb()
  )
    .update(pingpongWalletTokens)
    .set({ ...extra, status: to, updatedAt })
    .where(and(eq(pingpongWalletTokens.token, token), inArray(pingpongWalletTokens.status, [...from])))
    .returning();
  return row;
}

export async function insertWalletAuth(
  values: typeof pingpongWalletAuths.$inferInsert,
): Promise<PingpongWalletAuthRow> {
  const [row] = await (await emulatorDb()).insert(pingpongWalletAuths).values(values).returning();
  return row;
}

export async function findWalletAuth(authId: string): Promise<PingpongWalletAuthRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongWalletAuths)
    .where(eq(pingpongWalletAuths.authId, authId))
    .limit(1);
  return row;
}

/** Issues the one-time code of a PENDING authorization (compare-and-set). */
export async function issueAuthCode(authId: string, code: string): Promise<PingpongWalletAuthRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .update(pingpongWalletAuths)
    .set({ status: "AUTHORIZED", code })
    .where(and(eq(pingpongWalletAuths.authId, authId), eq(pingpongWalletAuths.status, "PENDING")))
    .returning();
  return row;
}

/**
 * Exchanges an issued code for an ACTIVE token in one transaction; undefined when the code
 * is unknown, already used, or belongs to another merchant or merchantUserId.
 */
export async function redeemAuthCode(
  accId: string,
  merchantUserId: string,
  code: string,
  token: (auth: PingpongWalletAuthRow) => typeof pingpongWalletTokens.$inferInsert,
): Promise<PingpongWalletTokenRow | undefined> {
  return emulatorTransaction(async (tx) => {
    const [auth] = await lockRows(
      tx
        .select()
        .from(pingpongWalletAuths)
        .where(
          and(
            eq(pingpongWalletAuths.code, code),
            eq(pingpongWalletAuths.accId, accId),
            eq(pingpongWalletAuths.status, "AUTHORIZED"),
          ),
        )
        .limit(1),
    );
    if (!auth || auth.merchantUserId !== merchantUserId) return undefined;
    const values = token(auth);
    await tx
      .update(pingpongWalletAuths)
      .set({ status: "USED", token: values.token })
      .where(eq(pingpongWalletAuths.authId, auth.authId));
    const [row] = await tx.insert(pingpongWalletTokens).values(values).returning();
    return row;
  });
}

/** Records a CodeGrant payment with its transaction, in one transaction. */
export async function insertTokenPayment(
  values: typeof pingpongTransactions.$inferInsert,
  token: string,
): Promise<PingpongTransactionRow> {
  return emulatorTransaction(async (tx) => {
    const [row] = await tx.insert(pingpongTransactions).values(values).returning();
    await tx.insert(pingpongWalletPayments).values({ transactionId: row.transactionId, token });
    return row;
  });
}

export async function isTokenPayment(transactionId: string): Promise<boolean> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingpongWalletPayments)
    .where(eq(pingpongWalletPayments.transactionId, transactionId))
    .limit(1);
  return !!row;
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as merchantTransactionId), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export async function chargesFor(reference: string): Promise<{ id: string; status: string }[]> {
  return (await emulatorDb())
    .select({ id: pingpongTransactions.transactionId, status: pingpongTransactions.status })
    .from(pingpongTransactions)
    .where(eq(pingpongTransactions.merchantTransactionId, reference));
}

/** When the next PROCESSING transaction after `after` settles or has its QR code expire (emulator ms), if any. */
export async function nextDeadline(after: Date): Promise<number | undefined> {
  const database = await emulatorDb();
  const earliest = async (column: typeof pingpongTransactions.settleAt | typeof pingpongTransactions.qrExpiresAt) => {
    const [row] = await database
      .select({ at: min(column) })
      .from(pingpongTransactions)
      .where(and(eq(pingpongTransactions.status, "PROCESSING"), gt(column, after)));
    return row?.at;
  };
  return earliestMs(await earliest(pingpongTransactions.settleAt), await earliest(pingpongTransactions.qrExpiresAt));
}
