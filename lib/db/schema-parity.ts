import { getTableConfig as pgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { is, Table } from "drizzle-orm";

/**
 * One dialect's schema as the shop sees it, in terms both dialects share: per table (by SQL name),
 * its columns (SQL name, TypeScript key, the value type drizzle hands back, not-null, default,
 * primary key, unique, enum values), its composite primary key, indexes and foreign keys.
 */
export interface SchemaShape {
  [table: string]: {
    columns: Record<string, string>;
    primaryKey: string[];
    indexes: Record<string, string>;
    foreignKeys: string[];
  };
}

interface AnyColumn {
  name: string;
  dataType: string;
  notNull: boolean;
  hasDefault: boolean;
  primary: boolean;
  isUnique: boolean;
  enumValues?: readonly string[];
}

function columnShape(key: string, column: AnyColumn): string {
  return [
    `key=${key}`,
    `type=${column.dataType}`,
    column.notNull ? "not null" : "null",
    column.hasDefault ? "default" : "no default",
    column.primary ? "primary" : "",
    column.isUnique ? "unique" : "",
    column.enumValues?.length ? `enum(${[...column.enumValues].join("|")})` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function tablesOf(schema: Record<string, unknown>): Table[] {
  return Object.values(schema).filter((value): value is Table => is(value, Table));
}

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function shapeOf(tables: Table[], config: (table: Table) => Config): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of tables) {
    const { name, columns, indexes, primaryKeys, foreignKeys } = config(table);
    const keyOf = new Map(Object.entries(table).map(([key, column]) => [column, key]));
    shape[name] = {
      columns: Object.fromEntries(
        columns.map((column) => [column.name, columnShape(String(keyOf.get(column) ?? "?"), column as AnyColumn)]),
      ),
      primaryKey: primaryKeys.flatMap((key) => key.columns.map((column) => column.name)),
      indexes: Object.fromEntries(
        indexes.map((index) => {
          const { name: indexName, columns: on, unique, where } = index.config;
          const columnNames = on.map((column) => ("name" in column ? String(column.name) : "(expression)"));
          return [indexName ?? "?", `${unique ? "unique " : ""}(${columnNames.join(", ")})${where ? " partial" : ""}`];
        }),
      ),
      foreignKeys: foreignKeys
        .map((key) => {
          const reference = key.reference();
          const target = config(reference.foreignTable).name;
          return `(${reference.columns.map((c) => c.name).join(", ")}) -> ${target}(${reference.foreignColumns
            .map((c) => c.name)
            .join(", ")}) on delete ${key.onDelete ?? "no action"}`;
        })
        .sort(),
    };
  }
  return shape;
}

/** The shape of a SQLite schema module (its exported tables). */
export function sqliteShape(schema: Record<string, unknown>): SchemaShape {
  return shapeOf(tablesOf(schema), (table) => sqliteTableConfig(table as SQLiteTable));
}

/** The shape of a PostgreSQL schema module (its exported tables). */
export function pgShape(schema: Record<string, unknown>): SchemaShape {
  return shapeOf(tablesOf(schema), (table) => pgTableConfig(table as PgTable));
}

/** Every difference between two shapes, one line each ("table.column: sqlite … / pg …"); none when they match. */
export function schemaDifferences(sqlite: SchemaShape, pg: SchemaShape): string[] {
  const differences: string[] = [];
  const compare = (where: string, a: unknown, b: unknown) => {
    const [left, right] = [JSON.stringify(a), JSON.stringify(b)];
    if (left !== right) differences.push(`${where}: sqlite ${left ?? "(none)"} / pg ${right ?? "(none)"}`);
  };
  for (const table of [...new Set([...Object.keys(sqlite), ...Object.keys(pg)])].sort()) {
    const [a, b] = [sqlite[table], pg[table]];
    if (!a || !b) {
      compare(table, a ? "table" : undefined, b ? "table" : undefined);
      continue;
    }
    for (const column of [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort())
      compare(`${table}.${column}`, a.columns[column], b.columns[column]);
    for (const index of [...new Set([...Object.keys(a.indexes), ...Object.keys(b.indexes)])].sort())
      compare(`${table} index ${index}`, a.indexes[index], b.indexes[index]);
    compare(`${table} primary key`, a.primaryKey, b.primaryKey);
    compare(`${table} foreign keys`, a.foreignKeys, b.foreignKeys);
  }
  return differences;
}
