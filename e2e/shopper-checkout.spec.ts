import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import {
  addProductToCart,
  checkoutWith,
  choosePaymentMethod,
  fillCardForm,
  holdServerActions,
  orderIdFrom,
  paymentsOf,
} from "./support/shop";

const pay = (page: Page) => page.getByRole("button", { name: /^Pay / }).click();
const cardChoice = (page: Page) => page.getByRole("radio", { name: "Card", exact: true });
/** A choice's whole box (its row and what comes under it), by its radio. */
const choiceOf = (page: Page, radio: Locator) => page.getByTestId("payment-choice").filter({ has: radio });

test.describe("one payment section", { tag: ["@shop"] }, () => {
  test("one Card choice with brand badges and the card form under it, then wallets and QR methods with their badges; no provider names", async ({
    page,
  }) => {
    await checkoutWith(page, "stoneware-mug-set", "one-section@example.com");
    await expect(cardChoice(page)).toBeChecked();
    const brands = page.getByRole("list", { name: "Cards accepted" });
    for (const brand of ["Visa", "Mastercard", "American Express", "UnionPay", "JCB"])
      await expect(brands.getByRole("img", { name: brand })).toBeVisible();
    await expect(choiceOf(page, cardChoice(page)).getByTestId("card-fields")).toBeVisible();

    // One card choice, then the wallets and QR methods, each with its badge.
    const radios = page.getByRole("radio");
    await expect(radios).toHaveCount(4);
    for (const [index, name] of ["Card", "AlipayHK", "WeChat Pay", "Alipay"].entries()) {
      await expect(radios.nth(index)).toHaveAccessibleName(name);
      if (index > 0)
        await expect(
          choiceOf(page, page.getByRole("radio", { name, exact: true })).getByRole("img", { name }),
        ).toBeVisible();
    }

    // What a shopper reads in the list names no provider.
    const read = (await page.getByTestId("payment-choice").locator("label").allInnerTexts()).join(" ");
    for (const provider of ["Antom", "PingPong", "Lesspay", "Ping Payments", "PaymentIQ"])
      expect(read).not.toContain(provider);
  });

  test("the Card processor QA toggle: Antom by default, PingPong's card with its risk plugin when switched", async ({
    page,
  }) => {
    await checkoutWith(page, "walnut-notebook", "card-processor@example.com");
    const processor = page.getByLabel("Card processor");
    await expect(processor).toHaveValue("antom:card");
    await processor.selectOption({ label: "PingPongCheckout" });
    // The risk plugin's card check runs (fillCardForm waits for it).
    await fillCardForm(page, { number: "4111 1111 1111 1111" });
    await pay(page);
    // The e2e server delays PingPong's capture (PINGPONG_CAPTURE_DELAY_HOURS): authorized, captured later.
    await expect(page.getByTestId("order-status")).toHaveText("Confirmed — charged shortly");
    expect(paymentsOf(orderIdFrom(page.url())).map((p) => p.provider)).toEqual(["pingpong"]);
  });
});

test.describe("a QR method on a phone", { tag: ["@shop"] }, () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("shows “Open the app” first and the QR code second", async ({ page }) => {
    await checkoutWith(page, "pour-over-kettle", "phone-qr@example.com");
    await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
    await pay(page);
    const openApp = page.getByRole("link", { name: "Open the app" });
    const code = page.getByRole("img", { name: "QR code to pay with AlipayHK" });
    await expect(openApp).toBeVisible();
    await expect(code).toBeVisible();
    const [button, qr] = [(await openApp.boundingBox())!, (await code.boundingBox())!];
    expect(button.y + button.height).toBeLessThanOrEqual(qr.y);
    expect(await openApp.getAttribute("href")).toMatch(/\/emulators\/pingpong\/apm\/.+\/scan$/);
  });
});

