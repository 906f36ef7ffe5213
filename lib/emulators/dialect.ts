import { emulatorDatabaseUrl } from "@/lib/serve-mode";

/**
 * An emulator's tables on this process's dialect, chosen once when the process starts: the
 * PostgreSQL twins (its schema.pg.ts) when the emulators keep their data on PostgreSQL
 * (lib/serve-mode.ts emulatorDatabaseUrl), else the SQLite tables (its schema.ts). Typed as
 * PostgreSQL's: both have the same tables, columns and row types (./schema-parity.test.ts), and
 * the emulators' queries are written against drizzle's PostgreSQL surface (./db.ts). Row types
 * come from schema.ts.
 */
export function activeTables<PostgresSchema>(sqliteSchema: object, postgresSchema: PostgresSchema): PostgresSchema {
  return (emulatorDatabaseUrl() ? postgresSchema : sqliteSchema) as PostgresSchema;
}
