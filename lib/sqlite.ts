import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Opens an embedded SQLite file the way every database of this project is opened: WAL journal,
 * a busy timeout so a second process waits instead of failing, and foreign keys on.
 * One connection per file per process, kept on globalThis because Next.js may load a module
 * once per bundle layer.
 */
const connections: Map<string, Database.Database> = ((globalThis as Record<string, unknown>).__sqliteConnections ??=
  new Map()) as Map<string, Database.Database>;

/** How many distinct SQL texts a connection keeps prepared (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares a new statement for every query it runs, so SQLite parses and plans the same
 * SQL again each time: about a fifth of the server's CPU per notification in `npm run bench`.
 * The connection's prepare hands back the statement it already has for the same SQL text.
 * A statement that returns rows is handed back in object mode: drizzle turns raw (array) mode on
 * when it wants arrays, and a statement is never in use by two queries at once (every better-sqlite3
 * call runs to completion; nothing here iterates).
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (statement) {
      statements.delete(source); // re-inserted below as the most recently used
    } else {
      statement = prepare(source);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(source, statement);
    if (statement.reader) statement.raw(false);
    return statement;
  }) as Database.Database["prepare"];
}

/**
 * `role` "reader" opens a second connection to the same file, for reads outside the writer's
 * transactions: in WAL mode it sees committed rows only (the shop's database, lib/db/client.ts).
 */
export function openSqlite(
  path: string,
  role: "main" | "reader" = "main",
): { sqlite: Database.Database; isNew: boolean } {
  const absolute = resolve(path);
  const key = role === "main" ? absolute : `${absolute}#${role}`;
  const existing = connections.get(key);
  if (existing) return { sqlite: existing, isNew: false };
  mkdirSync(dirname(absolute), { recursive: true });
  const sqlite = new Database(absolute);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  cacheStatements(sqlite);
  connections.set(key, sqlite);
  return { sqlite, isNew: true };
}

/** Closes a connection opened by openSqlite (tests use it to let go of their files). */
export function closeSqlite(path: string): void {
  const absolute = resolve(path);
  for (const key of [absolute, `${absolute}#reader`]) {
    connections.get(key)?.close();
    connections.delete(key);
  }
}

// One queue per file per process (on globalThis, as the connections are).
const writeQueues: Map<string, Promise<unknown>> = ((globalThis as Record<string, unknown>).__sqliteWriteQueues ??=
  new Map()) as Map<string, Promise<unknown>>;

/**
 * Runs async `work` in one write transaction on `sqlite` (a connection of openSqlite's): one such
 * transaction at a time per file in this process (a queue: async work cannot share a connection's
 * transaction with another), begun IMMEDIATE (the write lock first, so another process waits on the
 * busy timeout instead of failing on a lock upgrade). Commits what `work` answers; a throw rolls it
 * all back. `work` must await only queries on this connection.
 */
export function inSqliteWriteTransaction<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const key = sqlite.name;
  const previous = writeQueues.get(key) ?? Promise.resolve();
  const turn = previous.then(async () => {
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  });
  writeQueues.set(
    key,
    turn.catch(() => undefined),
  );
  return turn;
}
