"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a refused submit (a state with an `error`), focus moves to the form's first field marked
 * invalid, in document order (the card's fields too), so keyboard and screen-reader users land on
 * what to fix.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: { error?: string }) {
  useEffect(() => {
    if (state.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, state]);
}
