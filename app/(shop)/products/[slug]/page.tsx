import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { ProductImage } from "@/components/product-image";
import { findProductBySlug } from "@/lib/db/queries/products";
import { formatMoney } from "@/lib/money";
import { readCurrency } from "@/lib/shopper-session";

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [t, locale, currency] = await Promise.all([getTranslations("Product"), getLocale(), readCurrency()]);
  const product = await findProductBySlug(slug, currency, locale);
  if (!product) notFound();
  return (
    <div className="grid gap-10 md:grid-cols-2">
      <div className="overflow-hidden rounded-2xl border border-stone-200 bg-white">
        <ProductImage product={product} className="h-full w-full object-cover" priority />
      </div>
      <div className="space-y-4">
        <Link href="/" className="text-sm text-stone-500 hover:text-brand-600">
          {t("allProducts")}
        </Link>
        <p className="text-xs tracking-wide text-stone-500 uppercase">{product.category}</p>
        <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
        <p className="text-2xl font-semibold" data-testid="product-price">
          {formatMoney(product.price, product.currency, locale)}
        </p>
        <p className="text-stone-700">{product.description}</p>
        <AddToCartForm productId={product.id} />
      </div>
    </div>
  );
}
