import { randomBytes } from "node:crypto";

/** A branded order id: an order is inserted only with an id made here. */
export type OrderId = string & { readonly __brand: "OrderId" };

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A random id with a readable prefix, e.g. `ord_k3x9...`; 16 base-36 characters (~82 bits). */
export function randomId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  let body = "";
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${body}`;
}

export const newOrderId = () => randomId("ord") as OrderId;
/** Our payment id doubles as the merchant reference sent to the provider (at most 20 characters: the shortest limit a provider sets). */
export const newPaymentId = () => randomId("pay", 16);
