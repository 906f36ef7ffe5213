import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import { emulatorDatabasePath } from "@/lib/serve-mode";
import { openSqlite } from "@/lib/sqlite";
import * as schema from "./schema";

export type EmulatorDb = BetterSQLite3Database<typeof schema>;

const ready: Map<string, EmulatorDb> = ((globalThis as Record<string, unknown>).__emulatorDb ??= new Map()) as Map<
  string,
  EmulatorDb
>;

/** The emulators' database (lib/serve-mode.ts names its file), opened and migrated lazily; the shop never opens this file. */
export function emulatorDb(): EmulatorDb {
  const path = emulatorDatabasePath();
  const cached = ready.get(path);
  if (cached) return cached;
  const { sqlite } = openSqlite(path);
  const database = drizzle(sqlite, { schema });
  migrate(database, { migrationsFolder: resolve(process.cwd(), "drizzle/emulators") });
  ready.set(path, database);
  return database;
}
