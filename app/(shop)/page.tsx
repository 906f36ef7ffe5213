import { ProductCard } from "@/components/product-card";
import { listProducts } from "@/lib/db/queries/products";
import { readCurrency } from "@/lib/shopper-session";

export default async function CataloguePage() {
  const currency = await readCurrency();
  const products = listProducts(currency);
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-panel px-8 py-10 text-brand-panel-text">
        <h1 className="text-3xl font-semibold tracking-tight">Well-made things, paid five ways</h1>
        <p className="mt-2 max-w-2xl text-brand-panel-muted">
          A reference shop for card payments, 3-D Secure, QR codes, stored cards and one-click wallets. Every provider
          runs locally as an emulator, so any outcome can be tried on purpose: see the test data.
        </p>
      </section>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {products.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
    </div>
  );
}
