import "server-only";
import { and, asc, eq, inArray, sql, type Column, type Placeholder } from "drizzle-orm";
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
function pricedProducts(
  database: ShopDatabase,
  currency: string | Placeholder,
  locale: string | Placeholder | undefined,
) {
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

/**
 * The products of a cart or an order (on every Pay: its prices), prepared once per database and
 * number of ids (a cart has at most 50 lines; more ids are looked up with a query built each time):
 * drizzle otherwise builds the query's SQL again on every call.
 */
function preparePricedByIds(database: ShopDatabase, count: number) {
  return pricedProducts(database, sql.placeholder("currency"), sql.placeholder("locale"))
    .where(
      inArray(
        products.id,
        Array.from({ length: count }, (_, index) => sql.placeholder(`id${index}`)),
      ),
    )
    .prepare(`products_priced_by_ids_${count}`);
}
const PREPARED_IDS_AT_MOST = 50;
const preparedPricedByIds = new WeakMap<ShopDatabase, Map<number, ReturnType<typeof preparePricedByIds>>>();

export async function findProductsByIds(
  ids: readonly string[],
  currency: string,
  locale?: string,
): Promise<PricedProduct[]> {
  if (ids.length === 0) return [];
  const database = await db();
  if (ids.length > PREPARED_IDS_AT_MOST)
    return (await pricedProducts(database, currency, locale).where(inArray(products.id, [...ids]))) as PricedProduct[];
  let prepared = preparedPricedByIds.get(database);
  if (!prepared) preparedPricedByIds.set(database, (prepared = new Map()));
  let statement = prepared.get(ids.length);
  if (!statement) prepared.set(ids.length, (statement = preparePricedByIds(database, ids.length)));
  const rows = await statement.execute({
    currency,
    locale: locale ?? "",
    ...Object.fromEntries(ids.map((id, index) => [`id${index}`, id])),
  });
  return rows as PricedProduct[];
}
