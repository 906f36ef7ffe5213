import { describe, expect, it } from "vitest";
import { pgTable, text as pgText } from "drizzle-orm/pg-core";
import { sqliteTable, text as sqliteText } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema.pg";
import { pgShape, schemaDifferences, sqliteShape } from "./schema-parity";

describe("the shop's schema on SQLite and on PostgreSQL", () => {
  it("has the same tables, columns (name, key, type, null, default, keys, enums), indexes and foreign keys", () => {
    const sqlite = sqliteShape(sqliteSchema);
    expect(Object.keys(sqlite)).toEqual(expect.arrayContaining(["orders", "payments", "payment_events", "users"]));
    expect(schemaDifferences(sqlite, pgShape(pgSchema))).toEqual([]);
  });

  it("tells a column added to one dialect only", () => {
    const sqlite = { notes: sqliteTable("notes", { id: sqliteText("id").primaryKey() }) };
    const pg = { notes: pgTable("notes", { id: pgText("id").primaryKey(), body: pgText("body") }) };
    expect(schemaDifferences(sqliteShape(sqlite), pgShape(pg))).toEqual([
      'notes.body: sqlite (none) / pg "key=body type=string null no default"',
    ]);
    // And in the shop's own schema: a column only the SQLite side has.
    const sqliteWithExtra = sqliteShape(sqliteSchema);
    sqliteWithExtra.users.columns.nickname = "key=nickname type=string null no default";
    expect(schemaDifferences(sqliteWithExtra, pgShape(pgSchema))).toEqual([
      'users.nickname: sqlite "key=nickname type=string null no default" / pg (none)',
    ]);
  });
});
