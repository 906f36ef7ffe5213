import { earliestMs, emulatorNow } from "../clock";
import { and, eq, gt, inArray, lte, min, sql } from "drizzle-orm";
import { emulatorDb } from "../db";
import { pingPaymentOrders, pingPayments, type PingPaymentOrderRow, type PingPaymentRow } from "./schema";

export type PingStatus = PingPaymentRow["status"];

export function insertPaymentOrder(values: {
  id: string;
  tenantId: string;
  splitTreeId: string;
  currency: string;
}): PingPaymentOrderRow {
  return emulatorDb().insert(pingPaymentOrders).values(values).returning().get();
}

export function findPaymentOrder(tenantId: string, id: string): PingPaymentOrderRow | undefined {
  return emulatorDb()
    .select()
    .from(pingPaymentOrders)
    .where(and(eq(pingPaymentOrders.id, id), eq(pingPaymentOrders.tenantId, tenantId)))
    .get();
}

export function insertPayment(values: typeof pingPayments.$inferInsert): PingPaymentRow {
  return emulatorDb().insert(pingPayments).values(values).returning().get();
}

export function findPayment(id: string): PingPaymentRow | undefined {
  return emulatorDb().select().from(pingPayments).where(eq(pingPayments.id, id)).get();
}

export function listPaymentsInOrder(tenantId: string, paymentOrderId: string): PingPaymentRow[] {
  return emulatorDb()
    .select()
    .from(pingPayments)
    .where(and(eq(pingPayments.paymentOrderId, paymentOrderId), eq(pingPayments.tenantId, tenantId)))
    .orderBy(pingPayments.createdAt)
    .all();
}

export function findPaymentInOrder(tenantId: string, paymentOrderId: string, id: string): PingPaymentRow | undefined {
  return emulatorDb()
    .select()
    .from(pingPayments)
    .where(
      and(
        eq(pingPayments.id, id),
        eq(pingPayments.paymentOrderId, paymentOrderId),
        eq(pingPayments.tenantId, tenantId),
      ),
    )
    .get();
}

/**
 * Moves a payment out of `from` (compare-and-set) and returns the new row, or undefined when
 * it was no longer in `from` (a double click on the hosted page changes it once).
 */
export function movePayment(
  id: string,
  from: readonly PingStatus[],
  to: PingStatus,
  extra: Partial<
    Pick<
      PingPaymentRow,
      "statusReasonCode" | "statusReasonDescription" | "cardMasked" | "settleAt" | "callbackBehaviour"
    >
  > = {},
): PingPaymentRow | undefined {
  return emulatorDb()
    .update(pingPayments)
    .set({ ...extra, status: to, updatedAt: emulatorNow() })
    .where(and(eq(pingPayments.id, id), inArray(pingPayments.status, [...from])))
    .returning()
    .get();
}

export function duePendingSettlements(now = emulatorNow()): PingPaymentRow[] {
  return emulatorDb()
    .select()
    .from(pingPayments)
    .where(and(eq(pingPayments.status, "PENDING"), lte(pingPayments.settleAt, now)))
    .all();
}

/** Moves a payment order out of `from` (compare-and-set); false when it was no longer there. */
export function markPaymentOrderStatus(
  id: string,
  from: readonly PingPaymentOrderRow["status"][],
  to: PingPaymentOrderRow["status"],
): boolean {
  const moved = emulatorDb()
    .update(pingPaymentOrders)
    .set({ status: to })
    .where(and(eq(pingPaymentOrders.id, id), inArray(pingPaymentOrders.status, [...from])))
    .run();
  return moved.changes === 1;
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as metadata.merchant_reference), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export function chargesFor(reference: string): { id: string; status: string }[] {
  return emulatorDb()
    .select({ id: pingPayments.id, status: pingPayments.status })
    .from(pingPayments)
    .where(sql`json_extract(${pingPayments.metadata}, '$.merchant_reference') = ${reference}`)
    .all();
}

/** When the next PENDING payment after `after` completes (emulator ms), if any. */
export function nextDeadline(after: Date): number | undefined {
  const row = emulatorDb()
    .select({ at: min(pingPayments.settleAt) })
    .from(pingPayments)
    .where(and(eq(pingPayments.status, "PENDING"), gt(pingPayments.settleAt, after)))
    .get();
  return earliestMs(row?.at);
}
