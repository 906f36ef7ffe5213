import Database from "better-sqlite3";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import { migrate as pgMigrate } from "drizzle-orm/node-postgres/migrator";
import { resolve } from "node:path";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable, startThrowawayPostgres } from "@/lib/testing/throwaway-postgres.mjs";

/**
 * Each dialect's migrations folder, applied to an empty database, gives the same tables, columns
 * and indexes (by name): a schema changed on one side without its migration generated (npm run
 * db:generate) fails here. Types are compared by lib/db/schema-parity.test.ts (and the emulators'
 * by lib/emulators/schema-parity.test.ts). The emulators' PostgreSQL tables are migrated into the
 * shop's database, in their own schema, as they are when both share DATABASE_URL.
 */
const PORT = Number(process.env.POSTGRES_TEST_PORT ?? 5433) + 7;

/** "table.column" and "table index name" lines of a migrated SQLite database. */
function sqliteCatalog(folder: string): string[] {
  const sqlite = new Database(":memory:");
  sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: resolve(folder) });
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .pluck()
    .all() as string[];
  const lines = tables.flatMap((table) => [
    ...(sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(
      (c) => `${table}.${c}`,
    ),
    ...(
      sqlite.prepare(`SELECT name FROM pragma_index_list(?) WHERE origin <> 'pk'`).pluck().all(table) as string[]
    ).map((index) => `${table} index ${index}`),
  ]);
  sqlite.close();
  return lines.sort();
}

/** Where each database's PostgreSQL migrations go: the folder, the schema its tables are in, its record of migrations. */
const POSTGRES = {
  shop: { folder: "drizzle/shop-pg", schema: "public", migrationsTable: undefined },
  emulators: { folder: "drizzle/emulators-pg", schema: "emulators", migrationsTable: "__emulator_migrations" },
};

async function pgCatalog(url: string, { folder, schema, migrationsTable }: (typeof POSTGRES)["shop" | "emulators"]) {
  const pool = new Pool({ connectionString: url });
  try {
    await pgMigrate(pgDrizzle(pool), { migrationsFolder: resolve(folder), migrationsTable });
    const columns = await pool.query<{ line: string }>(
      "SELECT table_name || '.' || column_name AS line FROM information_schema.columns WHERE table_schema = $1",
      [schema],
    );
    // Every index but a primary key's (a UNIQUE column is an index on SQLite, a constraint's index here).
    const indexes = await pool.query<{ line: string }>(
      `SELECT i.tablename || ' index ' || i.indexname AS line FROM pg_indexes i
       WHERE i.schemaname = $1 AND NOT EXISTS (
         SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
      [schema],
    );
    return [...columns.rows, ...indexes.rows].map((row) => row.line).sort();
  } finally {
    await pool.end();
  }
}

describe.skipIf(!postgresAvailable())("the migrations on SQLite and on PostgreSQL", () => {
  let cluster: ReturnType<typeof startThrowawayPostgres>;
  beforeAll(() => {
    cluster = startThrowawayPostgres({ port: PORT, databases: ["shop"] });
  }, 60_000);
  afterAll(() => cluster?.stop());

  it("make the same tables, columns and indexes: the shop's", async () => {
    const sqlite = sqliteCatalog("drizzle/shop");
    expect(sqlite).toContain("payments.idempotency_key");
    expect(await pgCatalog(cluster.urls.shop, POSTGRES.shop)).toEqual(sqlite);
  });

  it("make the same tables, columns and indexes: the emulators', beside the shop's in one database", async () => {
    const sqlite = sqliteCatalog("drizzle/emulators");
    expect(sqlite).toContain("outbox.claimed_until");
    expect(await pgCatalog(cluster.urls.shop, POSTGRES.emulators)).toEqual(sqlite);
  });
});
