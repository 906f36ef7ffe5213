export type Dialect = "sqlite" | "postgres";

/**
 * The dialect of the shop's data: PostgreSQL when `DATABASE_URL` is a `postgres://` (or
 * `postgresql://`) URL, else SQLite (`DATABASE_PATH`, `data/shop.sqlite`).
 */
export function shopDialect(): Dialect {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
}
