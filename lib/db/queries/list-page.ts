import "server-only";
import { and, eq, gte, lt, or, type Column, type SQL } from "drizzle-orm";

/** The last row of a page: the next page starts after it (keyset pagination, newest first). */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

/** Rows older than `after` in (createdAt, id) order, newest first. */
export function olderThan(createdAt: Column, id: Column, after: PageCursor): SQL {
  return or(lt(createdAt, after.createdAt), and(eq(createdAt, after.createdAt), lt(id, after.id)))!;
}

/** Rows created from `from` (inclusive) to `to` (exclusive), where given. */
export function createdBetween(createdAt: Column, from: Date | undefined, to: Date | undefined): SQL[] {
  return [from && gte(createdAt, from), to && lt(createdAt, to)].filter((c): c is SQL => Boolean(c));
}
