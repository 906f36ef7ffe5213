/**
 * The emulators' clock. EMULATOR_TIME_SCALE shrinks every provider delay (retry schedules,
 * late notifications, settlement): 1 is real time, 0.001 turns an hour into 3.6 seconds. A payer's
 * own time (how long a QR code may be scanned) is not a provider delay and runs on the wall clock.
 */
export function timeScale(): number {
  const scale = Number(process.env.EMULATOR_TIME_SCALE ?? "1");
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** A provider delay in seconds, as milliseconds of this emulator's scaled clock. */
export function scaledMs(seconds: number): number {
  return Math.round(seconds * 1000 * timeScale());
}
