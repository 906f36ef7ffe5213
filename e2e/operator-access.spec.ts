import { expect, test } from "./support/test";
import { addProductToCart, choosePaymentMethod, fillCheckout, payOnPaymentIq, signIn } from "./support/shop";

test("an operator reaches /admin and sees the orders with their status", { tag: ["@shop"] }, async ({ page }) => {
  await signIn(page, "operator@example.com", "operator-demo", "/admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Operator console" })).toBeVisible();
  await expect(page.getByTestId("admin-orders")).toBeVisible();
  await expect(page.getByTestId("admin-orders").getByRole("columnheader", { name: "Status" })).toBeVisible();
});

test("a signed-in shopper is refused /admin with 403", { tag: ["@shop"] }, async ({ page }) => {
  await signIn(page, "shopper@example.com", "shopper-demo");
  await expect(page).toHaveURL(/\/account$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("access-refused")).toBeVisible();
  await expect(page.getByTestId("admin-orders")).toHaveCount(0);
});

test("a guest is sent to sign in and sees no operator data", { tag: ["@shop"] }, async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await expect(page.getByTestId("admin-orders")).toHaveCount(0);
});

test("a wrong password is explained", { tag: ["@shop"] }, async ({ page }) => {
  await signIn(page, "shopper@example.com", "not-the-password", "/account", { expectFailure: true });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test(
  "a signed-in shopper's order appears in their history, and not to a guest",
  { tag: ["@shop"] },
  async ({ page, browser }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
    await addProductToCart(page, "brass-fountain-pen");
    await page.goto("/checkout");
    await expect(page.getByLabel("Email")).toHaveValue("shopper@example.com");
    await fillCheckout(page, { email: "shopper@example.com", name: "Sam Shopper" });
    // The shopper may have saved cards from other tests: choose the method explicitly.
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnPaymentIq(page, { number: "4111111111111111", cardholder: "Sam Shopper" });
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const orderUrl = new URL(page.url()).pathname;

    await page.goto("/account");
    // Listed by its readable number, linking to the order.
    await expect(page.getByTestId("account-order").and(page.locator(`[href="${orderUrl}"]`))).toHaveText(
      /^Order No\. \d{4}-\d{4}$/,
    );

    // The order belongs to the account: another visitor cannot open it.
    const stranger = await browser.newPage();
    const response = await stranger.goto(orderUrl);
    expect(response?.status()).toBe(404);
    await stranger.close();
  },
);
