import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { DEFAULT_CURRENCY, isShopCurrency, type ShopCurrency } from "@/lib/money";
import { secureCookies } from "@/lib/secure-cookies";

/**
 * The shopper's cart and currency live in cookies: they survive a reload, work without
 * JavaScript and need no account. The cart holds product ids and quantities only; prices are
 * always read from the database in the chosen currency.
 */
const CART_COOKIE = "cart";
const CURRENCY_COOKIE = "currency";
export const MAX_QUANTITY = 20;

export type CartLine = { productId: string; quantity: number };

const cartSchema = z.array(z.object({ productId: z.string().min(1).max(100), quantity: z.number().int().min(1).max(MAX_QUANTITY) })).max(50);

// `secure`: read once per process from APP_URL (lib/secure-cookies.ts), not from the request.
const cookieOptions = { path: "/", sameSite: "lax" as const, httpOnly: true, maxAge: 60 * 60 * 24 * 30, secure: secureCookies() };

export async function readCart(): Promise<CartLine[]> {
  const raw = (await cookies()).get(CART_COOKIE)?.value;
  if (!raw) return [];
  try {
    const parsed = cartSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function writeCart(lines: CartLine[]): Promise<void> {
  const store = await cookies();
  if (lines.length === 0) store.delete(CART_COOKIE);
  else store.set(CART_COOKIE, JSON.stringify(lines), cookieOptions);
}

export async function readCurrency(): Promise<ShopCurrency> {
  const value = (await cookies()).get(CURRENCY_COOKIE)?.value;
  return isShopCurrency(value) ? value : DEFAULT_CURRENCY;
}

export async function writeCurrency(currency: ShopCurrency): Promise<void> {
  (await cookies()).set(CURRENCY_COOKIE, currency, { ...cookieOptions, httpOnly: false });
}
