import { describe, expect, it } from "vitest";
import { pgShape, schemaDifferences, sqliteShape } from "@/lib/db/schema-parity";
import * as antomPostgres from "./antom/schema.pg";
import * as antomSqlite from "./antom/schema";
import * as lesspayPostgres from "./lesspay/schema.pg";
import * as lesspaySqlite from "./lesspay/schema";
import * as pingpaymentsPostgres from "./pingpayments/schema.pg";
import * as pingpaymentsSqlite from "./pingpayments/schema";
import * as pingpongPostgres from "./pingpong/schema.pg";
import * as pingpongSqlite from "./pingpong/schema";
import * as sharedPostgres from "./schema.pg";
import * as sharedSqlite from "./schema";

/** Each schema file of the emulators' database with its PostgreSQL twin (schema.pg.ts beside it). */
const TWINS = {
  shared: [sharedSqlite, sharedPostgres],
  antom: [antomSqlite, antomPostgres],
  lesspay: [lesspaySqlite, lesspayPostgres],
  pingpayments: [pingpaymentsSqlite, pingpaymentsPostgres],
  pingpong: [pingpongSqlite, pingpongPostgres],
} as const;

describe("the emulators' schema on SQLite and on PostgreSQL", () => {
  it.each(Object.entries(TWINS))(
    "%s: the same tables, columns (name, key, type, null, default, keys, enums), indexes and foreign keys",
    (_name, [sqlite, postgres]) => {
      const shape = sqliteShape(sqlite);
      expect(Object.keys(shape).length).toBeGreaterThan(0);
      expect(schemaDifferences(shape, pgShape(postgres))).toEqual([]);
    },
  );

  it("tells a column added to one dialect only", () => {
    const sqlite = sqliteShape(antomSqlite);
    sqlite.antom_payments.columns.nickname = "key=nickname type=string null no default";
    expect(schemaDifferences(sqlite, pgShape(antomPostgres))).toEqual([
      'antom_payments.nickname: sqlite "key=nickname type=string null no default" / pg (none)',
    ]);
  });
});
