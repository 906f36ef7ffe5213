import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableName } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSqlite, openSqlite } from "@/lib/sqlite";
import { EMULATORS, findEmulator } from "./index";
import { resetEmulators } from "./reset";

describe("the list of emulators", () => {
  it("gives each emulator its own id, table names and job names", () => {
    const ids = EMULATORS.map((emulator) => emulator.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+$/);
    const tables = EMULATORS.flatMap((emulator) => emulator.tables.map(getTableName));
    expect(new Set(tables).size).toBe(tables.length);
    const jobs = EMULATORS.flatMap((emulator) => Object.keys(emulator.jobs));
    expect(new Set(jobs).size).toBe(jobs.length);
  });

  it("finds an emulator by id, and nothing for another name", () => {
    for (const emulator of EMULATORS) expect(findEmulator(emulator.id)).toBe(emulator);
    expect(findEmulator("control")).toBeUndefined();
    expect(findEmulator("")).toBeUndefined();
  });

  it("every route pattern is a path under the emulator", () => {
    for (const { routes } of EMULATORS) {
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) expect(route.path).toMatch(/^\/[^/]/);
    }
  });
});

describe("reset", () => {
  const directory = mkdtempSync(join(tmpdir(), "emulators-reset-"));
  const path = join(directory, "emulators.sqlite");
  let before: string | undefined;

  beforeAll(() => {
    before = process.env.EMULATOR_DATABASE_PATH;
    process.env.EMULATOR_DATABASE_PATH = path;
  });

  afterAll(() => {
    if (before === undefined) delete process.env.EMULATOR_DATABASE_PATH;
    else process.env.EMULATOR_DATABASE_PATH = before;
    closeSqlite(path);
    rmSync(directory, { recursive: true, force: true });
  });

  it("empties every table the migrations made: the shared ones and each emulator's own", async () => {
    const emptied = await resetEmulators();
    const { sqlite } = openSqlite(path);
    const migrated = sqlite
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .get() as { n: number };
    expect(emptied).toBe(migrated.n);
  });
});
