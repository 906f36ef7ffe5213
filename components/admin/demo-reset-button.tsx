"use client";

import { useActionState } from "react";
import { resetDemoAction } from "@/app/admin/actions";
import type { ActionState } from "@/lib/action-state";

export function DemoResetButton() {
  const [state, action, pending] = useActionState<ActionState>(resetDemoAction, {});
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Reset both databases to the seed plus sample orders? Every order and payment is lost."))
          event.preventDefault();
      }}
      className="flex items-center gap-3"
    >
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-stone-400 px-3 py-1.5 text-sm disabled:opacity-60"
      >
        {pending ? "Resetting…" : "Reset demo data"}
      </button>
      {state.message && (
        <span role="status" className="text-sm text-emerald-700">
          {state.message}
        </span>
      )}
      {state.error && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
