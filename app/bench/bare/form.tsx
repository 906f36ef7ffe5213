"use client";

import { useActionState } from "react";
import { bareSubmit } from "./actions";

/** A one-field form with the same server-action wiring (useActionState) as the checkout form. */
export function BareForm() {
  const [state, action] = useActionState(bareSubmit, {});
  return (
    <form action={action}>
      <input type="hidden" name="token" value="bench" />
      <button type="submit">Pay</button>
      {state.error && <p>{state.error}</p>}
    </form>
  );
}
