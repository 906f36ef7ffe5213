import { getTableName } from "drizzle-orm";
import { emulatorDatabasePath } from "@/lib/serve-mode";
import { openSqlite } from "@/lib/sqlite";
import { emulatorDb } from "./db";
import { EMULATORS } from "./index";
import {
  controlForcedPayments,
  controlOverrides,
  emulatorClock,
  outbox,
  outboxAttempts,
  signingSecretRotations,
} from "./schema";

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
export function resetEmulators(): number {
  const tables = [...SHARED_TABLES, ...EMULATORS.flatMap((emulator) => emulator.tables)].map(getTableName);
  emulatorDb(); // opened and migrated
  const { sqlite } = openSqlite(emulatorDatabasePath());
  sqlite.pragma("foreign_keys = OFF");
  try {
    sqlite
      .transaction(() => {
        for (const table of tables) sqlite.prepare(`DELETE FROM "${table}"`).run();
      })
      .immediate();
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
  return tables.length;
}
