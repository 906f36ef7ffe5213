"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { payAgain, type PaymentFormState } from "@/app/(shop)/checkout/actions";
import { useFocusFirstError } from "@/components/checkout/focus-first-error";
import { FormMessage, PayButton } from "@/components/checkout/pay-button";
import { methodKey, type SavedCard } from "@/components/checkout/payment-method-list";
import { PaymentSection, paymentChoicesOf } from "@/components/checkout/payment-section";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import type { PaymentMethod } from "@/lib/payments/types";

export function PayAgainForm(props: {
  orderId: string;
  attemptToken: string;
  methods: readonly PaymentMethod[];
  savedCards: readonly SavedCard[];
  providerNames: Readonly<Record<string, string>>;
  autofill?: Partial<Record<string, string>>;
  extensions: Partial<Record<string, BrowserExtensionSetup>>;
  totalLabel: string;
  merchantUserId?: string;
  /** The open attempt this payment replaces (closed at its provider first). */
  replaceAttempt?: string;
  buttonLabel?: string;
  /** The attempt just declined: a retry starts on its method. */
  declined?: { provider: string; method: string };
}) {
  const [state, action, pending] = useActionState<PaymentFormState, FormData>(payAgain, {});
  const form = useRef<HTMLFormElement>(null);
  const t = useTranslations("PaymentAttempt");
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="orderId" value={props.orderId} />
      <input type="hidden" name="attemptToken" value={props.attemptToken} />
      {props.replaceAttempt && <input type="hidden" name="replaceAttempt" value={props.replaceAttempt} />}
      <PaymentSection
        {...paymentChoicesOf(props)}
        preselect={props.declined && methodKey(props.declined)}
        cardErrors={state.cardErrors}
      />
      <FormMessage message={state.error} />
      <PayButton pending={pending} label={props.buttonLabel ?? t("tryAgain", { total: props.totalLabel })} />
    </form>
  );
}
