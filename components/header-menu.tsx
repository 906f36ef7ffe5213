"use client";

import { useOptimistic, useTransition } from "react";

export interface HeaderMenuOption {
  value: string;
  label: string;
  /** The option's own language, when it is named in it (a language menu). */
  lang?: string;
}

/**
 * A header preference menu (currency, language). With JavaScript a choice is sent at once (no form
 * submit: React resets a submitted form's fields to the values they were first rendered with, which
 * showed the old choice next to the new page) and the menu shows it until the shop's answer renders
 * it; without JavaScript the form posts it.
 */
export function HeaderMenu({
  name,
  label,
  current,
  options,
  action,
  submitLabel,
}: {
  name: string;
  label: string;
  current: string;
  options: readonly HeaderMenuOption[];
  action: (formData: FormData) => Promise<void>;
  submitLabel: string;
}) {
  const [shown, show] = useOptimistic(current);
  const [, startTransition] = useTransition();
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor={name} className="sr-only">
        {label}
      </label>
      <select
        id={name}
        name={name}
        value={shown}
        onChange={(event) => {
          const chosen = event.target.value;
          const form = new FormData(event.currentTarget.form!);
          startTransition(async () => {
            show(chosen);
            await action(form);
          });
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="text-sm underline">
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}
