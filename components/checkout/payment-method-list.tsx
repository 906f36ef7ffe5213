"use client";

import type { PaymentMethod } from "@/lib/payments/types";

/** A card the signed-in shopper saved with a provider (only what may be shown). */
export interface SavedCard {
  id: string;
  /** A saved card, or a linked wallet (one-click). */
  kind: "card" | "wallet";
  provider: string;
  brand: string | null;
  last4: string | null;
  expiry: string | null;
}

export const savedCardKey = (card: SavedCard) => `${card.provider}:${card.kind}:${card.id}`;

export const methodKey = (m: Pick<PaymentMethod, "provider" | "method">) => `${m.provider}:${m.method}`;

/**
 * Radio list of the payment methods the registry offers for the order's currency. The radios are
 * uncontrolled and `defaultChecked` follows `selected`: React resets a form after its action, and a
 * radio then returns to its default, so the default must be the method chosen, not the first one.
 */
export function PaymentMethodList({
  methods,
  savedCards = [],
  providerNames = {},
  selected,
  onSelect,
  error,
}: {
  methods: readonly PaymentMethod[];
  savedCards?: readonly SavedCard[];
  /** Each provider's display name, by id (lib/checkout-config.ts). */
  providerNames?: Readonly<Record<string, string>>;
  selected?: string;
  onSelect?: (key: string) => void;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-medium">Payment method</legend>
      {methods.length === 0 && <p className="text-sm text-red-700">No payment method accepts this currency.</p>}
      {savedCards.map((card) => (
        <label
          key={card.id}
          className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-200 bg-white p-3 has-[:checked]:border-brand-500 has-[:checked]:ring-1 has-[:checked]:ring-brand-500"
        >
          <input
            type="radio"
            name="paymentMethod"
            value={savedCardKey(card)}
            defaultChecked={selected === savedCardKey(card)}
            onChange={() => onSelect?.(savedCardKey(card))}
            className="mt-1"
          />
          <span>
            <span className="block font-medium">
              {card.kind === "wallet"
                ? `Pay with ${card.brand} (linked)`
                : `Saved ${card.brand ?? "card"} •••• ${card.last4}`}{" "}
              <span className="text-xs font-normal text-stone-500">
                · {providerNames[card.provider] ?? card.provider}
              </span>
            </span>
            <span className="block text-sm text-stone-500">
              {card.kind === "wallet"
                ? "One click: the wallet pays without asking again."
                : `${card.expiry ? `Expires ${card.expiry}. ` : ""}No need to type it again.`}
            </span>
          </span>
        </label>
      ))}
      {methods.map((m, index) => (
        <label
          key={methodKey(m)}
          className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-200 bg-white p-3 has-[:checked]:border-brand-500 has-[:checked]:ring-1 has-[:checked]:ring-brand-500"
        >
          <input
            type="radio"
            name="paymentMethod"
            value={methodKey(m)}
            defaultChecked={selected === undefined ? index === 0 : selected === methodKey(m)}
            onChange={() => onSelect?.(methodKey(m))}
            className="mt-1"
          />
          <span>
            <span className="block font-medium">
              {m.label}{" "}
              <span className="text-xs font-normal text-stone-500">· {providerNames[m.provider] ?? m.provider}</span>
            </span>
            <span className="block text-sm text-stone-500">{m.description}</span>
          </span>
        </label>
      ))}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
