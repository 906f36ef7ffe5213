import { expect, test } from "./support/test";
import { answerChallenge, payOnLesspayCashier } from "./support/emulators";
import {
  checkoutWith,
  choosePaymentMethod,
  fillCardForm,
  hydrated,
  orderIdFrom,
  paymentsOf,
  signIn,
} from "./support/shop";

const NO_RISK_CHECK = { riskCheck: false };

test.describe("Lesspay", { tag: ["@parity", "@lesspay"] }, () => {
  test("cashier mode paid", async ({ page }) => {
    await checkoutWith(page, "pour-over-kettle", "lp-cashier@example.com");
    await choosePaymentMethod(page, "Card on Lesspay's page", "Lesspay");
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnLesspayCashier(page, "4111 1111 1111 1111");
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });

  test("cashier mode failed", async ({ page }) => {
    await checkoutWith(page, "pour-over-kettle", "lp-cashier-fail@example.com");
    await choosePaymentMethod(page, "Card on Lesspay's page", "Lesspay");
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnLesspayCashier(page, "4000 0000 0000 0002");
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("The card was declined by the issuing bank.");
  });

  test(
    "a card number typed before the cashier's script ran is kept, and pays",
    { tag: ["@emulator-internals"] },
    async ({ page }) => {
      await checkoutWith(page, "pour-over-kettle", "lp-cashier-early@example.com");
      await choosePaymentMethod(page, "Card on Lesspay's page", "Lesspay");
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/emulators\/lesspay\/cashier\//);
      // The cashier again, its scripts held until the number is typed: the payer is faster than the page.
      let typed!: () => void;
      const numberTyped = new Promise<void>((resolve) => (typed = resolve));
      await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
        await numberTyped;
        await route.continue();
      });
      await page.reload({ waitUntil: "commit" });
      await page.getByLabel("Card number").fill("4111 1111 1111 1111");
      typed();
      await hydrated(page.getByLabel("Card number"));
      // Each of these re-renders the form, which held an empty number when its script took over.
      await page.getByLabel("Expiry (MM/YY)").fill("12/34");
      await page.getByLabel("CVC").fill("737");
      await page.getByLabel("Name on card").fill("Les Pay");
      await expect(page.getByLabel("Card number")).toHaveValue("4111 1111 1111 1111");
      await page.getByRole("button", { name: "Pay now" }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
    },
  );

  test("direct card with 3-D Secure", async ({ page }) => {
    await checkoutWith(page, "walnut-notebook", "lp-3ds@example.com");
    await choosePaymentMethod(page, "Card", "Lesspay");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Les Pay" }, NO_RISK_CHECK);
    await page.getByRole("button", { name: /^Pay / }).click();
    await answerChallenge(page);
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });

  test(
    "frictionless direct card: the order page waits for the callback and says so",
    { tag: ["@control-plane"] },
    async ({ page, request, expectNotification }) => {
      await checkoutWith(page, "walnut-notebook", "lp-frictionless@example.com");
      await choosePaymentMethod(page, "Card", "Lesspay");
      // The gateway's callback comes 2 minutes late (about 2.4 s at the e2e clock). Lesspay reads no holder
      // name (seed 004's card_data has none), so the emulator's control plane scripts it.
      expect(
        (
          await request.post("/emulators/control/lesspay/next-payment", { data: { notification: { mode: "delayed" } } })
        ).status(),
      ).toBe(200);
      await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Les Pay" }, NO_RISK_CHECK);
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      await expect(page.getByTestId("waiting-for")).toHaveText(
        "Your payment is being confirmed. This page updates by itself.",
      );
      await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
      const [payment] = paymentsOf(orderIdFrom(page.url()));
      const callback = await expectNotification({
        provider: "lesspay",
        type: "order_status",
        reference: payment.provider_payment_id,
        match: { order_status: "SUCCEED" },
      });
      expect(callback.attempts).toBe(1);
      expect(callback.deliveries.map((attempt) => attempt.httpStatus)).toEqual([200]);
    },
  );
});

test(
  "a card saved with one Lesspay payment pays the next order with its token",
  { tag: ["@parity", "@lesspay"] },
  async ({ page }, testInfo) => {
    // Lesspay's callback names no brand, last four or expiry (seed 004): the saved card shows what the shopper typed.
    // Each repeat saves a card of its own expiry, so that its radio is the one found.
    const expiry = `11/${40 + testInfo.repeatEachIndex}`;
    await signIn(page, "shopper@example.com", "shopper-demo");
    await checkoutWith(page, "ceramic-planter", "shopper@example.com");
    await choosePaymentMethod(page, "Card", "Lesspay");
    await fillCardForm(page, { number: "5555 5555 5555 4444", expiry, holder: "Sam Shopper" }, NO_RISK_CHECK);
    await page.getByLabel(/Save this card for next time/).check();
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");

    await checkoutWith(page, "merino-beanie", "shopper@example.com");
    const saved = page.getByRole("radio", {
      name: "Saved Mastercard •••• 4444",
      description: `Expires ${expiry}. No need to type it again.`,
    });
    await saved.check();
    await expect(page.getByTestId("card-fields")).toHaveCount(0);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(paymentsOf(orderIdFrom(page.url()))[0]).toMatchObject({ status: "succeeded", card_last4: "4444" });
  },
);
