import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, orderIdFrom, paymentsOf } from "./support/shop";

const PAID_OR_CAPTURED_LATER = /^(Paid|Confirmed — charged shortly)$/;

test.describe("PingPongCheckout card (non-hosted, risk plugin, 3DS)", { tag: ["@parity", "@pingpong"] }, () => {
  test("a frictionless card pays at once; the shop keeps only brand, first six and last four", async ({ page }) => {
    await checkoutWith(page, "walnut-notebook", "frictionless@example.com");
    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    await fillCardForm(page, { number: "4111 1111 1111 1111" });
    await expect(page.getByTestId("card-brand")).toHaveText("Visa");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    // Paid, or (PINGPONG_CAPTURE_DELAY_HOURS on the e2e server) authorized and captured by PingPong later.
    await expect(page.getByTestId("order-status")).toHaveText(PAID_OR_CAPTURED_LATER);
    const [payment] = paymentsOf(orderIdFrom(page.url()));
    expect(payment).toMatchObject({ card_brand: "Visa", card_first6: "411111", card_last4: "1111" });
    expect(["succeeded", "authorized"]).toContain(payment.status);
  });

  test(
    "3-D Secure passed with the right code; PingPong notifies the payment and the shop acknowledges it",
    { tag: ["@control-plane"] },
    async ({ page, expectNotification }) => {
      await checkoutWith(page, "merino-beanie", "threeds-pass@example.com");
      await choosePaymentMethod(page, "Card", "PingPongCheckout");
      await fillCardForm(page, { number: "4000 0000 0000 3220" });
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/emulators\/pingpong\/3ds\//);
      await page.getByLabel("One-time code").fill("123456");
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      // Paid, or (PINGPONG_CAPTURE_DELAY_HOURS on the e2e server) authorized and captured by PingPong later.
      await expect(page.getByTestId("order-status")).toHaveText(PAID_OR_CAPTURED_LATER);
      const [payment] = paymentsOf(orderIdFrom(page.url()));
      const notified = await expectNotification({
        provider: "pingpong",
        type: "PAYMENT",
        reference: payment.provider_payment_id,
        match: { bizContent: { status: "SUCCESS" } },
      });
      expect(notified.attempts).toBe(1);
      expect(notified.deliveries.map((attempt) => attempt.httpStatus)).toEqual([200]);
    },
  );

  test("3-D Secure failed with a wrong code shows why, and the order can be paid again", async ({ page }) => {
    await checkoutWith(page, "merino-beanie", "threeds-fail@example.com");
    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    await fillCardForm(page, { number: "4000 0000 0000 3220" });
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.getByLabel("One-time code").fill("000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("3-D Secure authentication failed.");

    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    await fillCardForm(page, { number: "5555 5555 5555 4444" });
    await page.getByRole("button", { name: /Try again/ }).click();
    // Paid, or (PINGPONG_CAPTURE_DELAY_HOURS on the e2e server) authorized and captured by PingPong later.
    await expect(page.getByTestId("order-status")).toHaveText(PAID_OR_CAPTURED_LATER);
  });

  test("a declined card shows its reason", async ({ page }) => {
    await checkoutWith(page, "ceramic-planter", "declined@example.com");
    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    await fillCardForm(page, { number: "4000 0000 0000 9995" });
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("Insufficient funds on the card.");
  });

  test("the card form checks as the shopper types and the server refuses a bad card", async ({ page }) => {
    await checkoutWith(page, "ceramic-planter", "typing@example.com");
    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    const form = page.getByTestId("card-fields");
    await form.getByLabel("Card number").fill("378282246310005");
    await expect(form.getByLabel("Card number")).toHaveValue("3782 822463 10005");
    await expect(page.getByTestId("card-brand")).toHaveText("Amex");
    await expect(form.getByLabel(/Security code \(4 digits\)/)).toBeVisible();
    await form.getByLabel("Card number").fill("4111 1111 1111 1112");
    await form.getByLabel("Card number").blur();
    await expect(form.getByText("This card number is not valid.")).toBeVisible();
    await form.getByLabel("Expiry (MM/YY)").fill("0120");
    await expect(form.getByLabel("Expiry (MM/YY)")).toHaveValue("01/20");
    await form.getByLabel("Expiry (MM/YY)").blur();
    await expect(form.getByText("This card has expired.")).toBeVisible();
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please check the card details." })).toBeVisible();
    await expect(page).toHaveURL(/\/checkout$/);
  });
});
