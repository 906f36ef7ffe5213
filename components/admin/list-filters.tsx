import Link from "next/link";
import type { ReactNode } from "react";

const FIELD = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm";

/**
 * A console list's filter form: its fields, then Filter and Clear (back to `clearHref`). `query`
 * is the query it was rendered for: a new one (a link to a queue, Clear) shows its values afresh.
 */
export function ListFilters({ clearHref, query, children }: { clearHref: string; query: string; children: ReactNode }) {
  return (
    <form
      key={query}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-stone-200 bg-white p-4"
      role="search"
    >
      {children}
      <button type="submit" className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white">
        Filter
      </button>
      <Link href={clearHref} className="text-sm underline">
        Clear
      </Link>
    </form>
  );
}

/** A choice among `options` (value and label), "Any" first. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (string | { value: string; label: string })[];
}) {
  return (
    <label className="text-sm">
      <span className="block text-stone-500">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">Any</option>
        {options.map((option) => {
          const { value: v, label: l } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** A free-text field (`wide` for references). */
export function FilterText({
  name,
  label,
  value,
  placeholder,
  wide,
}: {
  name: string;
  label: string;
  value: string | undefined;
  placeholder: string;
  wide?: boolean;
}) {
  return (
    <label className="text-sm">
      <span className="block text-stone-500">{label}</span>
      <input
        name={name}
        defaultValue={value ?? ""}
        placeholder={placeholder}
        className={`${FIELD} ${wide ? "w-56" : "w-32"}`}
      />
    </label>
  );
}

/** The From and To dates of the query. */
export function FilterDates({ from, to }: { from: string | undefined; to: string | undefined }) {
  return (
    <>
      <label className="text-sm">
        <span className="block text-stone-500">From</span>
        <input type="date" name="from" defaultValue={from ?? ""} className={FIELD} />
      </label>
      <label className="text-sm">
        <span className="block text-stone-500">To</span>
        <input type="date" name="to" defaultValue={to ?? ""} className={FIELD} />
      </label>
    </>
  );
}

/** The link to the next (older) page, when there is one. */
export function OlderPageLink({ basePath, next, label }: { basePath: string; next: string | null; label: string }) {
  if (!next) return null;
  return (
    <Link href={`${basePath}?${next}`} className="inline-block text-sm underline">
      {label} →
    </Link>
  );
}
