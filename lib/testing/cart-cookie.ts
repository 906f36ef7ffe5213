import { dirname, join, resolve } from "node:path";
import { authSecret } from "@/lib/auth-secret";
import { encodeCart, type CartLine } from "@/lib/cart-cookie";

export const ONE_BEANIE: CartLine[] = [{ productId: "prd_merino-beanie", quantity: 1 }];

/**
 * A `cart=` cookie as the test server at `dataDir` writes it (signed with its secret, created there
 * first if the server has not made it yet): default, the server whose database DATABASE_PATH names.
 */
export function cartCookie(
  lines: CartLine[] = ONE_BEANIE,
  dataDir = dirname(process.env.DATABASE_PATH ?? "data/test-integration/shop.sqlite"),
): string {
  return `cart=${encodeURIComponent(encodeCart(lines, authSecret(resolve(join(dataDir, "auth-secret")))))}`;
}
