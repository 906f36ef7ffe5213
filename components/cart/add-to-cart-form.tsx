"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { addToCart } from "@/app/(shop)/cart/actions";
import type { ActionState } from "@/lib/action-state";
import { countItemsBeingAdded, releaseItemsAdded } from "./cart-count";

/** How many items a submitted form adds (one unless the shopper chose how many). */
function quantityOf(formData: FormData): number {
  const quantity = Number(formData.get("quantity") ?? 1);
  return Number.isInteger(quantity) && quantity > 0 ? quantity : 0;
}

export function AddToCartForm({ productId, compact = false }: { productId: string; compact?: boolean }) {
  const t = useTranslations("AddToCart");
  // The server action itself is the form's action, so the form posts without JavaScript too.
  const [state, action, pending] = useActionState<ActionState, FormData>(addToCart, {});
  const adding = useRef(0);
  /** The header counts them at once; released once the answer (with the header's new count) is shown. */
  const countAtOnce = (event: React.FormEvent<HTMLFormElement>) => {
    const quantity = quantityOf(new FormData(event.currentTarget));
    adding.current += quantity;
    countItemsBeingAdded(quantity);
  };
  useEffect(() => {
    releaseItemsAdded(adding.current);
    adding.current = 0;
  }, [state]);
  return (
    <form action={action} onSubmit={countAtOnce} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="productId" value={productId} />
      {!compact && (
        <label className="flex items-center gap-2 text-sm">
          {t("quantity")}
          <input
            name="quantity"
            type="number"
            min={1}
            max={20}
            defaultValue={1}
            className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? t("adding") : t("add")}
      </button>
      <span role="status" className={state.error ? "text-sm text-red-700" : "text-sm text-brand-700"}>
        {state.error ?? state.message}
      </span>
    </form>
  );
}
