import { takesCards } from "@/lib/payments/card-methods";
import type { PaymentMethod } from "@/lib/payments/types";

/** The wallets and QR methods whose name and one-line note the catalogue words (`CheckoutPayment.methods`). */
const NAMED_METHODS = ["alipayhk", "wechatpay", "alipay"] as const;
type NamedMethod = (typeof NAMED_METHODS)[number];
/** Wallets a shopper may have linked, named by the catalogue too (a linked wallet is known by its name). */
const NAMED_WALLETS = [...NAMED_METHODS, "gcash"] as const;
type NamedWallet = (typeof NAMED_WALLETS)[number];

/** The catalogue's words for ways to pay: a translator of the `CheckoutPayment` namespace. */
export type MethodWords = (key: "card" | `methods.${NamedWallet}` | `methodNotes.${NamedMethod}`) => string;

const isNamed = (id: string): id is NamedMethod => (NAMED_METHODS as readonly string[]).includes(id);
const walletKey = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");
const isNamedWallet = (key: string): key is NamedWallet => (NAMED_WALLETS as readonly string[]).includes(key);

/**
 * A way to pay as the shopper knows it, in their language: "Card" for whatever takes a card, a
 * wallet's or QR method's own name; a method the catalogue does not know keeps its provider's label.
 */
export function methodName(
  t: MethodWords,
  method: Pick<PaymentMethod, "method" | "kind" | "cardPage" | "label">,
): string {
  if (takesCards(method)) return t("card");
  return isNamed(method.method) ? t(`methods.${method.method}`) : method.label;
}

/** A wallet's or QR method's one line on how it works, in the shopper's language. */
export function methodNote(t: MethodWords, method: Pick<PaymentMethod, "method" | "description">): string {
  return isNamed(method.method) ? t(`methodNotes.${method.method}`) : method.description;
}

/** A wallet by its name as a provider gives it ("AlipayHK", "GCASH"), in the shopper's language. */
export function walletName(t: MethodWords, name: string): string {
  const key = walletKey(name);
  return isNamedWallet(key) ? t(`methods.${key}`) : name;
}
