import { test } from "@playwright/test";
import { addProductToCart } from "../e2e/support/shop";

/** The checkout as a shopper first sees it, in each language and theme the README shows. */
const SHOTS = [
  { locale: "en", theme: "light" },
  { locale: "en", theme: "dark" },
  { locale: "zh", theme: "light" },
  { locale: "zh", theme: "dark" },
] as const;

for (const shot of SHOTS) {
  test(`checkout-${shot.locale}-${shot.theme}`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ colorScheme: shot.theme, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    // The cart is filled in English (the page objects read English labels), then the language is chosen.
    await addProductToCart(page, "merino-beanie");
    await addProductToCart(page, "walnut-notebook");
    await context.addCookies([{ name: "NEXT_LOCALE", value: shot.locale, url: baseURL! }]);
    await page.goto("/checkout");
    await page.screenshot({ path: `docs/screenshots/checkout-${shot.locale}-${shot.theme}.png`, fullPage: true });
    await context.close();
  });
}
