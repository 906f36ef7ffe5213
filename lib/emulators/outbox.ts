import { and, asc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { after } from "next/server";
import { emulatorNow, emulatorNowMs, scaledMs } from "./clock";
import { emulatorDb, emulatorTransaction } from "./db";
import { mayConnect, REFUSED_BY_POLICY } from "./outbound-url";
import type { OutboxRow } from "./schema";
import { outbox, outboxAttempts } from "./tables";

/**
 * The emulators' durable notification outbox. A notification is a row first and an HTTP POST
 * second: it survives a restart, is retried on its provider's schedule (scaled by
 * EMULATOR_TIME_SCALE) until the merchant acknowledges it (any 2xx, or the provider's own rule:
 * see AckRule), and every attempt is recorded.
 *
 * Notifications leave after the answer, as the providers send them: an API call only stores the
 * row (the unsigned payload, its signer's name, target, schedule and forced behaviour); the
 * signing, a forced corruption and the POST happen here, DISPATCH_LATENCY_MS after the API's
 * answer has been sent.
 */

/**
 * How long after the answer a notification is first attempted (real time, not scaled) [guess:
 * each provider documents its notifications as asynchronous, none how soon one leaves; a
 * provider's queue takes at least this long]. Sent at once, a provider's notification would reach
 * the merchant while the merchant is still reading the very answer it follows (here the shop and
 * the emulators often share one process): a real one never does.
 */
export const DISPATCH_LATENCY_MS = 150;

interface WorkerState {
  timer?: ReturnType<typeof setInterval>;
  inFlight: Set<number>;
  ticking: boolean;
  /** Scheduled per-provider jobs run on each tick (e.g. settling a pending payment). */
  jobs: Map<string, () => Promise<void>>;
  /** The acknowledgement rules by name (any_2xx, and each emulator's own). */
  ackRules: Map<string, AckRule>;
  /** The notification signers by name (each signing emulator's own). */
  signers: Map<string, NotificationSigner>;
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
  signers: new Map(),
}) as WorkerState;
// A state made by an earlier version of this module (a dev server's hot reload) has no signers.
state.signers ??= new Map();

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

/** A notification as it goes on the wire: its body and headers. */
export interface Outgoing {
  body: string;
  headers: Record<string, string>;
}

/**
 * How a provider signs its notifications, run by the worker at each attempt (never inside the API
 * call), with the provider's key or secret of that moment. The row's name for it survives a restart.
 */
export interface NotificationSigner {
  /** Stored with each notification, so a row from before a restart finds its signer again. */
  name: string;
  /**
   * The notification signed for `targetUrl`: from its unsigned form, or from what an earlier
   * attempt sent (signed anew, with a fresh time where the provider signs one).
   */
  sign(notification: Outgoing, targetUrl: string): Promise<Outgoing>;
  /** The same signed notification with a signature that no longer verifies (a forced `bad_signature`). */
  corrupt(signed: Outgoing): Outgoing;
}

/** What the worker needs of each emulator: its rule, its signer and its scheduled jobs (see ./descriptor.ts). */
export interface OutboxClient {
  acknowledgement?: AckRule;
  notificationSigner?: NotificationSigner;
  jobs: Readonly<Record<string, () => Promise<void>>>;
}

export interface Notification {
  provider: string;
  /** Its kind in the provider's own words (e.g. a `notifyType` of PAYMENT_RESULT). */
  type: string;
  subject: string;
  /** The merchant's own reference of the payment (for the QA console's lookups). */
  reference?: string | null;
  targetUrl: string;
  /** The body as the provider sends it, unsigned when `signer` signs it at delivery. */
  body: string;
  headers?: Record<string, string>;
  /** Signs body and headers at each attempt (absent: sent as they are). */
  signer?: NotificationSigner;
  /** A forced `bad_signature`: the signer's signature is spoiled at each attempt. */
  badSignature?: boolean;
  /** Seconds between attempts after a failure. */
  retrySchedule: readonly number[];
  /** Seconds before the first attempt (a late notification). */
  delaySeconds?: number;
  /** What counts as delivered (default any 2xx). */
  ackRule?: AckRule;
}

/**
 * Stores a notification to be delivered after the current answer (or `delaySeconds` later):
 * nothing is signed or sent here.
 */
