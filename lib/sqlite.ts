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

export function openSqlite(path: string): { sqlite: Database.Database; isNew: boolean } {
  const absolute = resolve(path);
  const existing = connections.get(absolute);
  if (existing) return { sqlite: existing, isNew: false };
  mkdirSync(dirname(absolute), { recursive: true });
  const sqlite = new Database(absolute);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 10000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  connections.set(absolute, sqlite);
  return { sqlite, isNew: true };
}

/** Closes a connection opened by openSqlite (tests use it to let go of their files). */
export function closeSqlite(path: string): void {
  const absolute = resolve(path);
  connections.get(absolute)?.close();
  connections.delete(absolute);
}
