import "server-only";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { resolve } from "node:path";
import type pg from "pg";
import { openPostgresPool, underAdvisoryLock } from "@/lib/postgres";
import { emulatorDatabasePath, emulatorDatabaseUrl } from "@/lib/serve-mode";
import { inSqliteWriteTransaction, openSqlite } from "@/lib/sqlite";

/**
 * The emulators' database, on one of two dialects (lib/serve-mode.ts):
 * - **SQLite** (the default): a file of their own that the shop never opens, shared by the
 *   processes of one machine that serve the emulators (`EMULATOR_DATABASE_PATH`);
 * - **PostgreSQL** when `EMULATOR_DATABASE_URL`, else the shop's `DATABASE_URL`, is a `postgres://`
 *   URL: the emulators' tables in a schema of their own (`emulators`), so every instance behind a
 *   load balancer serves the same payments, clock and notification outbox.
 *
 * Every emulator query is written once against drizzle's PostgreSQL surface and awaited (never a
 * driver-only `.get()`, `.all()` or `.run()`), on the active dialect's tables (./dialect.ts).
 */
export type EmulatorDatabase = PgDatabase<NodePgQueryResultHKT>;

/**
 * Statements `prepare` makes once per database, for the queries of every API call: drizzle builds
 * a query's SQL again on each call otherwise. Answers a getter of this process's statements.
 */
export function preparedStatements<Statements>(
  prepare: (database: EmulatorDatabase) => Statements,
): () => Promise<Statements> {
  const made = new WeakMap<object, Statements>();
  return async () => {
    const database = await emulatorDb();
    let statements = made.get(database);
    if (!statements) made.set(database, (statements = prepare(database)));
    return statements;
  };
}

/** The transaction a write runs in: the same surface, on the transaction's connection. */
export type EmulatorTransaction = EmulatorDatabase;

type OpenEmulators =
  | { dialect: "sqlite"; database: EmulatorDatabase; sqlite: import("better-sqlite3").Database }
  | { dialect: "postgres"; database: EmulatorDatabase; pool: pg.Pool };

// On globalThis: Next.js may load this module once per bundle layer, and every copy must share it.
const opened: Map<string, Promise<OpenEmulators>> = ((globalThis as Record<string, unknown>).__emulatorDatabases ??=
  new Map()) as Map<string, Promise<OpenEmulators>>;

/** PostgreSQL's advisory lock key under which one instance at a time migrates the emulators' schema. */
const MIGRATION_LOCK = 727_002;

async function openPostgres(url: string): Promise<OpenEmulators> {
  const pool = openPostgresPool(url, Number(process.env.EMULATOR_DATABASE_POOL_SIZE) || 5);
  await underAdvisoryLock(pool, MIGRATION_LOCK, (client) =>
    migratePostgres(drizzlePostgres(client), {
      migrationsFolder: resolve(process.cwd(), "drizzle/emulators-pg"),
      // Beside the shop's own record of migrations (drizzle.__drizzle_migrations) when they share a database.
      migrationsTable: "__emulator_migrations",
    }),
  );
  return { dialect: "postgres", database: drizzlePostgres(pool), pool };
}

function openSqliteFile(path: string): OpenEmulators {
  const { sqlite } = openSqlite(path);
  const database = drizzleSqlite(sqlite);
  migrateSqlite(database, { migrationsFolder: resolve(process.cwd(), "drizzle/emulators") });
  return { dialect: "sqlite", database: database as unknown as EmulatorDatabase, sqlite };
}

function openEmulators(): Promise<OpenEmulators> {
  const url = emulatorDatabaseUrl();
  const key = url ?? emulatorDatabasePath();
  let emulators = opened.get(key);
  if (!emulators) {
    emulators = url ? openPostgres(url) : Promise.resolve().then(() => openSqliteFile(key));
    // A failed open (the database is down) is tried again by the next request.
    emulators.catch(() => opened.delete(key));
    opened.set(key, emulators);
  }
  return emulators;
}

/** The emulators' database, opened and migrated at first use (drizzle-kit's migrations of its dialect). */
export async function emulatorDb(): Promise<EmulatorDatabase> {
  return (await openEmulators()).database;
}

/**
 * Runs `work` in one write transaction and answers what it answers; a throw rolls it all back.
 * SQLite: one at a time per file in a process, begun IMMEDIATE (lib/sqlite.ts); `work` must await
 * only its queries. PostgreSQL: READ COMMITTED; what decides on rows it read locks them (`lockRows`).
 */
export async function emulatorTransaction<T>(work: (tx: EmulatorTransaction) => Promise<T>): Promise<T> {
  const emulators = await openEmulators();
  if (emulators.dialect === "postgres") return emulators.database.transaction(work);
  return inSqliteWriteTransaction(emulators.sqlite, () => work(emulators.database));
}

/**
 * A select that locks the rows it reads until the transaction ends (PostgreSQL's `FOR UPDATE`).
 * On SQLite the whole file is already locked for the write transaction: the select as it is.
 */
export function lockRows<Query>(query: Query): Query {
  return emulatorDatabaseUrl() ? (query as unknown as { for(strength: "update"): Query }).for("update") : query;
}

/** The number of rows a delete or update changed, on either driver. */
export function changedRows(result: unknown): number {
  const { rowCount, changes } = result as { rowCount?: number | null; changes?: number };
  return rowCount ?? changes ?? 0;
}

/**
 * Empties `tables` (by SQL name) in one transaction: the emulators start over, as after install.
 * Foreign keys are not checked meanwhile (the tables are listed children first, but a reset must
 * not fail on an order it was not told).
 */
export async function emptyEmulatorTables(tables: readonly string[]): Promise<void> {
  const emulators = await openEmulators();
  if (emulators.dialect === "postgres") {
    const names = tables.map((table) => `emulators."${table}"`).join(", ");
    await emulators.pool.query(`TRUNCATE ${names}`);
    return;
  }
  const { sqlite } = emulators;
  await inSqliteWriteTransaction(sqlite, async () => {
    sqlite.pragma("defer_foreign_keys = ON");
    for (const table of tables) sqlite.prepare(`DELETE FROM "${table}"`).run();
  });
}

/** Closes this process's connections to the emulators' PostgreSQL database (tests, a clean shutdown). */
export async function closeEmulatorDatabase(): Promise<void> {
  const all = [...opened.values()];
  opened.clear();
  for (const emulators of await Promise.allSettled(all))
    if (emulators.status === "fulfilled" && emulators.value.dialect === "postgres") await emulators.value.pool.end();
}
