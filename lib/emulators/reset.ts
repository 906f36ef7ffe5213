import { openSqlite } from "@/lib/sqlite";
import { emulatorDb } from "./db";

/** Empties every emulator table (the migrations stay): the emulators start over, as after install. */
export function resetEmulators(): number {
  emulatorDb(); // opened and migrated
  const { sqlite } = openSqlite(process.env.EMULATOR_DATABASE_PATH || "data/emulators.sqlite");
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
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