test.describe("the checkout on a phone", { tag: ["@shop"] }, () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("fits the phone's width: nothing pushes the page sideways", async ({ page }) => {
    await checkoutWith(page, "stoneware-mug-set", "phone-width@example.com");
    await expect(page.getByTestId("card-fields")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test("a QR method on a desktop shows the QR code first", { tag: ["@shop"] }, async ({ page }) => {
  await checkoutWith(page, "pour-over-kettle", "desktop-qr@example.com");
  await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
  await pay(page);
  const code = page.getByRole("img", { name: "QR code to pay with AlipayHK" });
  await expect(code).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the app" })).toBeHidden();
  const [qr, link] = [(await code.boundingBox())!, (await page.getByTestId("qr-link").boundingBox())!];
  expect(qr.x + qr.width).toBeLessThanOrEqual(link.x);
});

test("the cart and the checkout's order summary show each item's thumbnail", { tag: ["@shop"] }, async ({ page }) => {
  await addProductToCart(page, "merino-beanie");
  await addProductToCart(page, "walnut-notebook");
  await page.goto("/cart");
  const loaded = (image: Locator) => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  for (const image of await page.getByTestId("cart-line").locator("img").all()) expect(await loaded(image)).toBe(true);
  await expect(page.getByTestId("cart-line").locator("img")).toHaveCount(2);
  await page.goto("/checkout");
  await expect(page.getByTestId("summary-line").locator("img")).toHaveCount(2);
  for (const image of await page.getByTestId("summary-line").locator("img").all())
    expect(await loaded(image)).toBe(true);
});

test("the header's cart count goes up as soon as Add to cart is pressed", { tag: ["@shop"] }, async ({ page }) => {
  await page.goto("/products/merino-beanie");
  await expect(page.getByTestId("cart-count")).toHaveText("(0)");
  // Hold the server action's answer back: the count must not wait for it.
  const release = await holdServerActions(page, "**/products/merino-beanie");
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("button", { name: "Adding…" })).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("(2)");
  release();
  await expect(page.getByRole("status")).toHaveText("Added to your cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("(2)");
  await page.reload();
  await expect(page.getByTestId("cart-count")).toHaveText("(2)");
});

test(
  "/demo is linked from the shop; a storyline fills the contact details and chooses its method",
  { tag: ["@shop"] },
  async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Demo tour" }).click();
    await expect(page).toHaveURL(/\/demo$/);

    await page.getByRole("button", { name: "Start “3-D Secure challenge”" }).click();
    await expect(page).toHaveURL(/\/checkout\?storyline=three-ds/);
    await expect(cardChoice(page)).toBeChecked();
    await expect(page.getByLabel("Card processor")).toHaveValue("pingpong:card");

    await page.goto("/demo");
    await page.getByRole("button", { name: "Start “QR code payment”" }).click();
    await expect(page).toHaveURL(/\/checkout\?storyline=qr/);
    await expect(page.getByLabel("Email")).toHaveValue("demo.shopper@example.com");
    await expect(page.getByLabel("Full name")).toHaveValue("Demo Shopper");
    await expect(page.getByLabel("Street address")).toHaveValue("Storgatan 1");
    await expect(page.getByLabel("City")).toHaveValue("Stockholm");
    await expect(page.getByLabel("Postal code")).toHaveValue("111 22");
    await expect(page.getByRole("radio", { name: "AlipayHK", exact: true })).toBeChecked();
    // Nothing else to type: Pay goes straight to the QR code.
    await pay(page);
    await expect(page.getByRole("img", { name: "QR code to pay with AlipayHK" })).toBeVisible();
  },
);

test("the checkout is done with the keyboard alone", { tag: ["@shop"] }, async ({ page }) => {
  await addProductToCart(page, "stoneware-mug-set");
  await page.goto("/checkout");
  const { keyboard } = page;
  const email = page.getByLabel("Email");
  // From the top of the page, Tab until the first contact field.
  for (let presses = 0; presses < 40 && !(await email.evaluate((el) => el === document.activeElement)); presses++)
    await keyboard.press("Tab");
  await expect(email).toBeFocused();
  await keyboard.type("keyboard-only@example.com");
  for (const [label, typed] of [
    ["Full name", "Kay Board"],
    ["Street address", "Storgatan 1"],
    ["City", "Stockholm"],
    ["Postal code", "111 22"],
  ]) {
    await keyboard.press("Tab");
    await expect(page.getByLabel(label)).toBeFocused();
    await keyboard.type(typed);
  }
  await keyboard.press("Tab");
  await expect(page.getByLabel("Country")).toBeFocused();

  // The method: one tab stop, chosen with the arrow keys.
  await keyboard.press("Tab");
  await expect(cardChoice(page)).toBeFocused();
  await keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "AlipayHK", exact: true })).toBeChecked();
  await expect(page.getByTestId("card-fields")).toHaveCount(0);
  await keyboard.press("ArrowUp");
  await expect(cardChoice(page)).toBeChecked();

  // The card form right after the Card choice (past the QA tools of a laptop demo).
  await keyboard.press("Tab");
  await expect(page.getByLabel("Card processor")).toBeFocused();
  await keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Fill a test card (emulator)" })).toBeFocused();
  const card = page.getByTestId("card-fields");
  for (const [label, typed] of [
    ["Card number", "4111111111111111"],
    ["Expiry (MM/YY)", "1234"],
    [/Security code/, "737"],
    ["Name on card", "Kay Board"],
  ] as const) {
    await keyboard.press("Tab");
    await expect(card.getByLabel(label)).toBeFocused();
    await keyboard.type(typed);
  }
  // Then Pay, past the other methods (one tab stop: the group's chosen radio was it).
  await keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Pay / })).toBeFocused();
  await keyboard.press("Enter");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  expect(paymentsOf(orderIdFrom(page.url())).map((p) => p.provider)).toEqual(["antom"]);
});
