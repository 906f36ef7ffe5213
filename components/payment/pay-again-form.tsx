"use client";

import { useActionState } from "react";
import { payAgain, type PayAgainState } from "@/app/(shop)/checkout/actions";
import { PaymentMethodList } from "@/components/checkout/payment-method-list";
import { FormMessage, PayButton } from "@/components/checkout/pay-button";
import type { PaymentMethod } from "@/lib/payments/types";

export function PayAgainForm({ orderId, attemptToken, methods, totalLabel }: { orderId: string; attemptToken: string; methods: readonly PaymentMethod[]; totalLabel: string }) {
  const [state, action, pending] = useActionState<PayAgainState, FormData>(payAgain, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="attemptToken" value={attemptToken} />
      <PaymentMethodList methods={methods} />
      <FormMessage message={state.message} />
      <PayButton pending={pending} label={`Try again: pay ${totalLabel}`} />
    </form>
  );
}
