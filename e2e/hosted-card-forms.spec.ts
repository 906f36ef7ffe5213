import type { Page } from "@playwright/test";
import { pingApi } from "../lib/testing/pingpayments-fixtures";
import { lesspayCashier, paymentIqChallenge, paymentIqCheckout, RETURN_URLS } from "./support/hosted-pages";
import { expect, test } from "./support/test";

/** Issue 16: the hosted card forms (PaymentIQ, Lesspay's cashier), PaymentIQ's 3-D Secure page and the /emulators tabs. */

async function openPaymentIq(page: Page) {
  const payment = await paymentIqCheckout();
  await page.goto(payment.payUrl);
  return payment;
}

async function openLesspay(page: Page) {
  await page.goto(await lesspayCashier());
}

/** Types into the hosted form's fields, by label. */
async function typeCard(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
}

/** The form's error reads `message`, is linked to the field labelled `label` (invalid, focused), and the CVC is empty. */
async function expectErrorAt(page: Page, label: string, message: string) {
  const field = page.getByLabel(label);
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toHaveText(message);
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", (await alert.getAttribute("id"))!);
  await expect(page.getByLabel("CVC")).toHaveValue("");
}

test.describe("hosted card forms", { tag: ["@emulator-internals"] }, () => {
  for (const [name, open] of [
    ["PaymentIQ", openPaymentIq],
    ["Lesspay", openLesspay],
  ] as const) {
    test(`${name}: the number is grouped per brand and the expiry written MM/YY as typed, with card autocomplete`, async ({
      page,
    }) => {
      await open(page);
      const number = page.getByLabel("Card number");
      await number.pressSequentially("4111111111111111");
      await expect(number).toHaveValue("4111 1111 1111 1111");
      await number.fill("");
      await number.pressSequentially("378282246310005");
      await expect(number).toHaveValue("3782 822463 10005");
      const expiry = page.getByLabel("Expiry (MM/YY)");
      await expiry.pressSequentially("1234");
      await expect(expiry).toHaveValue("12/34");
      await expect(number).toHaveAttribute("autocomplete", "cc-number");
      await expect(expiry).toHaveAttribute("autocomplete", "cc-exp");
      await expect(page.getByLabel("CVC")).toHaveAttribute("autocomplete", "cc-csc");
      await expect(page.getByLabel(name === "PaymentIQ" ? "Cardholder name" : "Name on card")).toHaveAttribute(
        "autocomplete",
        "cc-name",
      );
    });
  }

  test("PaymentIQ: after an invalid expiry the number, expiry and name stay, the CVC is typed again, and the error is read out at the expiry", async ({
    page,
  }) => {
    await openPaymentIq(page);
    await typeCard(page, {
      "Cardholder name": "Greta Guest",
      "Card number": "4111111111111111",
      "Expiry (MM/YY)": "13/30",
      CVC: "123",
    });
    await page.getByRole("button", { name: /^Pay / }).click();

    await expectErrorAt(page, "Expiry (MM/YY)", "Enter a future expiry date as MM/YY.");
    const expiry = page.getByLabel("Expiry (MM/YY)");
    await expect(expiry).toHaveValue("13/30");
    await expect(page.getByLabel("Card number")).toHaveValue("4111 1111 1111 1111");
    await expect(page.getByLabel("Cardholder name")).toHaveValue("Greta Guest");

    // Corrected, it pays and the payer is back at the merchant.
    await expiry.fill("12/34");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(RETURN_URLS.success);
  });

  test("Lesspay: after an invalid card number the number, expiry and name stay, the CVC is typed again, and the error is read out at the number", async ({
    page,
  }) => {
    await openLesspay(page);
    await typeCard(page, {
      "Card number": "4111 1111 1111 1112",
      "Expiry (MM/YY)": "12/34",
      CVC: "737",
      "Name on card": "Les Pay",
    });
    await page.getByRole("button", { name: "Pay now" }).click();

    await expectErrorAt(page, "Card number", "Enter a valid card number.");
    await expect(page.getByLabel("Card number")).toHaveValue("4111 1111 1111 1112");
    await expect(page.getByLabel("Expiry (MM/YY)")).toHaveValue("12/34");
    await expect(page.getByLabel("Name on card")).toHaveValue("Les Pay");
  });

  test("PaymentIQ: the test-card picker fills the 3-D Secure card, which leads to the bank's page", async ({
    page,
  }) => {
    await openPaymentIq(page);
    await page
      .getByLabel("Fill a test card (emulator)")
      .selectOption({ label: "Visa 3220: 3DS challenge: code 123456 passes, any other fails" });
    await expect(page.getByLabel("Card number")).toHaveValue("4000 0000 0000 3220");
    await expect(page.getByLabel("Expiry (MM/YY)")).toHaveValue("12/34");
    await expect(page.getByLabel("CVC")).toHaveValue("737");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/pingpayments\/paymentiq\/checkout\/.+\/challenge$/);
  });

  test("Lesspay: the test-card picker fills a card that pays, name included", async ({ page }) => {
    await openLesspay(page);
    await page
      .getByLabel("Fill a test card (emulator)")
      .selectOption({ label: "Mastercard 4444: Approved, frictionless" });
    await expect(page.getByLabel("Card number")).toHaveValue("5555 5555 5555 4444");
    await expect(page.getByLabel("Name on card")).toHaveValue("Test Shopper");
    await page.getByRole("button", { name: "Pay now" }).click();
    await expect(page).toHaveURL(RETURN_URLS.success);
  });
});

