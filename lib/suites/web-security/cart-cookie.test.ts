// @module-tag shop
// The cart lives in a cookie the shop signs: a cookie made or edited by the shopper is an empty
// cart, so no one gets past the per-line cap (20) by repeating a line, or changes a cart unseen.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cartCookie } from "@/lib/testing/cart-cookie";
import { checkoutForm } from "@/lib/testing/server-action";
import { actionId, postAction, readRows, serverUrl } from "@/lib/testing/web-fixtures";

/** The cookie a shopper could write by hand: 50 lines of 20 beanies each, unsigned. */
const handMadeCart = `cart=${encodeURIComponent(JSON.stringify(Array.from({ length: 50 }, () => ({ productId: "prd_merino-beanie", quantity: 20 }))))}`;

const cartPage = async (cookie: string) => (await fetch(`${serverUrl()}/cart`, { headers: { cookie } })).text();

function placeOrder(cookie: string) {
  const checkoutToken = randomUUID();
  const { fields } = checkoutForm("lesspay:cashier", checkoutToken);
  return {
    checkoutToken,
    answer: postAction({
      page: "/checkout",
      id: actionId("app/(shop)/checkout/actions.ts", "placeOrderAndPay"),
      fields,
      withState: true,
      cookie,
    }),
  };
}

const ordersWith = (checkoutToken: string) => readRows("select id from orders where checkout_token = ?", checkoutToken);

describe("the cart cookie", () => {
  it("a hand-made cart cookie is an empty cart on the cart page", async () => {
    expect(await cartPage(handMadeCart)).toContain("Your cart is empty");
    expect(await cartPage(cartCookie())).toContain("Merino beanie");
  });

  it("a hand-made cart cookie places no order; the shop's own cookie does", async () => {
    const forged = placeOrder(handMadeCart);
    expect(await (await forged.answer).text()).toContain("Your cart is empty.");
    expect(ordersWith(forged.checkoutToken)).toEqual([]);
    const own = placeOrder(cartCookie());
    expect((await own.answer).status).toBeLessThan(400);
    expect(ordersWith(own.checkoutToken)).toHaveLength(1);
  });
});
