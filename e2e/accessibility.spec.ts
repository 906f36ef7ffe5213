import type { Browser, Page } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, paidByAlipayRedirect, signIn } from "./support/shop";

/**
 * axe-core on every page of the shop and the operator console, in the light and the dark theme and
 * in each language the shop speaks: no violation of WCAG 2.1 A/AA or axe's best practices. (The
 * emulators' hosted pages are the providers' own, checked in a spec of their own.)
 */
const LOCALES = ["en", "zh-CN"] as const;
/** The `<html lang>` each browser language gets (the console's main part says it is English on its own). */
const HTML_LANG: Record<(typeof LOCALES)[number], string> = { en: "en", "zh-CN": "zh-Hans" };
const COLOR_SCHEMES = ["light", "dark"] as const;

/** Orders in the states a shopper can see, placed once by the operator (who may open every page below). */
interface SeededOrders {
  paid: string;
  /** Made to order: authorized, to be captured when it ships. */
  authorized: string;
  waiting: string;
  /** Canceled on the payment page. */
  canceled: string;
  /** Failed: its QR code expired. */
  failed: string;
}

async function placeOrders(browser: Browser): Promise<SeededOrders> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "operator@example.com", "operator-demo", "/account");
  const placeWith = async (slug: string, method: string) => {
    await checkoutWith(page, slug, "operator@example.com");
    await choosePaymentMethod(page, method, "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
  };
  const orderPath = async () => {
    await expect(page).toHaveURL(/\/orders\//);
    return new URL(page.url()).pathname;
  };

  await paidByAlipayRedirect(page, "aurora-desk-lamp", "operator@example.com");
  const paid = await orderPath();

  // Made to order: the card is authorized now and charged when it ships.
  await checkoutWith(page, "mechanical-keyboard", "operator@example.com");
  await choosePaymentMethod(page, "Card", "Antom");
  await fillCardForm(page, { number: "5555 5555 5555 4444", holder: "Olive Operator" }, { riskCheck: false });
  await page.getByRole("button", { name: /^Pay / }).click();
  const authorized = await orderPath();

  await placeWith("trail-runner-socks", "Alipay");
  await page.getByRole("button", { name: "Cancel payment" }).click();
  const canceled = await orderPath();
  await expect(page.getByTestId("order-status")).toBeVisible();
  await expect(page.getByTestId("waiting-for")).toHaveCount(0);

  // The QR code expired (the emulator's QA hook stands in for waiting 15 minutes).
  await placeWith("pour-over-kettle", "WeChat Pay");
  const scanUrl = await page.getByTestId("qr-link").getAttribute("href");
  expect((await page.request.post(scanUrl!.replace(/\/scan$/, "/expire"))).ok()).toBe(true);
  await expect(page.getByTestId("failure-reason")).toBeVisible();
  const failed = await orderPath();

  // Last, so its QR code (15 minutes) is the freshest.
  await placeWith("stoneware-mug-set", "WeChat Pay");
  await expect(page.getByTestId("qr-payment")).toBeVisible();
  const waiting = await orderPath();

  await page.context().close();
  return { paid, authorized, waiting, canceled, failed };
}

let orders: SeededOrders;

test.beforeAll(async ({ browser }) => {
  // Five orders through the emulators: half a minute on a quiet machine.
  test.setTimeout(180_000);
  orders = await placeOrders(browser);
});

for (const locale of LOCALES) {
  test.describe(`accessibility (${locale})`, { tag: ["@shop"] }, () => {
    test.use({ locale });

    for (const colorScheme of COLOR_SCHEMES) {
      test(`every shop and console page has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
        // About twenty-five axe runs: a minute on a quiet machine, nearly three on a loaded one.
        test.setTimeout(240_000);
        await page.emulateMedia({ colorScheme });
        /** Checks the page as it is now; every page is checked, and the test lists all that fail. */
        const check = async (what: string) => {
          await expect(page.locator("main").first()).toBeVisible();
          await expect(page.locator("html")).toHaveAttribute("lang", HTML_LANG[locale]);
          if (
            new URL(page.url()).pathname.startsWith("/admin") &&
            (await page.getByTestId("access-refused").count()) === 0
          )
            await expect(page.locator("main")).toHaveAttribute("lang", "en");
          expect.soft(await axeViolations(page), `${what} (${page.url()}, ${colorScheme}, ${locale})`).toEqual([]);
        };
        const visit = async (path: string, what: string) => {
          await page.goto(path);
          await check(what);
        };

        // A guest. (What the test does on a page finds its controls by name or test id, not by their
        // words, so that it runs the same in every language.)
        await visit("/", "home");
        await visit("/cart", "empty cart");
        await visit("/products/walnut-notebook", "product page");
        await submitButtonOf(page, "productId").click();
        await expect(page.locator('form:has([name="productId"]) [role="status"]')).not.toBeEmpty();
        await check("product page, added to the cart");
        await visit("/cart", "cart with an item");
        await visit("/checkout", "checkout");
        // The one Card choice comes first, its form right under it.
        await page.locator('input[name="paymentMethod"]').first().check();
        await expect(page.getByTestId("card-fields")).toBeVisible();
        await page.getByTestId("qa-panel").locator("summary").click();
        await check("checkout with the card form and the QA panel open");
        await submitButtonOf(page, "checkoutToken").click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
        await check("checkout with errors");
        await visit("/demo", "demo storylines");
        await visit("/login", "sign in");
        await visit("/products/no-such-product", "a page that is not there");

        // A shopper, refused the console.
        await signInAs(page, "shopper@example.com", "shopper-demo");
        await check("shopper's account and orders");
        await visit("/admin", "console refused to a shopper");
        await page.context().clearCookies();

        // The operator: its own orders in each state, then the console.
        await signInAs(page, "operator@example.com", "operator-demo");
        await check("operator's account and orders");
        await visit(orders.paid, "paid order");
        await visit(orders.authorized, "made-to-order order, charged when it ships");
        await visit(orders.canceled, "order canceled on the payment page");
        await visit(orders.failed, "failed order");
        await visit(orders.waiting, "order waiting for a QR scan");
        await page.getByTestId("pay-another-way").locator("summary").click();
        await check("order waiting, paying another way");

        await visit("/admin", "console: orders");
        await visit(`/admin${orders.paid}`, "console: a paid order");
        await visit(`/admin${orders.authorized}`, "console: an order to capture");
        await page.getByTestId("admin-payment").first().getByRole("link").first().click();
        await expect(page).toHaveURL(/\/admin\/payments\/.+/);
        await check("console: a payment to capture");
        await visit("/admin/payments", "console: payments");
      });
    }
  });
}

/** The submit button of the form that has a field named `field` (e.g. "productId": add to cart). */
function submitButtonOf(page: Page, field: string) {
  return page.locator(`form:has([name="${field}"]) button[type="submit"]`);
}

/** Signs in on the login page and waits until it is left for the account page. */
async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/login?callbackUrl=%2Faccount");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await submitButtonOf(page, "password").click();
  await page.waitForURL((url) => url.pathname === "/account");
}
