import Link from "next/link";
import { useLocale } from "next-intl";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { ProductImage } from "@/components/product-image";
import type { PricedProduct } from "@/lib/db/queries/products";
import { formatMoney } from "@/lib/money";

export function ProductCard({ product }: { product: PricedProduct }) {
  return (
    <article
      className="flex flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm"
      data-testid="product-card"
    >
      <Link href={`/products/${product.slug}`} className="block aspect-[4/3] overflow-hidden bg-stone-100">
        <ProductImage product={product} className="h-full w-full object-cover transition hover:scale-105" />
      </Link>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-xs tracking-wide text-stone-500 uppercase">{product.category}</p>
        <h2 className="font-medium">
          <Link href={`/products/${product.slug}`} className="hover:text-brand-600">
            {product.name}
          </Link>
        </h2>
        <p className="font-semibold" data-testid="product-price">
          {formatMoney(product.price, product.currency, useLocale())}
        </p>
        <div className="mt-auto pt-2">
          <AddToCartForm productId={product.id} compact />
        </div>
      </div>
    </article>
  );
}
