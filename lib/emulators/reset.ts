import { getTableName } from "drizzle-orm";
import { emptyEmulatorTables } from "./db";
import { EMULATORS } from "./index";
import {
  controlForcedPayments,
  controlOverrides,
  emulatorClock,
  outbox,
  outboxAttempts,
  signingSecretRotations,
} from "./tables";

/** The tables every emulator shares (./schema.ts); each emulator lists its own. Reset also returns the clock to real time. */
const SHARED_TABLES = [
  outboxAttempts,
  outbox,
  controlForcedPayments,
  controlOverrides,
  emulatorClock, // back to real time
  signingSecretRotations, // back to the configured secrets
];

/** Empties every emulator table (the migrations stay): the emulators start over, as after install. */
export async function resetEmulators(): Promise<number> {
  const tables = [...SHARED_TABLES, ...EMULATORS.flatMap((emulator) => emulator.tables)].map(getTableName);
  await emptyEmulatorTables(tables);
  return tables.length;
}
