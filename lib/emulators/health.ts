import "server-only";
import { emulatorDb } from "./db";
import { EMULATORS } from "./index";

/** The standalone emulators' readiness: their database opened and migrated, and the providers they serve. */
export function emulatorsHealth(): { emulators: string[] } {
  emulatorDb();
  return { emulators: EMULATORS.map((emulator) => emulator.id) };
}
