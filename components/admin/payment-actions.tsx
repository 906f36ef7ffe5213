"use client";

import { useActionState } from "react";
import { refundAction, voidAction, type OperatorActionState } from "@/app/admin/actions";

function Result({ state }: { state: OperatorActionState }) {
  if (state.error) return <p role="alert" className="text-sm text-red-700">{state.error}</p>;
  if (state.message) return <p role="status" className="text-sm text-emerald-700">{state.message}</p>;
  return null;
}

/** Refund (full or partial) and void for one payment, as its status allows. */
export function PaymentActions({ paymentId, canRefund, canVoid, refundable, currency }: { paymentId: string; canRefund: boolean; canVoid: boolean; refundable: string; currency: string }) {
  const [refundState, refund, refunding] = useActionState<OperatorActionState, FormData>(refundAction, {});
  const [voidState, voidIt, voiding] = useActionState<OperatorActionState, FormData>(voidAction, {});
  return (
    <div className="flex flex-wrap items-start gap-6">
      {canRefund && (
        <form action={refund} className="space-y-1">
          <input type="hidden" name="paymentId" value={paymentId} />
          <label className="flex items-center gap-2 text-sm">
            Refund amount ({currency})
            <input name="amount" defaultValue={refundable} className="w-28 rounded-md border border-stone-300 px-2 py-1 font-mono" />
          </label>
          <button type="submit" disabled={refunding} className="rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {refunding ? "Refunding…" : "Refund"}
          </button>
        </form>
      )}
      {canVoid && (
        <form action={voidIt} className="space-y-1">
          <input type="hidden" name="paymentId" value={paymentId} />
          <button type="submit" disabled={voiding} className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-700 disabled:opacity-60">
            {voiding ? "Voiding…" : "Void authorization"}
          </button>
        </form>
      )}
      {/* Outside the forms: the answer stays on screen when the new status hides the form. */}
      <Result state={refundState} />
      <Result state={voidState} />
    </div>
  );
}
