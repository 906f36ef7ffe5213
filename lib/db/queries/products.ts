import "server-only";
import { and, asc, eq, inArray, sql, type Column } from "drizzle-orm";
import { db, type ShopDatabase } from "../client";
import { productPrices, productTranslations, products } from "../tables";
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
const inLanguage = (translated: Column, own: Column) => sql<string>`coalesce(${translated}, ${own})`;

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
function pricedProducts(database: ShopDatabase, currency: string, locale: string | undefined) {
  // Not async: an async function would run the query it returns (a query builder is awaitable).
  return database
    .select(pricedColumns)
    .from(products)
    .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.currency, currency)))
    .leftJoin(
      productTranslations,
      and(eq(productTranslations.productId, products.id), eq(productTranslations.locale, locale ?? "")),
    );
}

export async function listProducts(currency: string, locale?: string): Promise<PricedProduct[]> {
  const rows = await pricedProducts(await db(), currency, locale).orderBy(asc(products.createdAt), asc(products.name));
  return rows as PricedProduct[];
}

export async function findProductBySlug(
  slug: string,
  currency: string,
  locale?: string,
): Promise<PricedProduct | undefined> {
  const [product] = await pricedProducts(await db(), currency, locale).where(eq(products.slug, slug));
  return product as PricedProduct | undefined;
}

export async function findProductsByIds(
  ids: readonly string[],
  currency: string,
  locale?: string,
): Promise<PricedProduct[]> {
  if (ids.length === 0) return [];
  const rows = await pricedProducts(await db(), currency, locale).where(inArray(products.id, [...ids]));
  return rows as PricedProduct[];
}
