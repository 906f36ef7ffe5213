import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import { openSqlite } from "@/lib/sqlite";
import * as schema from "./schema";
import { retirePublishedDemoPasswords, seedShop } from "./seed";

export type ShopDb = BetterSQLite3Database<typeof schema>;

const ready: Map<string, ShopDb> = ((globalThis as Record<string, unknown>).__shopDb ??= new Map()) as Map<
  string,
  ShopDb
>;

function databasePath(): string {
  return process.env.DATABASE_PATH || "data/shop.sqlite";
}

/**
 * The merchant database, opened lazily at first use: migrated with drizzle-kit's migrations and
 * seeded (idempotently) the first time this process touches it. Only lib/db/queries calls this.
 */
export function db(): ShopDb {
  const path = databasePath();
  const cached = ready.get(path);
  if (cached) return cached;
  const { sqlite } = openSqlite(path);
  const database = drizzle(sqlite, { schema });
  migrate(database, { migrationsFolder: resolve(process.cwd(), "drizzle/shop") });
  seedShop(database);
  retirePublishedDemoPasswords(database);
  ready.set(path, database);
  return database;
}

/** Runs `work` in one IMMEDIATE write transaction (takes the write lock first: no upgrade deadlocks). */
export function writeTransaction<T>(work: (tx: Parameters<Parameters<ShopDb["transaction"]>[0]>[0]) => T): T {
  return db().transaction(work, { behavior: "immediate" });
}

/**
 * Demo reset: empties orders, payments, their events and stored credentials, then seeds again
 * (users and the catalogue as on first start). Never used by the shop's own flows.
 */
export function resetShopData(): void {
  const database = db();
  database.transaction(
    (tx) => {
      tx.delete(schema.paymentEvents).run();
      tx.delete(schema.payments).run();
      tx.delete(schema.orderItems).run();
      tx.delete(schema.orders).run();
      tx.delete(schema.storedCredentials).run();
      tx.delete(schema.productPrices).run();
      tx.delete(schema.products).run();
      tx.delete(schema.users).run();
    },
    { behavior: "immediate" },
  );
  seedShop(database);
}