test.describe("PaymentIQ's 3-D Secure page", { tag: ["@emulator-internals"] }, () => {
  test("labels its code input, and its abandon link returns to the merchant's error_url with the payment still unconfirmed", async ({
    page,
  }) => {
    const payment = await paymentIqChallenge();
    await page.goto(payment.challengeUrl);
    await expect(page.getByLabel("One-time code")).toBeVisible();
    await page.getByRole("link", { name: "Leave without confirming (abandon)" }).click();
    await expect(page).toHaveURL(RETURN_URLS.error);
    const details = await pingApi("GET", `/payment_orders/${payment.paymentOrderId}/payments/${payment.paymentId}`);
    expect(details.json).toMatchObject({ status: "INITIATED" });
  });
});

test.describe("/emulators tabs", { tag: ["@emulator-internals"] }, () => {
  test("one tab per provider, each opening with its forced-outcome form; arrow keys move between them and the address follows", async ({
    page,
  }) => {
    await page.goto("/emulators");
    const tablist = page.getByRole("tablist", { name: "Providers" });
    const first = tablist.getByRole("tab", { name: "Test cards" });
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("test-cards")).toBeVisible();

    await first.focus();
    await page.keyboard.press("ArrowRight");
    const second = tablist.getByRole("tab").nth(1);
    await expect(second).toBeFocused();
    await expect(second).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("test-cards")).toBeHidden();
    const provider = new URL(page.url()).searchParams.get("provider");
    expect(provider).toBeTruthy();
    const panel = page.getByRole("tabpanel");
    await expect(panel).toHaveAttribute("aria-labelledby", (await second.getAttribute("id"))!);
    // The forced-outcome form comes first in the provider's tab.
    await expect(panel.locator("> *").first()).toHaveAttribute("data-testid", `forced-${provider}`);

    await page.keyboard.press("End");
    await expect(tablist.getByRole("tab").last()).toBeFocused();
    await expect(tablist.getByRole("tab").last()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowRight");
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute("aria-selected", "true");
  });

  test("a provider's tab is a deep link", async ({ page }) => {
    await page.goto("/emulators?provider=lesspay");
    await expect(page.getByRole("tab", { name: /Lesspay/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("forced-lesspay")).toBeVisible();
    await expect(page.getByTestId("lesspay-section")).toBeVisible();
    await expect(page.getByTestId("test-cards")).toBeHidden();
  });
});
