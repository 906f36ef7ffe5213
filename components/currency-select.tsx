"use client";

import { useRef } from "react";
import { changeCurrency } from "@/app/actions/session";

export function CurrencySelect({ current, currencies }: { current: string; currencies: readonly string[] }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={changeCurrency} className="flex items-center gap-2">
      <label htmlFor="currency" className="sr-only">
        Currency
      </label>
      <select
        id="currency"
        name="currency"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
      >
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-sm underline">
          Set
        </button>
      </noscript>
    </form>
  );
}
