import { and, asc, eq, gt, lte } from "drizzle-orm";
import { emulatorNow, emulatorNowMs, scaledMs } from "./clock";
import { emulatorDb } from "./db";
import { mayConnect, REFUSED_BY_POLICY } from "./outbound-url";
import { outbox, outboxAttempts, type OutboxRow } from "./schema";

/**
 * The emulators' durable notification outbox. A notification is a row first and an HTTP POST
 * second: it survives a restart, is retried on its provider's schedule (scaled by
 * EMULATOR_TIME_SCALE) until the merchant acknowledges it (any 2xx, or the provider's own rule:
 * see AckRule), and every attempt is recorded.
 */

interface WorkerState {
  timer?: ReturnType<typeof setInterval>;
  inFlight: Set<number>;
  ticking: boolean;
  /** Scheduled per-provider jobs run on each tick (e.g. settling a pending payment). */
  jobs: Map<string, () => void>;
  /** The acknowledgement rules by name (any_2xx, and each emulator's own). */
  ackRules: Map<string, AckRule>;
  /** A delivery run is already queued for the notifications enqueued now (see scheduleDelivery). */
  deliveryQueued?: boolean;
  /** The clock is being advanced (./clock-advance.ts): it runs the jobs and attempts itself, in order. */
  advancing?: boolean;
}

const state: WorkerState = ((globalThis as Record<string, unknown>).__emulatorOutbox ??= {
  inFlight: new Set<number>(),
  ticking: false,
  jobs: new Map(),
  ackRules: new Map(),
}) as WorkerState;

/**
 * What counts as an acknowledgement beyond the 2xx every rule needs: a provider's own answer body
 * (an emulator's descriptor carries its rule). The outbox row keeps the rule's name.
 */
export interface AckRule {
  /** Stored with each notification, so a row from before a restart finds its rule again. */
  name: string;
  /** Whether a 2xx answer's body acknowledges the notification. */
  accepts(body: string | undefined): boolean;
}

/** The default: every 2xx acknowledges, whatever its body. */
export const ANY_2XX: AckRule = { name: "any_2xx", accepts: () => true };
state.ackRules.set(ANY_2XX.name, ANY_2XX);

/** Whether an answer acknowledges a notification under `rule` (a rule this process does not know: never). */
export function isAcknowledged(
  rule: AckRule | undefined,
  httpStatus: number | null,
  body: string | undefined,
): boolean {
  if (httpStatus === null || httpStatus < 200 || httpStatus >= 300) return false;
  return rule?.accepts(body) ?? false;
}

/** What the worker needs of each emulator: its rule and its scheduled jobs (see ./descriptor.ts). */
export interface OutboxClient {
  acknowledgement?: AckRule;
  jobs: Readonly<Record<string, () => void>>;
}

export interface Notification {
  provider: string;
  subject: string;
  /** The merchant's own reference of the payment (for the QA console's lookups). */
  reference?: string | null;
  targetUrl: string;
  body: string;
  headers?: Record<string, string>;
  /** Seconds between attempts after a failure. */
  retrySchedule: readonly number[];
  /** Seconds before the first attempt (a late notification). */
  delaySeconds?: number;
  /** What counts as delivered (default any 2xx). */
  ackRule?: AckRule;
}

export function enqueueNotification({ ackRule = ANY_2XX, ...notification }: Notification): OutboxRow {
  state.ackRules.set(ackRule.name, ackRule);
  return insertNotification({ ...notification, ackRule: ackRule.name });
}

/** Enqueues the very same notification again (same target, headers, body and rule). */
export function requeueNotification(row: OutboxRow): OutboxRow {
  return insertNotification({
    provider: row.provider,
    subject: row.subject,
    reference: row.reference,
    targetUrl: row.targetUrl,
    body: row.body,
    headers: row.headers,
    retrySchedule: row.retrySchedule,
    ackRule: row.ackRule,
  });
}

function insertNotification(notification: Omit<Notification, "ackRule"> & { ackRule: string }): OutboxRow {
  const row = emulatorDb()
    .insert(outbox)
    .values({
      provider: notification.provider,
      subject: notification.subject,
      reference: notification.reference ?? null,
      targetUrl: notification.targetUrl,
      body: notification.body,
      headers: { "content-type": "application/json", ...notification.headers },
      retrySchedule: [...notification.retrySchedule],
      ackRule: notification.ackRule,
      nextAttemptAt: new Date(emulatorNowMs() + scaledMs(notification.delaySeconds ?? 0)),
    })
    .returning()
    .get();
  scheduleDelivery(scaledMs(notification.delaySeconds ?? 0));
  return row;
}

/**
 * Delivers the notifications due in `ms`. The ones due now share one queued run: a request that
 * enqueues two (a payment result and a capture result) would otherwise run every provider's
 * jobs and the due-rows query twice, in the same process as the shop, on the shopper's Pay.
 */
function scheduleDelivery(ms: number): void {
  if (ms > 0) {
    setTimeout(() => void deliverDueNotifications(), ms);
    return;
  }
  if (state.deliveryQueued) return;
  state.deliveryQueued = true;
  setTimeout(() => {
    state.deliveryQueued = false;
    void deliverDueNotifications();
  }, 0);
}

/** What an attempt that got no HTTP answer records, whatever the cause. */
export const COULD_NOT_CONNECT = "could not connect";

