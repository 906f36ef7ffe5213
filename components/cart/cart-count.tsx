"use client";

import { useSyncExternalStore } from "react";

/**
 * Items on their way into the cart: an add-to-cart form counts them here as it submits, so the
 * header's count shows them at once, and lets them go once the server's own count (the header
 * rendered again by the action's revalidation) has arrived.
 */
let pendingItems = 0;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function change(by: number) {
  pendingItems = Math.max(0, pendingItems + by);
  for (const listener of listeners) listener();
}

export const countItemsBeingAdded = (quantity: number) => change(quantity);
export const releaseItemsAdded = (quantity: number) => change(-quantity);

/** The header's cart count: what the server counted plus what is being added right now. */
export function CartCount({ count }: { count: number }) {
  const adding = useSyncExternalStore(
    subscribe,
    () => pendingItems,
    () => 0,
  );
  return <span data-testid="cart-count">({count + adding})</span>;
}
