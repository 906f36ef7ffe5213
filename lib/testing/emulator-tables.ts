import Database from "better-sqlite3";
import { resolve } from "node:path";

/** The test cards the emulators' card-data tests look for in what an emulator keeps. */
export const CARD_DATA_TEST_CARDS = [
  "4111111111111111",
  "5555555555554444",
  "4000000000003220",
  "4000000000000002",
  "4000000000009995",
  "4000000000000119",
] as const;

/**
 * Everything the emulators' database holds, read-only: its tables' names, and every row of every
 * table as text (one JSON line a table), for a test to look for card data in.
 */
export function emulatorTablesText(): { tables: string[]; text: string } {
  const file = resolve(process.cwd(), process.env.EMULATOR_DATABASE_PATH ?? "data/test-integration/emulators.sqlite");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((row) => row.name);
    const text = tables.map((name) => JSON.stringify(sqlite.prepare(`select * from "${name}"`).all())).join("\n");
    return { tables, text };
  } finally {
    sqlite.close();
  }
}
