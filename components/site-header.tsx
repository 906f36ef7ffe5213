import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { logOut } from "@/app/actions/session";
import { CartCount } from "@/components/cart/cart-count";
import { CurrencySelect } from "@/components/currency-select";
import { LanguageSelect } from "@/components/language-select";
import { currentUser } from "@/lib/auth";
import { SHOP_CURRENCIES } from "@/lib/money";
import { readCart, readCurrency } from "@/lib/shopper-session";

export async function SiteHeader() {
  const [user, cart, currency, t] = await Promise.all([
    currentUser(),
    readCart(),
    readCurrency(),
    getTranslations("SiteHeader"),
  ]);
  const count = cart.reduce((n, line) => n + line.quantity, 0);
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-4">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          {t("home")}
        </Link>
        <nav className="flex flex-1 flex-wrap items-center gap-x-4 gap-y-1 text-sm whitespace-nowrap">
          <Link href="/" className="hover:text-brand-600">
            {t("shop")}
          </Link>
          {user && (
            <Link href="/account" className="hover:text-brand-600">
              {t("myOrders")}
            </Link>
          )}
          {user?.role === "operator" && (
            <Link href="/admin" className="hover:text-brand-600">
              {t("console")}
            </Link>
          )}
          <Link href="/emulators" className="text-stone-500 hover:text-brand-600">
            {t("testData")}
          </Link>
          <Link href="/demo" className="text-stone-500 hover:text-brand-600">
            {t("demoTour")}
          </Link>
        </nav>
        <div className="flex items-center gap-4 text-sm">
          <LanguageSelect />
          <CurrencySelect current={currency} currencies={SHOP_CURRENCIES} />
          <Link
            href="/cart"
            className="rounded-md bg-stone-100 px-3 py-1.5 font-medium hover:bg-stone-200"
            data-testid="cart-link"
          >
            {t("cart")} <CartCount count={count} />
          </Link>
          {user ? (
            <form action={logOut} className="flex items-center gap-2">
              <span className="text-stone-500">{user.email}</span>
              <button type="submit" className="underline hover:text-brand-600">
                {t("signOut")}
              </button>
            </form>
          ) : (
            <Link href="/login" className="underline hover:text-brand-600">
              {t("signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
