import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The cart cookie's value: the lines as JSON, base64url, then a dot and an HMAC-SHA256 of that
 * text keyed from the shop's secret. A cookie the shop did not write (edited, or made up: 50
 * lines of one product to get past the per-line cap) reads as an empty cart. Whatever it holds,
 * a cart read back has one line per product, each within the caps.
 */
export const MAX_QUANTITY = 20;
export const MAX_CART_LINES = 50;

export type CartLine = { productId: string; quantity: number };

const linesSchema = z
  .array(z.object({ productId: z.string().min(1).max(100), quantity: z.number().int().min(1).max(MAX_QUANTITY) }))
  .max(MAX_CART_LINES);

/** The cart's own key, derived from the shop's secret (the secret itself signs sessions). */
function cartKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("merchant-storefront cart cookie v1").digest();
}

const mac = (payload: string, secret: string) =>
  createHmac("sha256", cartKey(secret)).update(payload).digest("base64url");

/** One line per product (quantities added, then capped), at most MAX_CART_LINES lines. */
export function normalisedCart(lines: readonly CartLine[]): CartLine[] {
  const merged = new Map<string, number>();
  for (const { productId, quantity } of lines)
    merged.set(productId, Math.min(MAX_QUANTITY, (merged.get(productId) ?? 0) + quantity));
  return [...merged].slice(0, MAX_CART_LINES).map(([productId, quantity]) => ({ productId, quantity }));
}

export function encodeCart(lines: readonly CartLine[], secret: string): string {
  const payload = Buffer.from(JSON.stringify(normalisedCart(lines))).toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/** The lines of a cookie the shop wrote, or [] for anything else. */
export function decodeCart(value: string | undefined, secret: string): CartLine[] {
  if (!value) return [];
  const [payload, signature, ...rest] = value.split(".");
  if (!payload || !signature || rest.length > 0) return [];
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [];
  try {
    const parsed = linesSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? normalisedCart(parsed.data) : [];
  } catch {
    return [];
  }
}
