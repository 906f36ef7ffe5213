"use client";

import { useId } from "react";
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
 * One choice of the payment list: a radio row with the choice's name, its badges and one line
 * saying how it works; what the choice needs (the card form) comes right under it while chosen.
 * The radio is uncontrolled and `defaultChecked` follows `checked`: React resets a form after its
 * action, and a radio then returns to its default, so the default must be the choice made.
 */
export function PaymentChoice({
  value,
  checked,
  onSelect,
  title,
  description,
  badges,
  children,
}: {
  /** What the form sends as `paymentMethod`. */
  value: string;
  checked: boolean;
  onSelect: () => void;
  title: string;
  description: string;
  badges?: React.ReactNode;
  /** Shown under the row while the choice is made. */
  children?: React.ReactNode;
}) {
  const id = useId();
  return (
    <div
      className={`rounded-lg border bg-white ${checked ? "border-brand-500 ring-1 ring-brand-500" : "border-stone-200"}`}
      data-testid="payment-choice"
    >
      <label className="flex cursor-pointer flex-wrap items-center gap-3 p-3">
        <input
          type="radio"
          name="paymentMethod"
          value={value}
          defaultChecked={checked}
          onChange={onSelect}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-description`}
        />
        <span className="min-w-40 flex-1">
          <span id={`${id}-title`} className="block font-medium">
            {title}
          </span>
          <span id={`${id}-description`} className="block text-sm text-stone-600">
            {description}
          </span>
        </span>
        {badges}
      </label>
      {checked && children && <div className="border-t border-stone-200 p-3">{children}</div>}
    </div>
  );
}
