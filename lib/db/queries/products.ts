import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "../client";
import { productPrices, products } from "../schema";
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

const pricedColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  category: products.category,
  image: products.image,
  price: productPrices.amount,
  currency: productPrices.currency,
};

export function listProducts(currency: string): PricedProduct[] {
  return db()
    .select(pricedColumns)
    .from(products)
    .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.currency, currency)))
    .orderBy(asc(products.createdAt), asc(products.name))
    .all() as PricedProduct[];
}

export function findProductBySlug(slug: string, currency: string): PricedProduct | undefined {
  return db()
    .select(pricedColumns)
    .from(products)
    .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.currency, currency)))
    .where(eq(products.slug, slug))
    .get() as PricedProduct | undefined;
}

export function findProductsByIds(ids: readonly string[], currency: string): PricedProduct[] {
  if (ids.length === 0) return [];
  return db()
    .select(pricedColumns)
    .from(products)
    .innerJoin(productPrices, and(eq(productPrices.productId, products.id), eq(productPrices.currency, currency)))
    .where(inArray(products.id, [...ids]))
    .all() as PricedProduct[];
}
