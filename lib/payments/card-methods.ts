import type { PaymentMethod } from "./types";

/** Whether a method takes a card: with the shop's card form, or on the provider's card page. */
export function takesCards(method: Pick<PaymentMethod, "kind" | "cardPage">): boolean {
  return method.kind === "card" || Boolean(method.cardPage);
}