async function deliver(row: OutboxRow): Promise<void> {
  const started = Date.now();
  const attemptedAt = emulatorNow();
  let httpStatus: number | null = null;
  let error: string | null = null;
  let answer: string | undefined;
  let refused = false;
  try {
    // Checked again here, not only when the URL was registered: a row from before, or a replay.
    refused = !(await mayConnect(row.targetUrl));
    if (refused) {
      error = REFUSED_BY_POLICY;
    } else {
      // A redirect is an answer (3xx), never followed: it could lead anywhere the policy refuses.
      const response = await fetch(row.targetUrl, {
        method: "POST",
        headers: row.headers,
        body: row.body,
        signal: AbortSignal.timeout(15_000),
        redirect: "manual",
      });
      httpStatus = response.status;
      answer = await response.text().catch(() => undefined);
    }
  } catch {
    // One text for a refused connection, a timeout and an unknown host: the notification view must
    // not tell an open port from a closed or filtered one (it would be a port scanner).
    error = COULD_NOT_CONNECT;
  }
  const attempts = row.attempts + 1;
  const delivered = isAcknowledged(state.ackRules.get(row.ackRule), httpStatus, answer);
  if (!delivered && error === null && httpStatus !== null && httpStatus >= 200 && httpStatus < 300)
    error = "Answered 2xx without the acknowledgement body";
  // A refused target stays refused: no retries.
  const wait = refused ? undefined : row.retrySchedule[attempts - 1];
  const database = emulatorDb();
  database.transaction((tx) => {
    tx.insert(outboxAttempts)
      .values({ outboxId: row.id, attemptedAt, httpStatus, error, durationMs: Date.now() - started })
      .run();
    tx.update(outbox)
      .set({
        attempts,
        lastHttpStatus: httpStatus,
        lastError: error,
        status: delivered ? "delivered" : wait === undefined ? "gave_up" : "pending",
        deliveredAt: delivered ? emulatorNow() : null,
        nextAttemptAt: delivered || wait === undefined ? row.nextAttemptAt : new Date(emulatorNowMs() + scaledMs(wait)),
      })
      .where(eq(outbox.id, row.id))
      .run();
  });
  if (!delivered && wait !== undefined) setTimeout(() => void deliverDueNotifications(), scaledMs(wait) + 5);
}

/** Runs every emulator's scheduled jobs once (settling, expiring, closing what is due now). */
export function runJobs(): void {
  for (const job of state.jobs.values()) {
    try {
      job();
    } catch (error) {
      console.error("emulator job failed", error);
    }
  }
}

function dueRows(limit: number): OutboxRow[] {
  return emulatorDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, emulatorNow())))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all()
    .filter((row) => !state.inFlight.has(row.id));
}

async function deliverTracked(row: OutboxRow): Promise<void> {
  state.inFlight.add(row.id);
  try {
    await deliver(row);
  } finally {
    state.inFlight.delete(row.id);
  }
}

/** Delivers every notification that is due now (concurrently, each row at most once at a time). */
export async function deliverDueNotifications(): Promise<void> {
  if (state.advancing) return;
  runJobs();
  await Promise.all(dueRows(50).map(deliverTracked));
}

/**
 * Attempts the notifications due now one by one, earliest first (the clock's advance: each attempt
 * is recorded in its scheduled order). Answers how many attempts were made.
 */
export async function deliverDueInOrder(): Promise<number> {
  let attempts = 0;
  for (let due = dueRows(1)[0]; due; due = dueRows(1)[0]) {
    await deliverTracked(due);
    attempts += 1;
  }
  return attempts;
}

/** The earliest pending attempt's time after `after` (emulator ms), if any. */
export function nextAttemptMs(after: Date): number | undefined {
  const row = emulatorDb()
    .select({ at: outbox.nextAttemptAt })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), gt(outbox.nextAttemptAt, after)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(1)
    .get();
  return row?.at.getTime();
}

/**
 * Runs `work` with the background worker paused, after the deliveries already under way finish
 * (at most `waitMs`), so the clock's advance alone attempts what becomes due, in order.
 */
export async function whileWorkerPaused<T>(work: () => Promise<T>, waitMs = 20_000): Promise<T> {
  if (state.advancing) throw new Error("the clock is already being advanced");
  state.advancing = true;
  try {
    const deadline = Date.now() + waitMs;
    while (state.inFlight.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return await work();
  } finally {
    state.advancing = false;
  }
}

/** Whether an advance is under way in this process. */
export function isAdvancing(): boolean {
  return state.advancing === true;
}

/**
 * Starts the background delivery loop once per process, with every emulator's acknowledgement
 * rule (for rows enqueued before a restart) and jobs (idempotent by name).
 */
export function startOutboxWorker(emulators: readonly OutboxClient[], intervalMs = 500): void {
  for (const emulator of emulators) {
    if (emulator.acknowledgement) state.ackRules.set(emulator.acknowledgement.name, emulator.acknowledgement);
    for (const [name, job] of Object.entries(emulator.jobs)) state.jobs.set(name, job);
  }
  if (state.timer) return;
  state.timer = setInterval(() => {
    if (state.ticking || state.advancing) return;
    state.ticking = true;
    deliverDueNotifications()
      .catch((error) => console.error("emulator outbox tick failed", error))
      .finally(() => {
        state.ticking = false;
      });
  }, intervalMs);
  state.timer.unref?.();
}

export function listOutbox(limit = 100): OutboxRow[] {
  return emulatorDb().select().from(outbox).orderBy(asc(outbox.id)).limit(limit).all();
}
