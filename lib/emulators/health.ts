import "server-only";
import { emulatorDb } from "./db";
import { EMULATORS } from "./index";

/** The standalone emulators' readiness: their database opened and migrated, and the providers they serve. */
export async function emulatorsHealth(): Promise<{ emulators: string[] }> {
  await emulatorDb();
  return { emulators: EMULATORS.map((emulator) => emulator.id) };
}
