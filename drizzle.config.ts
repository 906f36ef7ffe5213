import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema.ts",
  out: "./drizzle/shop",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/shop.sqlite" },
});
