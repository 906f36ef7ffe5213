// `npm run db:migrate`: migrates (and seeds, once) the shop's database named by DATABASE_URL
// (PostgreSQL) or DATABASE_PATH (SQLite), and the emulators' (EMULATOR_DATABASE_URL, else
// DATABASE_URL; or EMULATOR_DATABASE_PATH), then exits: a deploy's release step, before the new
// instances start. Each instance also does it at start (PostgreSQL: under an advisory lock, one
// at a time), so the step is for a deploy that wants the schema ready first.
import { closeShopDatabase, db, shopDatabaseLabel } from "../lib/db/client.ts";
import { closeEmulatorDatabase, emulatorDb } from "../lib/emulators/db.ts";
import { emulatorDatabaseLabel } from "../lib/serve-mode.ts";

try {
  await db();
  console.log(`migrated and seeded: ${shopDatabaseLabel()}`);
  await emulatorDb();
  console.log(`migrated the emulators': ${emulatorDatabaseLabel()}`);
} catch (error) {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeShopDatabase();
  await closeEmulatorDatabase();
}
