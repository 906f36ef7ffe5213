import { earliestMs, emulatorNow } from "../clock";
import { and, or, asc, eq, gt, inArray, lte, min, sql } from "drizzle-orm";
import { emulatorDb, emulatorTransaction, lockRows, preparedStatements } from "../db";
import type { AntomCardTokenRow, AntomPaymentRow, AntomTransactionRow } from "./schema";
import { antomCardTokens, antomPayments, antomTransactions } from "./tables";

export type AntomStatus = AntomPaymentRow["status"];
export type AntomKind = AntomTransactionRow["kind"];

export async function insertPayment(values: typeof antomPayments.$inferInsert): Promise<AntomPaymentRow> {
  const [row] = await (await emulatorDb()).insert(antomPayments).values(values).returning();
  return row;
}

/** The payment lookups and answer writes of every API call, prepared once per database. */
const lookups = preparedStatements((database) => {
  const byClient = (column: typeof antomPayments.paymentId | typeof antomPayments.paymentRequestId, name: string) =>
    database
      .select()
      .from(antomPayments)
      .where(and(eq(antomPayments.clientId, sql.placeholder("clientId")), eq(column, sql.placeholder("key"))))
      .limit(1)
      .prepare(name);
  return {
    byId: database
      .select()
      .from(antomPayments)
      .where(eq(antomPayments.paymentId, sql.placeholder("paymentId")))
      .limit(1)
      .prepare("antom_payment_by_id"),
    byPaymentId: byClient(antomPayments.paymentId, "antom_payment_by_client_and_id"),
    byRequestId: byClient(antomPayments.paymentRequestId, "antom_payment_by_client_and_request"),
    // Each answer is kept for the request's repeats (a plain text column).
    setFirstAnswer: database
      .update(antomPayments)
      .set({ firstAnswer: sql`${sql.placeholder("firstAnswer")}` })
      .where(eq(antomPayments.paymentId, sql.placeholder("paymentId")))
      .prepare("antom_payment_set_answer"),
    setTransactionAnswer: database
      .update(antomTransactions)
      .set({ firstAnswer: sql`${sql.placeholder("firstAnswer")}` })
      .where(eq(antomTransactions.id, sql.placeholder("id")))
      .prepare("antom_transaction_set_answer"),
  };
});

export async function setFirstAnswer(paymentId: string, firstAnswer: string): Promise<void> {
  await (await lookups()).setFirstAnswer.execute({ paymentId, firstAnswer });
}

export async function findPayment(paymentId: string): Promise<AntomPaymentRow | undefined> {
  const [row] = (await (await lookups()).byId.execute({ paymentId })) as AntomPaymentRow[];
  return row;
}

export async function findPaymentOf(
  clientId: string,
  by: { paymentId?: string; paymentRequestId?: string },
): Promise<AntomPaymentRow | undefined> {
  const prepared = await lookups();
  const [row] = (
    by.paymentId
      ? await prepared.byPaymentId.execute({ clientId, key: by.paymentId })
      : await prepared.byRequestId.execute({ clientId, key: by.paymentRequestId ?? "" })
  ) as AntomPaymentRow[];
  return row;
}

type Movable = Partial<Omit<AntomPaymentRow, "paymentId" | "clientId" | "paymentRequestId" | "createdAt">>;

/** Moves a payment out of `from` (compare-and-set); undefined when it was no longer there. */
export async function movePayment(
  paymentId: string,
  from: readonly AntomStatus[],
  to: AntomStatus,
  extra: Movable = {},
): Promise<AntomPaymentRow | undefined> {
  const updatedAt = await emulatorNow();
  const [row] = await (
    await emulatorDb()
  )
    .update(antomPayments)
    .set({ ...extra, status: to, updatedAt })
    .where(and(eq(antomPayments.paymentId, paymentId), inArray(antomPayments.status, [...from])))
    .returning();
  return row;
}

export async function dueSettlements(now?: Date): Promise<AntomPaymentRow[]> {
  const at = now ?? (await emulatorNow());
  return (await emulatorDb())
    .select()
    .from(antomPayments)
    .where(
      and(
        eq(antomPayments.status, "PROCESSING"),
        eq(antomPayments.awaitingChallenge, false),
        lte(antomPayments.settleAt, at),
      ),
    );
}

export async function findTransaction(
  clientId: string,
  kind: AntomKind,
  requestId: string,
): Promise<AntomTransactionRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(antomTransactions)
    .where(
      and(
        eq(antomTransactions.clientId, clientId),
        eq(antomTransactions.kind, kind),
        eq(antomTransactions.requestId, requestId),
      ),
    )
    .limit(1);
  return row;
}

export async function findTransactionById(
  clientId: string,
  kind: AntomKind,
  id: string,
): Promise<AntomTransactionRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(antomTransactions)
    .where(
      and(eq(antomTransactions.clientId, clientId), eq(antomTransactions.kind, kind), eq(antomTransactions.id, id)),
    )
    .limit(1);
  return row;
}

export async function transactionsOf(paymentId: string): Promise<AntomTransactionRow[]> {
  return (await emulatorDb())
    .select()
    .from(antomTransactions)
    .where(eq(antomTransactions.paymentId, paymentId))
    .orderBy(asc(antomTransactions.createdAt));
}

export async function setTransactionAnswer(id: string, firstAnswer: string): Promise<void> {
  await (await lookups()).setTransactionAnswer.execute({ id, firstAnswer });
}

