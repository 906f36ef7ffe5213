import "server-only";
import { settings } from "@/lib/env";
import { DEFAULT_CARD_PROCESSOR, PROVIDERS } from "@/lib/providers";
import { isPublicMode } from "@/lib/public-mode";
import { takesCards } from "./card-methods";
import type { PaymentMethod } from "./types";

const keyOf = (m: Pick<PaymentMethod, "provider" | "method">) => `${m.provider}:${m.method}`;

/** Every registered method that takes cards for a currency, in registry order. */
function cardMethodsFor(currency: string): PaymentMethod[] {
  return PROVIDERS.flatMap(({ adapter }) =>
    adapter.methods.filter((m) => takesCards(m) && m.currencies.includes(currency)),
  );
}

/**
 * The card processors checkout offers for a currency, the configured one (CARD_PROCESSOR, else
 * DEFAULT_CARD_PROCESSOR) first.
 * On a laptop QA may switch to any other; a public deployment offers the configured one only. A
 * configured processor the shop does not have (or that refuses the currency) falls back to the first.
 */
export function offeredCardProcessors(currency: string): PaymentMethod[] {
  const all = cardMethodsFor(currency);
  const wanted = settings().CARD_PROCESSOR ?? DEFAULT_CARD_PROCESSOR;
  const configured = all.find((m) => keyOf(m) === wanted) ?? all[0];
  if (!configured) return [];
  if (isPublicMode()) return [configured];
  return [configured, ...all.filter((m) => m !== configured)];
}

/** The methods checkout offers for a currency: the card processors first, then wallets and QR methods. */
export function checkoutMethodsFor(currency: string): PaymentMethod[] {
  const others = PROVIDERS.flatMap(({ adapter }) =>
    adapter.methods.filter((m) => !takesCards(m) && m.currencies.includes(currency)),
  );
  return [...offeredCardProcessors(currency), ...others];
}

/** Whether checkout offers this method for the currency (a card processor QA may not switch to is not offered). */
export function isOffered(method: Pick<PaymentMethod, "provider" | "method">, currency: string): boolean {
  return checkoutMethodsFor(currency).some((m) => keyOf(m) === keyOf(method));
}
