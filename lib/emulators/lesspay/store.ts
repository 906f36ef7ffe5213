import { earliestMs, emulatorNow } from "../clock";
import { and, eq, gt, inArray, isNotNull, lte, min } from "drizzle-orm";
import { emulatorDb } from "../db";
import type { OutboxRow } from "../schema";
import { outbox } from "../tables";
import type { LesspayCardTokenRow, LesspayOrderRow } from "./schema";
import { lesspayCardTokens, lesspayOrders } from "./tables";

export async function insertOrder(values: typeof lesspayOrders.$inferInsert): Promise<LesspayOrderRow> {
  const [row] = await (await emulatorDb()).insert(lesspayOrders).values(values).returning();
  return row;
}

export async function findOrder(payOrderId: string): Promise<LesspayOrderRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(lesspayOrders)
    .where(eq(lesspayOrders.payOrderId, payOrderId))
    .limit(1);
  return row;
}

export async function findOrderOf(
  appId: string,
  by: { payOrderId?: string; requestId?: string },
): Promise<LesspayOrderRow | undefined> {
  const where = by.payOrderId
    ? and(eq(lesspayOrders.appId, appId), eq(lesspayOrders.payOrderId, by.payOrderId))
    : and(eq(lesspayOrders.appId, appId), eq(lesspayOrders.requestId, by.requestId ?? ""));
  const [row] = await (await emulatorDb()).select().from(lesspayOrders).where(where).limit(1);
  return row;
}

type Changes = Partial<Omit<LesspayOrderRow, "payOrderId" | "appId" | "requestId" | "createdAt">>;

/** Updates an order still in one of `from` (compare-and-set); undefined when it was no longer there. */
export async function moveOrder(
  payOrderId: string,
  from: readonly number[],
  changes: Changes,
): Promise<LesspayOrderRow | undefined> {
  const updatedAt = await emulatorNow();
  const [row] = await (
    await emulatorDb()
  )
    .update(lesspayOrders)
    .set({ ...changes, updatedAt })
    .where(and(eq(lesspayOrders.payOrderId, payOrderId), inArray(lesspayOrders.status, [...from])))
    .returning();
  return row;
}

export async function updateOrder(payOrderId: string, changes: Changes): Promise<void> {
  const updatedAt = await emulatorNow();
  await (
    await emulatorDb()
  )
    .update(lesspayOrders)
    .set({ ...changes, updatedAt })
    .where(eq(lesspayOrders.payOrderId, payOrderId));
}

/** Processing orders whose scripted outcome is due (not waiting for a 3DS challenge). */
export async function dueSettlements(now?: Date): Promise<LesspayOrderRow[]> {
  const at = now ?? (await emulatorNow());
  return (await emulatorDb())
    .select()
    .from(lesspayOrders)
    .where(
      and(eq(lesspayOrders.status, 1), eq(lesspayOrders.awaitingChallenge, false), lte(lesspayOrders.settleAt, at)),
    );
}

export async function ordersWithPendingRiskEvent(): Promise<LesspayOrderRow[]> {
  return (await emulatorDb()).select().from(lesspayOrders).where(isNotNull(lesspayOrders.pendingRiskEvent));
}

export async function findOutboxRow(id: number): Promise<OutboxRow | undefined> {
  const [row] = await (await emulatorDb()).select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row;
}

export async function insertCardToken(values: typeof lesspayCardTokens.$inferInsert): Promise<LesspayCardTokenRow> {
  const [row] = await (await emulatorDb()).insert(lesspayCardTokens).values(values).returning();
  return row;
}

export async function findCardToken(appId: string, token: string): Promise<LesspayCardTokenRow | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select()
    .from(lesspayCardTokens)
    .where(and(eq(lesspayCardTokens.appId, appId), eq(lesspayCardTokens.token, token)))
    .limit(1);
  return row;
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as request_id), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export async function chargesFor(reference: string): Promise<{ id: string; status: string }[]> {
  const rows = await (
    await emulatorDb()
  )
    .select({ id: lesspayOrders.payOrderId, status: lesspayOrders.status })
    .from(lesspayOrders)
    .where(eq(lesspayOrders.requestId, reference));
  return rows.map((row) => ({ id: row.id, status: String(row.status) }));
}

/** When the next processing order after `after` settles (emulator ms), if any. */
export async function nextDeadline(after: Date): Promise<number | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select({ at: min(lesspayOrders.settleAt) })
    .from(lesspayOrders)
    .where(
      and(eq(lesspayOrders.status, 1), eq(lesspayOrders.awaitingChallenge, false), gt(lesspayOrders.settleAt, after)),
    );
  return earliestMs(row?.at);
}
