import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { resolve } from "node:path";
import pg from "pg";
import { openPostgresPool, underAdvisoryLock } from "@/lib/postgres";
import { withoutPassword } from "@/lib/serve-mode";
import { inSqliteWriteTransaction, openSqlite } from "@/lib/sqlite";
import * as sqliteSchema from "./schema";
import * as postgresSchema from "./schema.pg";
import { shopDialect } from "./dialect";
import { retirePublishedDemoPasswords, seedShop } from "./seed";
import * as tables from "./tables";

/**
 * The merchant database, on one of two dialects:
 * - **SQLite** (the default: `DATABASE_PATH`, `data/shop.sqlite`), embedded in this one process;
 * - **PostgreSQL** when `DATABASE_URL` is a `postgres://` (or `postgresql://`) URL: several shop
 *   instances on one database.
 *
 * The named queries (lib/db/queries) are written once, against drizzle's PostgreSQL surface
 * (`ShopDatabase`): every query is awaited, none uses a driver-only call (`.get()`, `.all()`,
 * `.run()`), so the same code runs on the SQLite driver, whose query builders are awaited the same
 * way. The tables they use are the active dialect's (./tables.ts); both have the same shape
 * (./schema-parity.test.ts).
 */
export type ShopDatabase = PgDatabase<NodePgQueryResultHKT, typeof postgresSchema>;

export { shopDialect, type Dialect } from "./dialect";

interface SqliteShop {
  dialect: "sqlite";
  /** Reads outside a transaction: a connection of their own, which sees committed rows only. */
  reader: ShopDatabase;
  /** The one connection that writes, inside writeTransaction only (one transaction at a time). */
  writer: ShopDatabase;
}

interface PostgresShop {
  dialect: "postgres";
  pool: pg.Pool;
  database: ShopDatabase;
}

type OpenShop = SqliteShop | PostgresShop;

// On globalThis: Next.js may load this module once per bundle layer, and every copy must share
// the connections and the SQLite write queue.
const opened: Map<string, Promise<OpenShop>> = ((globalThis as Record<string, unknown>).__shopDatabases ??=
  new Map()) as Map<string, Promise<OpenShop>>;

function sqlitePath(): string {
  return process.env.DATABASE_PATH || "data/shop.sqlite";
}

/** Where the shop's data is, for a log line: the file, or the PostgreSQL URL without its password. */
export function shopDatabaseLabel(): string {
  return shopDialect() === "sqlite" ? sqlitePath() : withoutPassword(process.env.DATABASE_URL!);
}

/** PostgreSQL's advisory lock key under which one instance at a time migrates and seeds (any fixed number). */
const MIGRATION_LOCK = 727_001;

async function openPostgres(url: string): Promise<PostgresShop> {
  const pool = openPostgresPool(url, Number(process.env.DATABASE_POOL_SIZE) || 10);
  const database = drizzlePostgres(pool, { schema: postgresSchema });
  // Instances starting together migrate and seed one after the other: the second finds it all done.
  await underAdvisoryLock(pool, MIGRATION_LOCK, async (client) => {
    const migrator = drizzlePostgres(client, { schema: postgresSchema });
    await migratePostgres(migrator, { migrationsFolder: resolve(process.cwd(), "drizzle/shop-pg") });
    await migrator.transaction(async (tx) => {
      await seedShop(tx);
      await retirePublishedDemoPasswords(tx);
    });
  });
  return { dialect: "postgres", pool, database };
}

async function openSqliteShop(path: string): Promise<SqliteShop> {
  const { sqlite } = openSqlite(path);
  const writerSqlite = drizzleSqlite(sqlite, { schema: sqliteSchema });
  migrateSqlite(writerSqlite, { migrationsFolder: resolve(process.cwd(), "drizzle/shop") });
  const shop: SqliteShop = {
    dialect: "sqlite",
    writer: writerSqlite as unknown as ShopDatabase,
    reader: drizzleSqlite(openSqlite(path, "reader").sqlite, { schema: sqliteSchema }) as unknown as ShopDatabase,
  };
  await inSqliteTransaction(shop, async (tx) => {
    await seedShop(tx);
    await retirePublishedDemoPasswords(tx);
  });
  return shop;
}

