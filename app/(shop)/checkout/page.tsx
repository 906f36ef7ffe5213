import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { currentUser } from "@/lib/auth";
import { ForcedOutcomeForm } from "@/components/emulators/forced-outcome-form";
import { forcibleProviders, mayOfferControlPlane } from "@/lib/emulator-control";
import { findStoryline, STORYLINE_CONTACT, storylineWords } from "@/lib/storylines";
import { ProductImage } from "@/components/product-image";
import { autofillUrls, browserExtensions, providerNames, savedCardsFor } from "@/lib/checkout-config";
import { priceCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { paymentMethodsFor } from "@/lib/payments/registry";
import { readCart, readCurrency } from "@/lib/shopper-session";

export async function generateMetadata() {
  return { title: (await getTranslations("Checkout"))("title") };
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ storyline?: string }> }) {
  const [cartLines, currency, user, t, locale] = await Promise.all([
    readCart(),
    readCurrency(),
    currentUser(),
    getTranslations("Checkout"),
    getLocale(),
  ]);
  const story = findStoryline((await searchParams).storyline);
  // The QA panel forces outcomes through the control plane: in public mode an operator's tool only.
  const forcible = (await mayOfferControlPlane()) ? forcibleProviders() : [];
  const cart = await priceCart(cartLines, currency, locale);
  if (cart.lines.length === 0) {
    return <EmptyState title={t("empty")} />;
  }
  const total = formatMoney(cart.total, cart.currency, locale);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0">
        <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
        {story && (
          <div
            className="mb-6 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950"
            data-testid="storyline-steps"
          >
            <p className="font-medium">{t("storyline", { title: storylineWords(story, locale).title })}</p>
            <ol className="mt-1 list-decimal pl-5">
              {storylineWords(story, locale).steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </div>
        )}
        {!user && (
          <p className="mb-6 text-sm text-stone-600">
            {t.rich("guest", {
              signIn: (words) => (
                <Link href="/login?callbackUrl=/checkout" className="underline">
                  {words}
                </Link>
              ),
            })}
          </p>
        )}
        <CheckoutForm
          checkoutToken={randomUUID()}
          methods={paymentMethodsFor(cart.currency)}
          extensions={browserExtensions()}
          savedCards={await savedCardsFor(user?.id)}
          providerNames={providerNames()}
          autofill={autofillUrls()}
          merchantUserId={user?.id}
          totalLabel={total}
          defaults={{
            ...(story ? STORYLINE_CONTACT : {}),
            ...(user?.email ? { email: user.email } : {}),
            ...(user?.name ? { name: user.name } : {}),
          }}
          preselect={story?.method}
        />
      </div>
      <aside className="h-fit space-y-4">
        <div className="rounded-xl border border-stone-200 bg-white p-5">
          <h2 className="mb-3 font-medium">{t("summary")}</h2>
          <ul className="space-y-3 text-sm">
            {cart.lines.map((line) => (
              <li key={line.product.id} className="flex items-center gap-3" data-testid="summary-line">
                <ProductImage product={line.product} thumbnail className="h-12 w-16 shrink-0 rounded-md object-cover" />
                <span className="flex-1">
                  {t("summaryLine", { product: line.product.name, quantity: line.quantity })}
                </span>
                <span>{formatMoney(line.lineTotal, cart.currency, locale)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-4 flex justify-between border-t border-stone-200 pt-3 font-semibold">
            <span>{t("total")}</span>
            <span data-testid="checkout-total">{total}</span>
          </p>
        </div>
        {forcible.length > 0 && (
          <details className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="qa-panel">
            <summary className="cursor-pointer font-medium text-amber-950">{t("qaPanel")}</summary>
            <div className="mt-3 space-y-3">
              {forcible.map((provider) => (
                <ForcedOutcomeForm
                  key={provider.id}
                  provider={provider.id}
                  label={provider.label}
                  initial={[]}
                  noSignature={provider.unsigned}
                />
              ))}
            </div>
          </details>
        )}
      </aside>
    </div>
  );
}
