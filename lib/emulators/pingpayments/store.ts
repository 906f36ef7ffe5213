import { earliestMs, emulatorNow } from "../clock";
import { and, eq, gt, inArray, lte, min, sql } from "drizzle-orm";
import { emulatorDatabaseUrl } from "@/lib/serve-mode";
import { changedRows, emulatorDb } from "../db";
import type { PingPaymentOrderRow, PingPaymentRow } from "./schema";
import { pingPaymentOrders, pingPayments } from "./tables";

export type PingStatus = PingPaymentRow["status"];

export async function insertPaymentOrder(values: {
  id: string;
  tenantId: string;
  splitTreeId: string;
  currency: string;
}): Promise<PingPaymentOrderRow> {
  const [row] = await (await emulatorDb()).insert(pingPaymentOrders).values(values).returning();
  return row;
}

export async function findPaymentOrder(tenantId: string, id: string): Promise<PingPaymentOrderRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingPaymentOrders)
    .where(and(eq(pingPaymentOrders.id, id), eq(pingPaymentOrders.tenantId, tenantId)))
    .limit(1);
  return row;
}

export async function insertPayment(values: typeof pingPayments.$inferInsert): Promise<PingPaymentRow> {
  const [row] = await (await emulatorDb()).insert(pingPayments).values(values).returning();
  return row;
}

export async function findPayment(id: string): Promise<PingPaymentRow | undefined> {
  const [row] = await (await emulatorDb()).select().from(pingPayments).where(eq(pingPayments.id, id)).limit(1);
  return row;
}

export async function listPaymentsInOrder(tenantId: string, paymentOrderId: string): Promise<PingPaymentRow[]> {
  return (await emulatorDb())
    .select()
    .from(pingPayments)
    .where(and(eq(pingPayments.paymentOrderId, paymentOrderId), eq(pingPayments.tenantId, tenantId)))
    .orderBy(pingPayments.createdAt);
}

export async function findPaymentInOrder(
  tenantId: string,
  paymentOrderId: string,
  id: string,
): Promise<PingPaymentRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(pingPayments)
    .where(
      and(
        eq(pingPayments.id, id),
        eq(pingPayments.paymentOrderId, paymentOrderId),
        eq(pingPayments.tenantId, tenantId),
      ),
    )
    .limit(1);
  return row;
}

/**
 * Moves a payment out of `from` (compare-and-set) and returns the new row, or undefined when
 * it was no longer in `from` (a double click on the hosted page changes it once).
 */
export async function movePayment(
  id: string,
  from: readonly PingStatus[],
  to: PingStatus,
  extra: Partial<
    Pick<
      PingPaymentRow,
      "statusReasonCode" | "statusReasonDescription" | "cardMasked" | "settleAt" | "callbackBehaviour"
    >
  > = {},
): Promise<PingPaymentRow | undefined> {
  const now = await emulatorNow();
  const [row] = await (
    await emulatorDb()
  )
    .update(pingPayments)
    .set({ ...extra, status: to, updatedAt: now })
    .where(and(eq(pingPayments.id, id), inArray(pingPayments.status, [...from])))
    .returning();
  return row;
}

export async function duePendingSettlements(now?: Date): Promise<PingPaymentRow[]> {
  const at = now ?? (await emulatorNow());
  return (await emulatorDb())
    .select()
    .from(pingPayments)
    .where(and(eq(pingPayments.status, "PENDING"), lte(pingPayments.settleAt, at)));
}

/** Moves a payment order out of `from` (compare-and-set); false when it was no longer there. */
export async function markPaymentOrderStatus(
  id: string,
  from: readonly PingPaymentOrderRow["status"][],
  to: PingPaymentOrderRow["status"],
): Promise<boolean> {
  const moved = await (
    await emulatorDb()
  )
    .update(pingPaymentOrders)
    .set({ status: to })
    .where(and(eq(pingPaymentOrders.id, id), inArray(pingPaymentOrders.status, [...from])));
  return changedRows(moved) === 1;
}

/** The merchant reference a payment's metadata carries, in the active dialect's JSON (text, or jsonb). */
function merchantReferenceOf() {
  return emulatorDatabaseUrl()
    ? sql`${pingPayments.metadata} ->> 'merchant_reference'`
    : sql`json_extract(${pingPayments.metadata}, '$.merchant_reference')`;
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as metadata.merchant_reference), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export async function chargesFor(reference: string): Promise<{ id: string; status: string }[]> {
  return (await emulatorDb())
    .select({ id: pingPayments.id, status: pingPayments.status })
    .from(pingPayments)
    .where(sql`${merchantReferenceOf()} = ${reference}`);
}

/** When the next PENDING payment after `after` completes (emulator ms), if any. */
export async function nextDeadline(after: Date): Promise<number | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select({ at: min(pingPayments.settleAt) })
    .from(pingPayments)
    .where(and(eq(pingPayments.status, "PENDING"), gt(pingPayments.settleAt, after)));
  return earliestMs(row?.at);
}