function openShop(): Promise<OpenShop> {
  const key = shopDialect() === "postgres" ? process.env.DATABASE_URL! : sqlitePath();
  let shop = opened.get(key);
  if (!shop) {
    shop = shopDialect() === "postgres" ? openPostgres(key) : openSqliteShop(key);
    // A failed open (the database is down) is tried again by the next request.
    shop.catch(() => opened.delete(key));
    opened.set(key, shop);
  }
  return shop;
}

/**
 * The database for reads outside a write transaction, opened at first use: migrated with
 * drizzle-kit's migrations of its dialect and seeded (idempotently) the first time. Only
 * lib/db/queries (and tests that look at rows) call this.
 */
export async function db(): Promise<ShopDatabase> {
  const shop = await openShop();
  return shop.dialect === "sqlite" ? shop.reader : shop.database;
}

/** The transaction a write runs in: the same surface as the database, on the transaction's connection. */
export type ShopTransaction = ShopDatabase;

/**
 * Runs `work` in one write transaction and answers what it answers; a throw rolls it all back.
 * - SQLite: one transaction at a time per process (a queue), `BEGIN IMMEDIATE` (the write lock
 *   first: no upgrade deadlock with another process). `work` must await only its queries.
 * - PostgreSQL: READ COMMITTED; a transaction that decides on rows it read locks them first
 *   (`lockRows`), so two instances deciding on one order take turns.
 */
export async function writeTransaction<T>(work: (tx: ShopTransaction) => Promise<T>): Promise<T> {
  const shop = await openShop();
  if (shop.dialect === "postgres") return shop.database.transaction(work);
  return inSqliteTransaction(shop, work);
}

function inSqliteTransaction<T>(shop: SqliteShop, work: (tx: ShopTransaction) => Promise<T>): Promise<T> {
  const connection = (shop.writer as unknown as { $client: import("better-sqlite3").Database }).$client;
  return inSqliteWriteTransaction(connection, () => work(shop.writer));
}

/**
 * A select that locks the rows it reads until the transaction ends (PostgreSQL's `FOR UPDATE`).
 * On SQLite the whole database is already locked for the write transaction: the select as it is.
 */
export function lockRows<Query>(query: Query): Query {
  return shopDialect() === "postgres" ? (query as unknown as { for(strength: "update"): Query }).for("update") : query;
}

/** Closes this process's connections to the shop's database (tests, and a clean shutdown). */
export async function closeShopDatabase(): Promise<void> {
  const shops = [...opened.values()];
  opened.clear();
  for (const shop of await Promise.allSettled(shops)) {
    if (shop.status !== "fulfilled") continue;
    if (shop.value.dialect === "postgres") await shop.value.pool.end();
  }
}

/**
 * Demo reset: empties orders, payments, their events, stored credentials, the console's counts
 * of notifications not stored and the leases, then seeds again (users and the catalogue as on
 * first start). Never used by the shop's own flows.
 */
export async function resetShopData(): Promise<void> {
  await writeTransaction(async (tx) => {
    await tx.delete(tables.paymentEvents);
    await tx.delete(tables.payments);
    await tx.delete(tables.orderItems);
    await tx.delete(tables.orders);
    await tx.delete(tables.storedCredentials);
    await tx.delete(tables.productPrices);
    await tx.delete(tables.products);
    await tx.delete(tables.users);
    await tx.delete(tables.notificationCounts);
    await tx.delete(tables.leases);
    await seedShop(tx);
  });
}

/**
 * An object whose every property is made by its maker on first read, then kept: a database's
 * prepared statements (a PostgreSQL transaction prepares its own, and runs only a few of them).
 */
export function lazily<Made extends Record<string, unknown>>(makers: { [Key in keyof Made]: () => Made[Key] }): Made {
  const made = {} as Made;
  for (const key of Object.keys(makers) as (keyof Made)[]) {
    Object.defineProperty(made, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = makers[key]();
        Object.defineProperty(made, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return made;
}

/**
 * A prepared statement's placeholder whose value goes to the driver as given. A placeholder in a
 * column's place would go through the column's encoder even when null, and a JSON column encodes
 * null as the text "null": the callers encode with toDriver instead, as drizzle does for a query
 * it builds each time.
 */
export function driverValue(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

/** `value` as `column` hands it to the driver (null as null), for a driverValue placeholder. */
export function toDriver(column: { mapToDriverValue(value: unknown): unknown }, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}
