import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { ProductImage } from "@/components/product-image";
import { updateCartLine } from "./actions";
import { priceCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { readCart, readCurrency } from "@/lib/shopper-session";

export async function generateMetadata() {
  return { title: (await getTranslations("Cart"))("title") };
}

export default async function CartPage() {
  const [t, locale] = await Promise.all([getTranslations("Cart"), getLocale()]);
  const cart = await priceCart(await readCart(), await readCurrency(), locale);
  const money = (amount: number) => formatMoney(amount, cart.currency, locale);
  if (cart.lines.length === 0) {
    return <EmptyState title={t("empty")} />;
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
        {cart.lines.map((line) => (
          <li key={line.product.id} className="flex flex-wrap items-center gap-4 p-4" data-testid="cart-line">
            <ProductImage product={line.product} thumbnail className="h-16 w-20 shrink-0 rounded-md object-cover" />
            <div className="flex-1">
              <Link href={`/products/${line.product.slug}`} className="font-medium hover:text-brand-600">
                {line.product.name}
              </Link>
              <p className="text-sm text-stone-500">{t("each", { price: money(line.product.price) })}</p>
            </div>
            <form action={updateCartLine} className="flex items-center gap-2">
              <input type="hidden" name="productId" value={line.product.id} />
              <label className="sr-only" htmlFor={`qty-${line.product.id}`}>
                {t("quantityOf", { product: line.product.name })}
              </label>
              <input
                id={`qty-${line.product.id}`}
                name="quantity"
                type="number"
                min={0}
                max={20}
                defaultValue={line.quantity}
                className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
              />
              <button type="submit" className="text-sm underline">
                {t("update")}
              </button>
            </form>
            <form action={updateCartLine}>
              <input type="hidden" name="productId" value={line.product.id} />
              <input type="hidden" name="quantity" value="0" />
              <button type="submit" className="text-sm text-red-700 underline">
                {t("remove")}
              </button>
            </form>
            <p className="w-28 text-right font-medium">{money(line.lineTotal)}</p>
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-end gap-6">
        <p className="text-lg">
          {t("total")}{" "}
          <span className="font-semibold" data-testid="cart-total">
            {money(cart.total)}
          </span>
        </p>
        <Link
          href="/checkout"
          className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700"
        >
          {t("checkout")}
        </Link>
      </div>
    </div>
  );
}
