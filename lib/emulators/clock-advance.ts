import "server-only";
import { asc, desc, eq, gt } from "drizzle-orm";
import { clockOffsetMs, earliestMs, emulatorNowMs, setClockOffsetMs } from "./clock";
import { emulatorDb } from "./db";
import { EMULATORS } from "./index";
import { deliverDueInOrder, nextAttemptMs, runJobs, startOutboxWorker, whileWorkerPaused } from "./outbox";
import { outbox, outboxAttempts } from "./tables";

/**
 * Moving the emulators' clock forward (POST /emulators/control/clock). The advance steps through
 * what becomes due in chronological order before it answers: at each next event (an emulator's job
 * deadline, see EmulatorDescriptor.nextDeadline, or a notification's scheduled attempt) the clock is
 * set to that instant, the jobs run and the due attempts are made one by one, earliest first. So
 * "advance 8 days" attempts every retry of a schedule at its own virtual time and leaves the
 * notification delivered or gave_up. The background worker is paused meanwhile (one process; another
 * process serving the same database keeps its own worker).
 */

/** One attempt made during an advance, as the outbox recorded it. */
export interface AdvanceAttempt {
  notification: number;
  provider: string;
  subject: string;
  attemptedAt: string;
  httpStatus: number | null;
  error: string | null;
  /** The notification's status after the advance (pending, delivered, gave_up). */
  status: string;
}

export interface AdvanceReport {
  advancedSeconds: number;
  offsetSeconds: number;
  now: string;
  /** Instants the clock stopped at to run what was due. */
  steps: number;
  /** Notifications enqueued meanwhile (e.g. a CLOSE notification of an expired QR code). */
  notificationsQueued: number;
  attempts: AdvanceAttempt[];
}

/** A runaway guard: no provider's schedule needs this many stops. */
const MAX_STEPS = 10_000;

async function lastId(table: typeof outbox | typeof outboxAttempts): Promise<number> {
  const [row] = await (await emulatorDb()).select({ id: table.id }).from(table).orderBy(desc(table.id)).limit(1);
  return row?.id ?? 0;
}

/** The next instant after `time` at which something is due (emulator ms), if any. */
async function nextEventAfter(time: number): Promise<number | undefined> {
  const after = new Date(time);
  return earliestMs(
    await nextAttemptMs(after),
    ...(await Promise.all(EMULATORS.map((emulator) => emulator.nextDeadline?.(after)))),
  );
}

async function runDue(): Promise<void> {
  await runJobs();
  await deliverDueInOrder();
}

async function attemptsSince(attemptId: number): Promise<AdvanceAttempt[]> {
  const rows = await (
    await emulatorDb()
  )
    .select({
      notification: outboxAttempts.outboxId,
      provider: outbox.provider,
      subject: outbox.subject,
      attemptedAt: outboxAttempts.attemptedAt,
      httpStatus: outboxAttempts.httpStatus,
      error: outboxAttempts.error,
      status: outbox.status,
    })
    .from(outboxAttempts)
    .innerJoin(outbox, eq(outbox.id, outboxAttempts.outboxId))
    .where(gt(outboxAttempts.id, attemptId))
    .orderBy(asc(outboxAttempts.id));
  return rows.map((row) => ({ ...row, attemptedAt: row.attemptedAt.toISOString() }));
}

/** Moves emulator time forward by `seconds`, running what becomes due in order; answers what happened. */
export async function advanceClock(seconds: number): Promise<AdvanceReport> {
  startOutboxWorker(EMULATORS); // registers the jobs and ack rules (idempotent)
  return whileWorkerPaused(async () => {
    const outboxBefore = await lastId(outbox);
    const attemptsBefore = await lastId(outboxAttempts);
    const targetOffset = (await clockOffsetMs()) + Math.round(seconds * 1000);
    let steps = 0;
    // The instant the clock last stopped at: the next event is looked for after it, not after the
    // wall clock's now, which moves on while attempts are made (a 5 ms retry would be skipped).
    let stepAt = await emulatorNowMs();
    await runDue(); // what was already due runs at the time it was due, before the clock moves
    for (;;) {
      const next = await nextEventAfter(stepAt);
      if (next === undefined || next > Date.now() + targetOffset || steps >= MAX_STEPS) break;
      // Never backwards: an event the wall clock already passed runs now.
      await setClockOffsetMs(Math.min(Math.max(await clockOffsetMs(), next - Date.now()), targetOffset));
      stepAt = next;
      steps += 1;
      await runDue();
    }
    await setClockOffsetMs(targetOffset);
    await runDue();
    return {
      advancedSeconds: seconds,
      offsetSeconds: targetOffset / 1000,
      now: new Date(await emulatorNowMs()).toISOString(),
      steps,
      notificationsQueued: (await lastId(outbox)) - outboxBefore,
      attempts: await attemptsSince(attemptsBefore),
    };
  });
}

/** The clock as GET shows it. */
export async function clockView(): Promise<{ offsetSeconds: number; now: string; realTime: boolean }> {
  const offset = await clockOffsetMs();
  return { offsetSeconds: offset / 1000, now: new Date(Date.now() + offset).toISOString(), realTime: offset === 0 };
}