/**
 * Moves a PROCESSING payment to SUCCESS in one transaction: with captureMode AUTOMATIC it
 * is captured at once (a CAPTURE row), and a card token asked for is stored.
 */
export async function completePayment(
  paymentId: string,
  extra: Movable,
  capture:
    | Omit<typeof antomTransactions.$inferInsert, "paymentId" | "amountMinor" | "currency" | "clientId" | "kind">
    | undefined,
  token: Omit<typeof antomCardTokens.$inferInsert, "clientId"> | undefined,
): Promise<{ payment: AntomPaymentRow; capture?: AntomTransactionRow } | undefined> {
  // Read before the transaction: inside it only `tx` is used.
  const now = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    // Locked: the update below decides on this row's status, capture mode and amount.
    const [current] = await lockRows(
      tx.select().from(antomPayments).where(eq(antomPayments.paymentId, paymentId)).limit(1),
    );
    if (!current || current.status !== "PROCESSING") return undefined;
    const automatic = current.captureMode === "AUTOMATIC";
    const [payment] = await tx
      .update(antomPayments)
      .set({
        ...extra,
        status: "SUCCESS",
        awaitingChallenge: false,
        settleAt: null,
        paymentTime: extra.paymentTime ?? now,
        capturedMinor: automatic ? current.amountMinor : 0,
        captureClosed: automatic,
        cardToken: current.tokenizeRequested && token ? token.token : null,
        updatedAt: now,
      })
      .where(eq(antomPayments.paymentId, paymentId))
      .returning();
    if (current.tokenizeRequested && token)
      await tx.insert(antomCardTokens).values({ ...token, clientId: current.clientId });
    const [captured] =
      automatic && capture
        ? await tx
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
        : [undefined];
    return { payment, capture: captured };
  });
}

export type Refusal = "ORDER_STATUS_INVALID" | "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" | "REFUND_AMOUNT_EXCEED";

/** Records a manual capture (the first and only one) in one transaction, or says why not. */
export async function recordCapture(
  values: typeof antomTransactions.$inferInsert,
): Promise<AntomTransactionRow | Refusal> {
  const now = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    const [payment] = await lockRows(
      tx.select().from(antomPayments).where(eq(antomPayments.paymentId, values.paymentId)).limit(1),
    );
    if (!payment || payment.status !== "SUCCESS" || payment.captureMode !== "MANUAL" || payment.captureClosed)
      return "ORDER_STATUS_INVALID" as const;
    if (values.amountMinor > payment.amountMinor - payment.capturedMinor)
      return "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT" as const;
    await tx
      .update(antomPayments)
      .set({
        capturedMinor: payment.capturedMinor + values.amountMinor,
        captureClosed: true,
        updatedAt: now,
      })
      .where(eq(antomPayments.paymentId, payment.paymentId));
    const [row] = await tx.insert(antomTransactions).values(values).returning();
    return row;
  });
}

/** Records a refund of captured money in one transaction, or says why not. */
export async function recordRefund(
  values: typeof antomTransactions.$inferInsert,
): Promise<AntomTransactionRow | Refusal> {
  const now = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    const [payment] = await lockRows(
      tx.select().from(antomPayments).where(eq(antomPayments.paymentId, values.paymentId)).limit(1),
    );
    if (!payment || payment.status !== "SUCCESS" || payment.capturedMinor === 0) return "ORDER_STATUS_INVALID" as const;
    if (payment.refundedMinor + values.amountMinor > payment.capturedMinor) return "REFUND_AMOUNT_EXCEED" as const;
    await tx
      .update(antomPayments)
      .set({ refundedMinor: payment.refundedMinor + values.amountMinor, updatedAt: now })
      .where(eq(antomPayments.paymentId, payment.paymentId));
    const [row] = await tx.insert(antomTransactions).values(values).returning();
    return row;
  });
}

/** Cancels an authorized, not captured payment in one transaction, or says why not. */
export async function recordCancel(
  values: typeof antomTransactions.$inferInsert,
): Promise<AntomTransactionRow | Refusal> {
  const now = await emulatorNow();
  return emulatorTransaction(async (tx) => {
    const [cancelled] = await tx
      .update(antomPayments)
      .set({ status: "CANCELLED", captureClosed: true, updatedAt: now })
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
      .returning();
    if (!cancelled) return "ORDER_STATUS_INVALID" as const;
    const [row] = await tx.insert(antomTransactions).values(values).returning();
    return row;
  });
}

export async function findCardToken(clientId: string, token: string): Promise<AntomCardTokenRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(antomCardTokens)
    .where(and(eq(antomCardTokens.clientId, clientId), eq(antomCardTokens.token, token)))
    .limit(1);
  return row;
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as paymentRequestId), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export async function chargesFor(reference: string): Promise<{ id: string; status: string }[]> {
  return (await emulatorDb())
    .select({ id: antomPayments.paymentId, status: antomPayments.status })
    .from(antomPayments)
    .where(eq(antomPayments.paymentRequestId, reference));
}

/** When the next PROCESSING payment after `after` settles (emulator ms), if any. */
export async function nextDeadline(after: Date): Promise<number | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select({ at: min(antomPayments.settleAt) })
    .from(antomPayments)
    .where(
      and(
        eq(antomPayments.status, "PROCESSING"),
        eq(antomPayments.awaitingChallenge, false),
        gt(antomPayments.settleAt, after),
      ),
    );
  return earliestMs(row?.at);
}
