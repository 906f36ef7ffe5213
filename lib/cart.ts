import "server-only";
import { findProductsByIds, type PricedProduct } from "@/lib/db/queries/products";
import { multiplyMinor, sumMinor, type Minor } from "@/lib/money";
import type { CartLine } from "@/lib/shopper-session";

export interface PricedCartLine {
  product: PricedProduct;
  quantity: number;
  lineTotal: Minor;
}

export interface PricedCart {
  currency: string;
  lines: PricedCartLine[];
  total: Minor;
  count: number;
}

/**
 * Prices a cart in one currency from the database (lines whose product is gone are dropped), its products
 * worded in `locale` where translated.
 */
export async function priceCart(lines: readonly CartLine[], currency: string, locale?: string): Promise<PricedCart> {
  const found = await findProductsByIds(
    lines.map((l) => l.productId),
    currency,
    locale,
  );
  const products = new Map(found.map((p) => [p.id, p]));
  const priced = lines.flatMap((line) => {
    const product = products.get(line.productId);
    return product
      ? [{ product, quantity: line.quantity, lineTotal: multiplyMinor(product.price, line.quantity) }]
      : [];
  });
  return {
    currency,
    lines: priced,
    total: sumMinor(priced.map((l) => l.lineTotal)),
    count: priced.reduce((n, l) => n + l.quantity, 0),
  };
}
