"use client";

import { useActionState } from "react";
import { payAgain, type PayAgainState } from "@/app/(shop)/checkout/actions";
import { PaymentMethodList } from "@/components/checkout/payment-method-list";
import type { PaymentMethod } from "@/lib/payments/types";

export function PayAgainForm({ orderId, attemptToken, methods, totalLabel }: { orderId: string; attemptToken: string; methods: readonly PaymentMethod[]; totalLabel: string }) {
  const [state, action, pending] = useActionState<PayAgainState, FormData>(payAgain, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptToken" value={attemptToken} />
      <PaymentMethodList methods={methods} />
      {state.message && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Contacting the payment provider…" : `Try again: pay ${totalLabel}`}
      </button>
    </form>
  );
}