export async function enqueueNotification({
  ackRule = ANY_2XX,
  signer,
  ...notification
}: Notification): Promise<OutboxRow> {
  state.ackRules.set(ackRule.name, ackRule);
  if (signer) state.signers.set(signer.name, signer);
  return insertNotification({ ...notification, ackRule: ackRule.name, signer: signer?.name ?? null });
}

/**
 * Enqueues the very same notification again (same target, rule, headers and body): once sent, the
 * bytes of its last attempt, signature and all (as a replayed capture would be); before, the same
 * unsigned notification for its signer.
 */
export async function requeueNotification(row: OutboxRow): Promise<OutboxRow> {
  const sent = row.attempts > 0;
  return insertNotification({
    provider: row.provider,
    type: row.type ?? "",
    subject: row.subject,
    reference: row.reference,
    targetUrl: row.targetUrl,
    body: row.body,
    headers: row.headers,
    retrySchedule: row.retrySchedule,
    ackRule: row.ackRule,
    signer: sent ? null : row.signer,
    badSignature: sent ? false : row.badSignature,
  });
}

type StoredNotification = Omit<Notification, "ackRule" | "signer"> & { ackRule: string; signer: string | null };

async function insertNotification(notification: StoredNotification): Promise<OutboxRow> {
  const nowMs = await emulatorNowMs();
  const [row] = await (
    await emulatorDb()
  )
    .insert(outbox)
    .values({
      provider: notification.provider,
      type: notification.type || null,
      subject: notification.subject,
      reference: notification.reference ?? null,
      targetUrl: notification.targetUrl,
      body: notification.body,
      headers: { "content-type": "application/json", ...notification.headers },
      signer: notification.signer,
      badSignature: notification.badSignature ?? false,
      retrySchedule: [...notification.retrySchedule],
      ackRule: notification.ackRule,
      nextAttemptAt: new Date(nowMs + scaledMs(notification.delaySeconds ?? 0) + DISPATCH_LATENCY_MS),
    })
    .returning();
  scheduleDelivery(scaledMs(notification.delaySeconds ?? 0));
  return row;
}

/**
 * Delivers the notifications due in `ms` (plus the dispatch latency). The ones due now share one
 * queued run, started DISPATCH_LATENCY_MS after the answer of the request that enqueued them is
 * sent (Next's `after`; outside a request, e.g. a job on the worker's tick, from now): the signing
 * and the POSTs are never part of the API call, and a request that enqueues two (a payment result
 * and a capture result) runs every provider's jobs and the due-rows query once.
 */
function scheduleDelivery(ms: number): void {
  if (ms > 0) {
    setTimeout(() => void deliverDueNotifications(), ms + DISPATCH_LATENCY_MS);
    return;
  }
  if (state.deliveryQueued) return;
  state.deliveryQueued = true;
  afterTheAnswer(() => {
    state.deliveryQueued = false;
    setTimeout(() => void deliverDueNotifications(), DISPATCH_LATENCY_MS);
  });
}

/** Runs `work` once the current request's answer is sent, or soon when there is no request. */
function afterTheAnswer(work: () => void): void {
  try {
    after(work);
  } catch {
    // Not inside a request (`after` throws there): nothing to wait for.
    setTimeout(work, 0);
  }
}

/** What an attempt that could not sign the notification records (never the key or the error's text). */
export const COULD_NOT_SIGN = "could not sign";

/** The notification as this attempt sends it: signed now by its signer (then spoiled when forced), or as stored. */
async function outgoingOf(row: OutboxRow): Promise<Outgoing> {
  const stored = { body: row.body, headers: row.headers };
  if (!row.signer) return stored;
  const signer = state.signers.get(row.signer);
  if (!signer) throw new Error(`unknown notification signer ${row.signer}`);
  const signed = await signer.sign(stored, row.targetUrl);
  return row.badSignature ? signer.corrupt(signed) : signed;
}

/** What an attempt that got no HTTP answer records, whatever the cause. */
export const COULD_NOT_CONNECT = "could not connect";

