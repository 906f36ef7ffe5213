"use client";

import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { placeOrderAndPay, type PaymentFormState } from "@/app/(shop)/checkout/actions";
import type { SavedCard } from "./payment-method-list";
import { PaymentSection, paymentChoicesOf } from "./payment-section";
import { useFocusFirstError } from "./focus-first-error";
import { FormMessage, PayButton } from "./pay-button";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import type { PaymentMethod } from "@/lib/payments/types";

/** The countries the shop ships to, in the menu's order (their names are the catalogue's). */
const COUNTRIES = ["SE", "US", "DE", "FR", "GB", "HK", "CN", "JP", "KW"] as const;

function Field({
  name,
  label,
  error,
  ...input
}: { name: string; label: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errorId = useId();
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
        {...input}
      />
      {error && (
        <span id={errorId} className="mt-1 block text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}

export function CheckoutForm(props: {
  checkoutToken: string;
  methods: readonly PaymentMethod[];
  extensions: Partial<Record<string, BrowserExtensionSetup>>;
  savedCards: readonly SavedCard[];
  providerNames: Readonly<Record<string, string>>;
  autofill?: Partial<Record<string, string>>;
  /** The order's total, formatted for the shopper's language. */
  totalLabel: string;
  /** What the contact fields start with (a signed-in shopper's email and name, a storyline's details). */
  defaults: Partial<Record<"email" | "name" | "addressLine" | "city" | "postalCode" | "country", string>>;
  /** The method to start on (a storyline's), unless a refused form sent another. */
  preselect?: string;
  merchantUserId?: string;
}) {
  const t = useTranslations("Checkout");
  const [state, action, pending] = useActionState<PaymentFormState, FormData>(placeOrderAndPay, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  /** A field's name, what was typed in it (at first `initial`) and its error. */
  const filled = (name: keyof NonNullable<PaymentFormState["fieldErrors"]>, initial?: string) => ({
    name,
    defaultValue: v[name] ?? initial,
    error: e[name],
  });
  return (
    <form ref={form} action={action} className="space-y-6" noValidate>
      <input type="hidden" name="checkoutToken" value={props.checkoutToken} />
      <section className="grid gap-4 sm:grid-cols-2">
        <h2 className="font-medium sm:col-span-2">{t("contact")}</h2>
        <Field {...filled("email", props.defaults.email)} label={t("email")} type="email" autoComplete="email" />
        <Field {...filled("name", props.defaults.name)} label={t("name")} autoComplete="name" />
        <div className="sm:col-span-2">
          <Field
            {...filled("addressLine", props.defaults.addressLine)}
            label={t("addressLine")}
            autoComplete="street-address"
          />
        </div>
        <Field {...filled("city", props.defaults.city)} label={t("city")} autoComplete="address-level2" />
        <Field
          {...filled("postalCode", props.defaults.postalCode)}
          label={t("postalCode")}
          autoComplete="postal-code"
        />
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("country")}</span>
          <select
            name="country"
            key={v.country ?? props.defaults.country ?? "SE"}
            defaultValue={v.country ?? props.defaults.country ?? "SE"}
            className="w-full rounded-md border border-stone-300 bg-white px-3 py-2"
          >
            {COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {t(`countries.${code}`)}
              </option>
            ))}
          </select>
          {e.country && <span className="mt-1 block text-red-700">{e.country}</span>}
        </label>
      </section>
      <PaymentSection
        {...paymentChoicesOf(props)}
        preselect={v.paymentMethod ?? props.preselect}
        error={e.paymentMethod}
        cardErrors={state.cardErrors}
      />
      <FormMessage message={state.error} />
      <PayButton
        pending={pending}
        disabled={props.methods.length === 0}
        label={t("pay", { total: props.totalLabel })}
        wide
      />
    </form>
  );
}
