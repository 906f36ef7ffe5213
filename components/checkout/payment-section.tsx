"use client";

import { useState } from "react";
import type { CardFieldErrors } from "@/lib/cards";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import type { PaymentMethod } from "@/lib/payments/types";
import { CardFields } from "./card-fields";
import { methodKey, PaymentMethodList, savedCardKey, type SavedCard } from "./payment-method-list";

/** What the shop offers the shopper to pay with: the same for an order's first payment and another try. */
export interface PaymentChoices {
  methods: readonly PaymentMethod[];
  savedCards?: readonly SavedCard[];
  providerNames?: Readonly<Record<string, string>>;
  /** The providers' browser extensions, by provider. */
  extensions?: Partial<Record<string, BrowserExtensionSetup>>;
  merchantUserId?: string;
  autofill?: Partial<Record<string, string>>;
}

/** A form's payment choices, picked from its props, for PaymentSection (signed in: the shopper has a user id). */
export function paymentChoicesOf(props: PaymentChoices): PaymentChoices & { signedIn: boolean } {
  const { methods, savedCards, providerNames, extensions, merchantUserId, autofill } = props;
  return {
    methods,
    savedCards,
    providerNames,
    extensions,
    merchantUserId,
    autofill,
    signedIn: Boolean(merchantUserId),
  };
}

/** The method list (saved cards first), and the card form when a new card is to be typed. */
export function PaymentSection({
  methods,
  savedCards = [],
  providerNames,
  extensions,
  error,
  cardErrors,
  merchantUserId,
  signedIn = false,
  autofill,
  preselect,
}: PaymentChoices & {
  error?: string;
  cardErrors?: CardFieldErrors;
  signedIn?: boolean;
  /** The method to start on (the one the refused form sent, or the attempt just declined) if it is offered. */
  preselect?: string;
}) {
  const keys = [...savedCards.map(savedCardKey), ...methods.map(methodKey)];
  const [selected, setSelected] = useState(() =>
    preselect !== undefined && keys.includes(preselect) ? preselect : (keys[0] ?? ""),
  );
  const method = methods.find((m) => methodKey(m) === selected);
  return (
    <div className="space-y-4">
      <PaymentMethodList
        methods={methods}
        savedCards={savedCards}
        providerNames={providerNames}
        selected={selected}
        onSelect={setSelected}
        error={error}
      />
      {method?.kind === "card" && (
        <CardFields
          key={method.provider}
          extension={extensions?.[method.provider]}
          serverErrors={cardErrors}
          merchantUserId={merchantUserId}
          offerToSave={signedIn && Boolean(method.canSaveCard)}
          autofillUrl={autofill?.[method.provider]}
        />
      )}
    </div>
  );
}
