import "server-only";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db, lockRows, writeTransaction } from "../client";
import { leases, limitCounters, notificationCounts } from "../tables";

/**
 * What several shop instances share beside orders and payments: counters of the limits
 * (pay attempts, sign-in failures), the counts of notifications the shop did not store, and
 * leases on background work. Process memory would give each instance its own.
 */

/**
 * Reads the states of `keys` (missing ones as `initial`), lets `decide` answer and give the states
 * to keep, and writes those, in one write transaction with the rows locked (keys in one order,
 * so two instances never wait on each other crosswise).
 */
export async function withLimitCounters<Answer>(
  keys: readonly string[],
  initial: unknown,
  decide: (states: Map<string, unknown>) => { answer: Answer; keep?: Map<string, unknown> },
): Promise<Answer> {
  const sorted = [...new Set(keys)].sort();
  return writeTransaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(limitCounters)
      .values(sorted.map((key) => ({ key, state: initial, updatedAt: now })))
      .onConflictDoNothing();
    const rows = await lockRows(
      tx
        .select({ key: limitCounters.key, state: limitCounters.state })
        .from(limitCounters)
        .where(inArray(limitCounters.key, sorted))
        .orderBy(asc(limitCounters.key)),
    );
    const { answer, keep } = decide(new Map(rows.map((row) => [row.key, row.state])));
    for (const [key, state] of keep ?? []) {
      await tx.update(limitCounters).set({ state, updatedAt: now }).where(eq(limitCounters.key, key));
    }
    return answer;
  });
}

/** Forgets counters nobody touched since `before` (no limit remembers longer than a day). */
export async function forgetLimitCounters(before: Date): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.delete(limitCounters).where(lt(limitCounters.updatedAt, before));
  });
}

export type NotificationCountKind = "refused" | "unchanged";

export interface NotificationCount {
  provider: string;
  count: number;
  lastAt: Date;
  lastStatus: number;
  lastReason: string;
}

/** Adds one to a provider's count of `kind` (one row per kind and provider: it never grows with the requests). */
export async function countNotification(
  kind: NotificationCountKind,
  provider: string,
  lastStatus: number,
  lastReason: string,
): Promise<void> {
  const lastAt = new Date();
  await writeTransaction(async (tx) => {
    await tx
      .insert(notificationCounts)
      .values({ kind, provider, count: 1, lastAt, lastStatus, lastReason })
      .onConflictDoUpdate({
        target: [notificationCounts.kind, notificationCounts.provider],
        set: { count: sql`${notificationCounts.count} + 1`, lastAt, lastStatus, lastReason },
      });
  });
}

/** Each provider's count of `kind`, by provider. */
export async function listNotificationCounts(kind: NotificationCountKind): Promise<NotificationCount[]> {
  return (await db())
    .select({
      provider: notificationCounts.provider,
      count: notificationCounts.count,
      lastAt: notificationCounts.lastAt,
      lastStatus: notificationCounts.lastStatus,
      lastReason: notificationCounts.lastReason,
    })
    .from(notificationCounts)
    .where(eq(notificationCounts.kind, kind))
    .orderBy(asc(notificationCounts.provider));
}

/** Starts the counts over (the demo reset). */
export async function clearNotificationCounts(): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.delete(notificationCounts);
  });
}

/**
 * Takes the lease `name` for `holder` until `until`, when nobody holds it: its last `until` is
 * before `freeAfter` (now, or earlier to keep a pause after the last holder), or `holder` holds it
 * already. A compare-and-set, so one of several instances asking at once gets it. Answers whether
 * `holder` holds it now.
 */
export async function takeLease(name: string, holder: string, until: Date, freeAfter = new Date()): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const inserted = await tx
      .insert(leases)
      .values({ name, holder, until })
      .onConflictDoNothing()
      .returning({ name: leases.name });
    if (inserted.length === 1) return true;
    const taken = await tx
      .update(leases)
      .set({ holder, until })
      .where(and(eq(leases.name, name), or(lt(leases.until, freeAfter), eq(leases.holder, holder))))
      .returning({ name: leases.name });
    return taken.length === 1;
  });
}

/** Ends `holder`'s lease `name` at `until` (now: free at once; later: nobody may take it before). */
export async function endLease(name: string, holder: string, until = new Date()): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx
      .update(leases)
      .set({ until })
      .where(and(eq(leases.name, name), eq(leases.holder, holder)));
  });
}
