import "server-only";
import { cookies } from "next/headers";
import { authSecret } from "@/lib/auth-secret";
import { decodeCart, encodeCart, type CartLine } from "@/lib/cart-cookie";
import { settings } from "@/lib/env";
import { DEFAULT_CURRENCY, isShopCurrency, type ShopCurrency } from "@/lib/money";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";

/**
 * The shopper's cart and currency live in cookies: they survive a reload, work without
 * JavaScript and need no account. The cart holds product ids and quantities only, signed by the
 * shop (lib/cart-cookie.ts: an edited cookie is an empty cart); prices are always read from the
 * database in the chosen currency.
 */
const CART_COOKIE = "cart";
const CURRENCY_COOKIE = "currency";
export { MAX_QUANTITY, type CartLine } from "@/lib/cart-cookie";

/** `Secure` when the shop is reached over https (APP_URL), whatever the hop from a proxy was. */
const cookieOptions = () => ({
  path: "/",
  sameSite: "lax" as const,
  httpOnly: true,
  secure: settings().APP_URL.startsWith("https:"),
  maxAge: 60 * 60 * 24 * 30,
});

export async function readCart(): Promise<CartLine[]> {
  return decodeCart((await cookies()).get(CART_COOKIE)?.value, authSecret());
}

export async function writeCart(lines: CartLine[]): Promise<void> {
  const store = await cookies();
  if (lines.length === 0) store.delete(CART_COOKIE);
  else store.set(CART_COOKIE, encodeCart(lines, authSecret()), cookieOptions());
}

export async function readCurrency(): Promise<ShopCurrency> {
  const value = (await cookies()).get(CURRENCY_COOKIE)?.value;
  return isShopCurrency(value) ? value : DEFAULT_CURRENCY;
}

export async function writeCurrency(currency: ShopCurrency): Promise<void> {
  (await cookies()).set(CURRENCY_COOKIE, currency, { ...cookieOptions(), httpOnly: false });
}

/** The shopper's language, chosen in the header (read back by i18n/request.ts); a year, like a preference. */
export async function writeLanguage(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { ...cookieOptions(), httpOnly: false, maxAge: 60 * 60 * 24 * 365 });
}
