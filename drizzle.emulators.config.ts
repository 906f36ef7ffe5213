import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: ["./lib/emulators/schema.ts", "./lib/emulators/*/schema.ts"],
  out: "./drizzle/emulators",
  dbCredentials: { url: process.env.EMULATOR_DATABASE_PATH ?? "data/emulators.sqlite" },
});
