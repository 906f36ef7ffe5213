import { expect, test } from "./support/test";
import { payOnLesspayCashier } from "./support/emulators";
import { checkoutWith, choosePaymentMethod, signIn } from "./support/shop";

/**
 * The e2e server's APP_URL is http://localhost:<port> (playwright.config.ts, e2e/support/serve.mjs);
 * 127.0.0.1 is the same server under another name, with cookies of its own.
 */
const port = Number(process.env.E2E_PORT ?? 3102);
const APP_ORIGIN = `http://localhost:${port}`;
const ALIAS = `http://127.0.0.1:${port}`;

test.describe("a shopper who opens the shop on 127.0.0.1", { tag: ["@shop"] }, () => {
  test.use({ baseURL: ALIAS });

  test("is sent to APP_URL's origin, same path and query", async ({ page, request }) => {
    const answer = await page.goto("/products/pour-over-kettle?from=bookmark");
    expect(page.url()).toBe(`${APP_ORIGIN}/products/pour-over-kettle?from=bookmark`);
    expect(answer?.status()).toBe(200);
    const first = answer?.request().redirectedFrom();
    expect(first?.url()).toBe(`${ALIAS}/products/pour-over-kettle?from=bookmark`);
    expect((await first?.response())?.status()).toBe(307);
    // The APIs answer on any name, as before (webhooks, health checks).
    const health = await request.get(`${ALIAS}/api/health`, {
      maxRedirects: 0,
      headers: { "sec-fetch-mode": "navigate" },
    });
    expect(health.status()).toBe(200);
  });

  test("signs in, pays on Lesspay's cashier and ends on the order page, paid", async ({ page }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    await checkoutWith(page, "pour-over-kettle", "shopper@example.com");
    await choosePaymentMethod(page, "Card on Lesspay's page", "Lesspay");
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnLesspayCashier(page, "4111 1111 1111 1111");
    await expect(page).toHaveURL(new RegExp(`^${APP_ORIGIN}/orders/ord_`));
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });
});
