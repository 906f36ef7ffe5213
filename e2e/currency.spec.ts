import { expect, test } from "./support/test";
import { addProductToCart, choosePaymentMethod, fillCheckout, payOnPaymentIq, readShopDatabase } from "./support/shop";

test(
  "prices follow the chosen currency, with its own decimals, down to the provider",
  { tag: ["@shop"] },
  async ({ page }) => {
    await page.goto("/products/merino-beanie");
    await expect(page.getByTestId("product-price")).toHaveText("$29.00");

    await page.getByLabel("Currency").selectOption("JPY");
    await expect(page.getByTestId("product-price")).toHaveText("¥4,400");
    await page.getByLabel("Currency").selectOption("KWD");
    await expect(page.getByTestId("product-price")).toHaveText(/KWD\s8\.900/);
    await page.getByLabel("Currency").selectOption("JPY");
    await expect(page.getByTestId("product-price")).toHaveText("¥4,400");

    await addProductToCart(page, "merino-beanie", 2);
    await page.goto("/checkout");
    await expect(page.getByTestId("checkout-total")).toHaveText("¥8,800");
    await fillCheckout(page, { email: "yen@example.com" });
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: "Pay ¥8,800" }).click();
    await expect(page.getByTestId("piq-amount")).toHaveText("¥8,800");
    await payOnPaymentIq(page, { number: "4111111111111111" });
    await expect(page.getByTestId("order-status")).toHaveText("Paid");

    const row = readShopDatabase((db) =>
      db
        .prepare("select p.amount, p.currency from payments p join orders o on o.id = p.order_id where o.email = ?")
        .get("yen@example.com"),
    );
    expect(row).toEqual({ amount: 8800, currency: "JPY" });
  },
);

test(
  "the currency menu shows the chosen currency with the new prices, without a reload",
  { tag: ["@shop"] },
  async ({ page }) => {
    await page.goto("/products/merino-beanie");
    const menu = page.getByLabel("Currency");
    await expect(menu).toHaveValue("USD");

    await menu.selectOption("JPY");
    await expect(page.getByTestId("product-price")).toHaveText("¥4,400");
    // Another page of the shop, reached without a reload: the header (and its menu) stays mounted.
    await page.getByRole("link", { name: "Shop", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText("¥4,400").first()).toBeVisible();
    await expect(menu).toHaveValue("JPY");
    await expect(menu.locator("option:checked")).toHaveText("JPY");

    await menu.selectOption("KWD");
    await expect(page.getByText(/KWD\s8\.900/).first()).toBeVisible();
    await page.goto("/products/merino-beanie");
    await expect(menu).toHaveValue("KWD");
    await menu.selectOption("USD");
    await expect(page.getByTestId("product-price")).toHaveText("$29.00");
    await page.getByRole("link", { name: "Shop", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(menu).toHaveValue("USD");
  },
);
