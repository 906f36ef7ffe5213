import "server-only";
import { and, asc, eq, lt, or, sql } from "drizzle-orm";
import {
  db,
  driverValue,
  lockRows,
  toDriver,
  writeTransaction,
  type ShopDatabase,
  type ShopTransaction,
} from "../client";
import { leases, limitCounters, notificationCounts } from "../tables";

/**
 * What several shop instances share beside orders and payments: counters of the limits
 * (pay attempts, sign-in failures), the counts of notifications the shop did not store, and
 * leases on background work. Process memory would give each instance its own.
 */

type LimitDecision<Answer> = (states: Map<string, unknown>) => { answer: Answer; keep?: Map<string, unknown> };

/**
 * Reads the states of `keys` (missing ones as `initial`), lets `decide` answer and give the states
 * to keep, and writes those, in one write transaction with the rows locked (keys in one order,
 * so two instances never wait on each other crosswise).
 */
export async function withLimitCounters<Answer>(
  keys: readonly string[],
  initial: unknown,
  decide: LimitDecision<Answer>,
): Promise<Answer> {
  return writeTransaction((tx) => withLimitCountersIn(tx, keys, initial, decide));
}

/**
 * The same in `tx`, a write transaction the caller runs: the counts commit (or roll back) with the
 * caller's other writes. It runs first in `tx`, before any other lock is taken: counters are locked
 * before anything else, in the keys' one order, so no two transactions wait on each other crosswise.
 */
export async function withLimitCountersIn<Answer>(
  tx: ShopTransaction,
  keys: readonly string[],
  initial: unknown,
  decide: LimitDecision<Answer>,
): Promise<Answer> {
  const sorted = [...new Set(keys)].sort();
  const statements = counterStatements(tx);
  const updatedAt = toDriver(limitCounters.updatedAt, new Date());
  const states = new Map<string, unknown>();
  for (const key of sorted) {
    await statements.insert.execute({ key, state: toDriver(limitCounters.state, initial), updatedAt });
    const [row] = await statements.locked.execute({ key });
    states.set(key, row?.state);
  }
  const { answer, keep } = decide(states);
  for (const [key, state] of keep ?? []) {
    await statements.update.execute({ key, state: toDriver(limitCounters.state, state), updatedAt });
  }
  return answer;
}

/**
 * A limit's statements, prepared once per database (on every Pay and sign-in: drizzle would build
 * their SQL again on each call); on PostgreSQL once per transaction, which must run its own.
 */
function prepareCounterStatements(database: ShopDatabase) {
  return {
    insert: database
      .insert(limitCounters)
      .values({ key: driverValue("key"), state: driverValue("state"), updatedAt: driverValue("updatedAt") })
      .onConflictDoNothing()
      .prepare("limit_counters_insert"),
    locked: lockRows(
      database
        .select({ state: limitCounters.state })
        .from(limitCounters)
        .where(eq(limitCounters.key, sql.placeholder("key"))),
    ).prepare("limit_counters_locked"),
    update: database
      .update(limitCounters)
      .set({ state: driverValue("state"), updatedAt: driverValue("updatedAt") })
      .where(eq(limitCounters.key, sql.placeholder("key")))
      .prepare("limit_counters_update"),
  };
}
const preparedCounterStatements = new WeakMap<ShopDatabase, ReturnType<typeof prepareCounterStatements>>();

function counterStatements(database: ShopDatabase): ReturnType<typeof prepareCounterStatements> {
  let prepared = preparedCounterStatements.get(database);
  if (!prepared) preparedCounterStatements.set(database, (prepared = prepareCounterStatements(database)));
  return prepared;
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
