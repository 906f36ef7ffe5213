import { randomUUID } from "node:crypto";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { currentUser } from "@/lib/auth";
import { autofillUrls, riskConfigs, savedCardsFor } from "@/lib/checkout-config";
import { priceCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { paymentMethodsFor } from "@/lib/payments/registry";
import { readCart, readCurrency } from "@/lib/shopper-session";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const [cartLines, currency, user] = await Promise.all([readCart(), readCurrency(), currentUser()]);
  const cart = priceCart(cartLines, currency);
  if (cart.lines.length === 0) {
    return <EmptyState title="Nothing to check out" />;
  }
  const total = formatMoney(cart.total, cart.currency);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div>
        <h1 className="mb-6 text-2xl font-semibold">Checkout</h1>
        {!user && (
          <p className="mb-6 text-sm text-stone-600">
            Checking out as a guest. <Link href="/login?callbackUrl=/checkout" className="underline">Sign in</Link> to keep the order in your history.
          </p>
        )}
        <CheckoutForm checkoutToken={randomUUID()} methods={paymentMethodsFor(cart.currency)} risk={riskConfigs()} savedCards={savedCardsFor(user?.id)} autofill={autofillUrls()} merchantUserId={user?.id} totalLabel={total} defaults={{ email: user?.email ?? undefined, name: user?.name ?? undefined }} />
      </div>
      <aside className="h-fit rounded-xl border border-stone-200 bg-white p-5">
        <h2 className="mb-3 font-medium">Order summary</h2>
        <ul className="space-y-2 text-sm">
          {cart.lines.map((line) => (
            <li key={line.product.id} className="flex justify-between gap-3">
              <span>
                {line.product.name} × {line.quantity}
              </span>
              <span>{formatMoney(line.lineTotal, cart.currency)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4 flex justify-between border-t border-stone-200 pt-3 font-semibold">
          <span>Total</span>
          <span data-testid="checkout-total">{total}</span>
        </p>
      </aside>
    </div>
  );
}
