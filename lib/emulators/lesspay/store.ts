import { earliestMs, emulatorNow } from "../clock";
import { and, eq, gt, inArray, isNotNull, lte, min } from "drizzle-orm";
import { emulatorDb } from "../db";
import { outbox, type OutboxRow } from "../schema";
import { lesspayCardTokens, lesspayOrders, type LesspayCardTokenRow, type LesspayOrderRow } from "./schema";

export function insertOrder(values: typeof lesspayOrders.$inferInsert): LesspayOrderRow {
  return emulatorDb().insert(lesspayOrders).values(values).returning().get();
}

export function findOrder(payOrderId: string): LesspayOrderRow | undefined {
  return emulatorDb().select().from(lesspayOrders).where(eq(lesspayOrders.payOrderId, payOrderId)).get();
}

export function findOrderOf(
  appId: string,
  by: { payOrderId?: string; requestId?: string },
): LesspayOrderRow | undefined {
  const where = by.payOrderId
    ? and(eq(lesspayOrders.appId, appId), eq(lesspayOrders.payOrderId, by.payOrderId))
    : and(eq(lesspayOrders.appId, appId), eq(lesspayOrders.requestId, by.requestId ?? ""));
  return emulatorDb().select().from(lesspayOrders).where(where).get();
}

type Changes = Partial<Omit<LesspayOrderRow, "payOrderId" | "appId" | "requestId" | "createdAt">>;

/** Updates an order still in one of `from` (compare-and-set); undefined when it was no longer there. */
export function moveOrder(payOrderId: string, from: readonly number[], changes: Changes): LesspayOrderRow | undefined {
  return emulatorDb()
    .update(lesspayOrders)
    .set({ ...changes, updatedAt: emulatorNow() })
    .where(and(eq(lesspayOrders.payOrderId, payOrderId), inArray(lesspayOrders.status, [...from])))
    .returning()
    .get();
}

export function updateOrder(payOrderId: string, changes: Changes): void {
  emulatorDb()
    .update(lesspayOrders)
    .set({ ...changes, updatedAt: emulatorNow() })
    .where(eq(lesspayOrders.payOrderId, payOrderId))
    .run();
}

/** Processing orders whose scripted outcome is due (not waiting for a 3DS challenge). */
export function dueSettlements(now = emulatorNow()): LesspayOrderRow[] {
  return emulatorDb()
    .select()
    .from(lesspayOrders)
    .where(
      and(eq(lesspayOrders.status, 1), eq(lesspayOrders.awaitingChallenge, false), lte(lesspayOrders.settleAt, now)),
    )
    .all();
}

export function ordersWithPendingRiskEvent(): LesspayOrderRow[] {
  return emulatorDb().select().from(lesspayOrders).where(isNotNull(lesspayOrders.pendingRiskEvent)).all();
}

export function findOutboxRow(id: number): OutboxRow | undefined {
  return emulatorDb().select().from(outbox).where(eq(outbox.id, id)).get();
}

export function insertCardToken(values: typeof lesspayCardTokens.$inferInsert): LesspayCardTokenRow {
  return emulatorDb().insert(lesspayCardTokens).values(values).returning().get();
}

export function findCardToken(appId: string, token: string): LesspayCardTokenRow | undefined {
  return emulatorDb()
    .select()
    .from(lesspayCardTokens)
    .where(and(eq(lesspayCardTokens.appId, appId), eq(lesspayCardTokens.token, token)))
    .get();
}

/**
 * The payments recorded for a merchant reference (the shop's payment id, sent as request_id), with their
 * statuses: the control plane's "the provider saw one charge".
 */
export function chargesFor(reference: string): { id: string; status: string }[] {
  return emulatorDb()
    .select({ id: lesspayOrders.payOrderId, status: lesspayOrders.status })
    .from(lesspayOrders)
    .where(eq(lesspayOrders.requestId, reference))
    .all()
    .map((row) => ({ id: row.id, status: String(row.status) }));
}

/** When the next processing order after `after` settles (emulator ms), if any. */
export function nextDeadline(after: Date): number | undefined {
  const row = emulatorDb()
    .select({ at: min(lesspayOrders.settleAt) })
    .from(lesspayOrders)
    .where(
      and(eq(lesspayOrders.status, 1), eq(lesspayOrders.awaitingChallenge, false), gt(lesspayOrders.settleAt, after)),
    )
    .get();
  return earliestMs(row?.at);
}
