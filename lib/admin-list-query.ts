import type { PageCursor } from "@/lib/db/queries/list-page";

/** A console list's query string, one value a name. */
export type ListSearch = Record<string, string | undefined>;

/** The query as the filters read it: one value a name (a repeated `?q=a&q=b` keeps its first). */
export function singleValues(query: Record<string, string | string[] | undefined>): ListSearch {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );
}

/** A `from`/`to` date of the query, when it is one. */
export function dateParam(value: string | undefined): Date | undefined {
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
}

/** `value` when it is one of `allowed`. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** The cursor `createdAt_ms:id` of the query's `after`: the last row of the previous page. */
export function cursorOf(search: ListSearch): PageCursor | undefined {
  const match = /^(\d+):(.+)$/.exec(search.after ?? "");
  return match ? { createdAt: new Date(Number(match[1])), id: match[2] } : undefined;
}

/** The query's filled-in values, as a query string (`extra` added). */
export function queryStringOf(search: ListSearch, extra: Record<string, string> = {}): string {
  const kept = Object.entries(search).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return new URLSearchParams({ ...Object.fromEntries(kept), ...extra }).toString();
}

/**
 * One page of `rows` (fetched with one row more than `pageSize`) and the query of the next page,
 * null when this is the last.
 */
export function pageOf<Row extends PageCursor>(
  rows: readonly Row[],
  pageSize: number,
  search: ListSearch,
): { page: Row[]; next: string | null } {
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  if (rows.length <= pageSize || !last) return { page, next: null };
  return { page, next: queryStringOf(search, { after: `${last.createdAt.getTime()}:${last.id}` }) };
}

/** The filters both console lists share: provider, currency, dates and a reference to search for. */
export function sharedFilters(
  search: ListSearch,
  choices: { providers: readonly string[]; currencies: readonly string[] },
): { provider?: string; currency?: string; from?: Date; to?: Date; q?: string } {
  return {
    provider: oneOf(choices.providers, search.provider),
    currency: oneOf(choices.currencies, search.currency),
    from: dateParam(search.from),
    to: dateParam(search.to),
    q: search.q?.trim() || undefined,
  };
}

/** A console list page's query string, as Next hands it to the page. */
export type ListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };
