import { getLocale, getTranslations } from "next-intl/server";
import { ProductCard } from "@/components/product-card";
import { listProducts } from "@/lib/db/queries/products";
import { readCurrency } from "@/lib/shopper-session";

export default async function CataloguePage() {
  const currency = await readCurrency();
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale()]);
  const products = await listProducts(currency, locale);
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-panel px-8 py-10 text-brand-panel-text">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 max-w-2xl text-brand-panel-muted">{t("intro")}</p>
      </section>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {products.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
    </div>
  );
}
