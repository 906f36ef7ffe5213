import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closeSqlite, openSqlite } from "./sqlite";

describe("openSqlite's statement cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "sqlite-cache-"));
  const path = join(dir, "cache.sqlite");
  afterEach(() => closeSqlite(path));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("hands back the statement it prepared for the same SQL, in object mode even after raw mode was turned on", () => {
    const { sqlite } = openSqlite(path);
    sqlite.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name TEXT)");
    sqlite.prepare("INSERT OR REPLACE INTO t (id, name) VALUES (1, 'one')").run();
    const first = sqlite.prepare("SELECT id, name FROM t WHERE id = ?");
    expect(sqlite.prepare("SELECT id, name FROM t WHERE id = ?")).toBe(first);
    // drizzle turns raw (array) mode on for its own selects; the next user must get objects.
    expect(first.raw().get(1)).toEqual([1, "one"]);
    expect(sqlite.prepare("SELECT id, name FROM t WHERE id = ?").get(1)).toEqual({ id: 1, name: "one" });
  });

  it("prepares anew on a reopened connection", () => {
    const before = openSqlite(path).sqlite.prepare("SELECT 1 AS one");
    closeSqlite(path);
    const after = openSqlite(path).sqlite.prepare("SELECT 1 AS one");
    expect(after).not.toBe(before);
    expect(after.get()).toEqual({ one: 1 });
  });

  it("keeps statements that return no rows working when reused", () => {
    const { sqlite } = openSqlite(path);
    sqlite.exec("CREATE TABLE IF NOT EXISTS u (n INTEGER)");
    for (let i = 0; i < 3; i++) sqlite.prepare("INSERT INTO u (n) VALUES (?)").run(i);
    expect(sqlite.prepare("SELECT count(*) AS c FROM u").get()).toEqual({ c: 3 });
  });
});
