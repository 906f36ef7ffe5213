"use client";

import { useActionState } from "react";
import { replayAction } from "@/app/admin/actions";
import type { ActionState } from "@/lib/action-state";

export function ReplayButton({ paymentId, notificationId }: { paymentId: string; notificationId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(replayAction, {});
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Send this notification to the shop again?")) event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="notificationId" value={notificationId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-60"
      >
        {pending ? "Replaying…" : "Replay"}
      </button>
      {state.message && (
        <span role="status" className="text-xs text-emerald-700">
          {state.message}
        </span>
      )}
      {state.error && (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
