import "server-only";
import { eq } from "drizzle-orm";
import { emulatorDb, preparedStatements } from "./db";
import { emulatorClock } from "./tables";

/**
 * The emulators' clock. Two things move it:
 * - EMULATOR_TIME_SCALE shrinks every provider delay (retry schedules, late notifications,
 *   settlement): 1 is real time, 0.001 turns an hour into 3.6 seconds. A payer's own time (how long
 *   a QR code may be scanned) is not a provider delay and is not scaled.
 * - The control plane's offset (POST /emulators/control/clock): emulator time is the wall clock plus
 *   an offset kept in the emulators' database, so every process serving the emulators agrees.
 *   Everything an emulator decides by time (QR expiry, settlement, the outbox's attempts) reads
 *   emulatorNow(). Signature timestamps keep the wall clock: the shop's clock does not move, so a
 *   timestamp window compares two real clocks.
 */
export function timeScale(): number {
  const scale = Number(process.env.EMULATOR_TIME_SCALE ?? "1");
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** A provider delay in seconds, as milliseconds of this emulator's scaled clock. */
export function scaledMs(seconds: number): number {
  return Math.round(seconds * 1000 * timeScale());
}

const CLOCK_ROW = 1;

/**
 * The offset's query, prepared once per database: every emulator reads the clock several times
 * per API call, and drizzle otherwise builds the query's SQL again on each read.
 */
const offsetQuery = preparedStatements((database) =>
  database
    .select({ offsetMs: emulatorClock.offsetMs })
    .from(emulatorClock)
    .where(eq(emulatorClock.id, CLOCK_ROW))
    .prepare("emulator_clock_offset"),
);

/** How far emulator time runs ahead of the wall clock, in ms (0: real time). */
export async function clockOffsetMs(): Promise<number> {
  const [row] = (await (await offsetQuery()).execute()) as { offsetMs: number }[];
  return row?.offsetMs ?? 0;
}

/** Emulator time in ms since the epoch. */
export async function emulatorNowMs(): Promise<number> {
  return Date.now() + (await clockOffsetMs());
}

/** Emulator time: what every emulator reads instead of `new Date()`. */
export async function emulatorNow(): Promise<Date> {
  return new Date(await emulatorNowMs());
}

/** Sets the offset (never backwards but through resetClock). */
export async function setClockOffsetMs(offsetMs: number): Promise<void> {
  const values = { offsetMs: Math.round(offsetMs), updatedAt: new Date() };
  await (
    await emulatorDb()
  )
    .insert(emulatorClock)
    .values({ id: CLOCK_ROW, ...values })
    .onConflictDoUpdate({ target: emulatorClock.id, set: values });
}

/** Back to real time. */
export async function resetClock(): Promise<void> {
  await (await emulatorDb()).delete(emulatorClock);
}

/** The earliest of some optional times (a Date, or ms), in ms; undefined when there is none. */
export function earliestMs(...times: (Date | number | null | undefined)[]): number | undefined {
  const values = times
    .filter((time): time is Date | number => time !== null && time !== undefined)
    .map((time) => (typeof time === "number" ? time : time.getTime()))
    .filter((time) => Number.isFinite(time));
  return values.length > 0 ? Math.min(...values) : undefined;
}
