import { defineConfig } from "drizzle-kit";

/** The shop's database on PostgreSQL (DATABASE_URL=postgres://…): migrations of lib/db/schema.pg.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.pg.ts",
  out: "./drizzle/shop-pg",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/shop" },
});
