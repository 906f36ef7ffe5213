import { defineConfig } from "drizzle-kit";

/** The emulators' database on PostgreSQL (lib/emulators/db.ts): migrations of every lib/emulators schema.pg.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/emulators/schema.pg.ts", "./lib/emulators/*/schema.pg.ts"],
  schemaFilter: ["emulators"],
  out: "./drizzle/emulators-pg",
  dbCredentials: { url: process.env.EMULATOR_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://localhost/shop" },
});
