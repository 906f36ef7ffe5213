"use client";

import { useOptimistic, useTransition } from "react";
import { changeCurrency } from "@/app/actions/session";

/**
 * The header's currency menu. With JavaScript a choice is sent at once (no form submit: React
 * resets a submitted form's fields to the values they were first rendered with, which showed the
 * old currency next to the new prices) and the menu shows it until the shop's answer renders it;
 * without JavaScript the form posts it.
 */
export function CurrencySelect({ current, currencies }: { current: string; currencies: readonly string[] }) {
  const [shown, show] = useOptimistic(current);
  const [, startTransition] = useTransition();
  return (
    <form action={changeCurrency} className="flex items-center gap-2">
      <label htmlFor="currency" className="sr-only">
        Currency
      </label>
      <select
        id="currency"
        name="currency"
        value={shown}
        onChange={(event) => {
          const chosen = event.target.value;
          const form = new FormData(event.currentTarget.form!);
          startTransition(async () => {
            show(chosen);
            await changeCurrency(form);
          });
        }}
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
