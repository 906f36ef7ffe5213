import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { db } from "../client";
import { productPrices, productTranslations, products } from "../schema";
import type { Minor } from "@/lib/money";

export interface PricedProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  image: string;
  price: Minor;
  currency: string;
}

/** A product's words in the shopper's language where translated, else the catalogue's own. */
const inLanguage = (translated: SQLiteColumn, own: SQLiteColumn) => sql<string>`coalesce(${translated}, ${own})`;

const pricedColumns = {
  id: products.id,
  slug: products.slug,
  name: inLanguage(productTranslations.name, products.name),
  description: inLanguage(productTranslations.description, products.description),
  category: inLanguage(productTranslations.category, products.category),
  image: products.image,
  price: productPrices.amount,
  currency: productPrices.currency,
};

/**
 * Products priced in one currency, worded in one language (`locale`; the catalogue's own words, English,
 * where a product has no translation or no locale is given).
 */
function pricedProducts(currency: string, locale: string | undefined) {
  return db()
    .select(pricedColumns)
    .from(products)
    .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.currency, currency)))
    .leftJoin(
      productTranslations,
      and(eq(productTranslations.productId, products.id), eq(productTranslations.locale, locale ?? "")),
    );
}

export function listProducts(currency: string, locale?: string): PricedProduct[] {
  return pricedProducts(currency, locale).orderBy(asc(products.createdAt), asc(products.name)).all() as PricedProduct[];
}

export function findProductBySlug(slug: string, currency: string, locale?: string): PricedProduct | undefined {
  return pricedProducts(currency, locale).where(eq(products.slug, slug)).get() as PricedProduct | undefined;
}

export function findProductsByIds(ids: readonly string[], currency: string, locale?: string): PricedProduct[] {
  if (ids.length === 0) return [];
  return pricedProducts(currency, locale)
    .where(inArray(products.id, [...ids]))
    .all() as PricedProduct[];
}