async function deliver(row: OutboxRow): Promise<void> {
  const started = Date.now();
  const attemptedAt = await emulatorNow();
  let httpStatus: number | null = null;
  let error: string | null = null;
  let answer: string | undefined;
  let refused = false;
  let outgoing: Outgoing | undefined;
  try {
    outgoing = await outgoingOf(row);
  } catch {
    error = COULD_NOT_SIGN;
  }
  try {
    // Checked again here, not only when the URL was registered: a row from before, or a replay.
    refused = !(await mayConnect(row.targetUrl));
    if (refused) {
      error = REFUSED_BY_POLICY;
    } else if (outgoing) {
      // A redirect is an answer (3xx), never followed: it could lead anywhere the policy refuses.
      const response = await fetch(row.targetUrl, {
        method: "POST",
        headers: outgoing.headers,
        body: outgoing.body,
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
  const nowMs = await emulatorNowMs();
  await emulatorTransaction(async (tx) => {
    await tx
      .insert(outboxAttempts)
      .values({ outboxId: row.id, attemptedAt, httpStatus, error, durationMs: Date.now() - started });
    await tx
      .update(outbox)
      .set({
        // What this attempt sent (the view shows it; a replay resends it).
        ...(outgoing && { body: outgoing.body, headers: outgoing.headers }),
        attempts,
        lastHttpStatus: httpStatus,
        lastError: error,
        status: delivered ? "delivered" : wait === undefined ? "gave_up" : "pending",
        deliveredAt: delivered ? new Date(nowMs) : null,
        claimedUntil: null,
        nextAttemptAt: delivered || wait === undefined ? row.nextAttemptAt : new Date(nowMs + scaledMs(wait)),
      })
      .where(eq(outbox.id, row.id));
  });
  if (!delivered && wait !== undefined) setTimeout(() => void deliverDueNotifications(), scaledMs(wait) + 5);
}

/** Runs every emulator's scheduled jobs once (settling, expiring, closing what is due now). */
export async function runJobs(): Promise<void> {
  for (const job of state.jobs.values()) {
    try {
      await job();
    } catch (error) {
      console.error("emulator job failed", error);
    }
  }
}

async function dueRows(limit: number): Promise<OutboxRow[]> {
  const now = await emulatorNow();
  const rows = await (
    await emulatorDb()
  )
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
  return rows.filter(
    (row) => !state.inFlight.has(row.id) && !(row.claimedUntil && row.claimedUntil.getTime() > Date.now()),
  );
}

/** How long an attempt may hold its row (its fetch times out after 15 s). */
const CLAIM_MS = 30_000;

/**
 * Claims the row for one attempt: a compare-and-set on its attempt count and claim, so of the
 * processes serving the emulators from one database (or two ticks of one), one sends it.
 */
async function claimForAttempt(row: OutboxRow): Promise<boolean> {
  const now = Date.now();
  const claimed = await (
    await emulatorDb()
  )
    .update(outbox)
    .set({ claimedUntil: new Date(now + CLAIM_MS) })
    .where(
      and(
        eq(outbox.id, row.id),
        eq(outbox.status, "pending"),
        eq(outbox.attempts, row.attempts),
        or(isNull(outbox.claimedUntil), lte(outbox.claimedUntil, new Date(now))),
      ),
    )
    .returning({ id: outbox.id });
  return claimed.length === 1;
}

async function deliverTracked(row: OutboxRow): Promise<boolean> {
  if (state.inFlight.has(row.id) || !(await claimForAttempt(row))) return false;
  state.inFlight.add(row.id);
  try {
    await deliver(row);
    return true;
  } finally {
    state.inFlight.delete(row.id);
  }
}

/** Delivers every notification that is due now (concurrently, each row at most once at a time). */
export async function deliverDueNotifications(): Promise<void> {
  if (state.advancing) return;
  await runJobs();
  await Promise.all((await dueRows(50)).map(deliverTracked));
}

/**
 * Attempts the notifications due now one by one, earliest first (the clock's advance: each attempt
 * is recorded in its scheduled order). Answers how many attempts were made.
 */
export async function deliverDueInOrder(): Promise<number> {
  let attempts = 0;
  for (let [due] = await dueRows(1); due; [due] = await dueRows(1)) {
    if (await deliverTracked(due)) attempts += 1;
  }
  return attempts;
}

/** The earliest pending attempt's time after `after` (emulator ms), if any. */
export async function nextAttemptMs(after: Date): Promise<number | undefined> {
  const [row] = await (
    await emulatorDb()
  )
    .select({ at: outbox.nextAttemptAt })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), gt(outbox.nextAttemptAt, after)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(1);
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
    if (emulator.notificationSigner) state.signers.set(emulator.notificationSigner.name, emulator.notificationSigner);
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

export async function listOutbox(limit = 100): Promise<OutboxRow[]> {
  return (await emulatorDb()).select().from(outbox).orderBy(asc(outbox.id)).limit(limit);
}
