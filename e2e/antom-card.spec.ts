import { expect, test } from "./support/test";
import { abandonChallenge } from "./support/emulators";
import {
  checkoutWith,
  choosePaymentMethod,
  fillCardForm,
  orderIdFrom,
  paymentsOf,
  readShopDatabase,
  signIn,
} from "./support/shop";

const ANTOM = { riskCheck: false };

test.describe("Antom card authorization", { tag: ["@parity", "@antom"] }, () => {
  test("automatic capture: paid and captured at once", async ({ page }) => {
    await checkoutWith(page, "stoneware-mug-set", "antom-auto@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const [payment] = paymentsOf(orderIdFrom(page.url()));
    expect(payment).toMatchObject({ status: "succeeded", amount: 4200, card_last4: "1111" });
    expect(readCaptured(orderIdFrom(page.url()))).toBe(4200);
  });

  test("manual capture: authorized at checkout, captured in part from /admin, AVS and CVV shown", async ({
    page,
    browser,
  }) => {
    await checkoutWith(page, "mechanical-keyboard", "antom-manual@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "5555 5555 5555 4444", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Confirmed — charged when it ships");
    const orderId = orderIdFrom(page.url());
    expect(paymentsOf(orderId)[0].status).toBe("authorized");

    const operator = await (await browser.newContext()).newPage();
    operator.on("dialog", (dialog) => void dialog.accept());
    await signIn(operator, "operator@example.com", "operator-demo", `/admin/orders/${orderId}`);
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("authorized");
    await expect(operator.getByTestId("admin-payment-checks")).toContainText("AVS");
    await expect(operator.getByTestId("admin-payment-checks")).toContainText("CVV");
    await operator.getByLabel(/Capture amount/).fill("100.00");
    await operator.getByRole("button", { name: "Capture" }).click();
    await expect(operator.getByRole("status")).toHaveText("Captured. The payment is now succeeded.");
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");
    expect(readCaptured(orderId)).toBe(10000);
  });

  test(
    "3-D Secure passed: Antom notifies the result once and the shop acknowledges it",
    { tag: ["@control-plane"] },
    async ({ page, expectNotification }) => {
      await checkoutWith(page, "walnut-notebook", "antom-3ds-pass@example.com");
      await choosePaymentMethod(page, "Card", "Antom");
      await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Ann Tom" }, ANTOM);
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);
      await page.getByLabel("One-time code").fill("123456");
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
      const [payment] = paymentsOf(orderIdFrom(page.url()));
      const result = await expectNotification({
        provider: "antom",
        type: "PAYMENT_RESULT",
        reference: payment.provider_payment_id,
        match: { result: { resultStatus: "S" } },
      });
      expect(result.attempts).toBe(1);
      expect(result.deliveries.map((attempt) => attempt.httpStatus)).toEqual([200]);
    },
  );

  test("3-D Secure failed", async ({ page }) => {
    await checkoutWith(page, "walnut-notebook", "antom-3ds-fail@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.getByLabel("One-time code").fill("111111");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("3-D Secure authentication failed.");
  });

  test("3-D Secure abandoned: the order waits, and says what for", async ({ page }) => {
    await checkoutWith(page, "walnut-notebook", "antom-3ds-abandon@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await abandonChallenge(page);
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
    await expect(page.getByTestId("waiting-for")).toContainText(
      "Waiting for you to confirm the payment with your bank",
    );
    await expect(page.getByRole("link", { name: "Return to the bank page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pay another way" })).toBeVisible();
  });

  // When the bank decides is the emulator's test data (test card ...0119, settled after its
  // EMULATOR_TIME_SCALE'd delay): a sandbox decides in its own time.
  test(
    "a card the bank is still deciding (0119): Antom's normalUrl page says so, the order waits, then is paid",
    { tag: ["@emulator-internals"] },
    async ({ page }) => {
      await checkoutWith(page, "merino-beanie", "antom-pending@example.com");
      await choosePaymentMethod(page, "Card", "Antom");
      await fillCardForm(page, { number: "4000 0000 0000 0119", holder: "Ann Tom" }, ANTOM);
      await page.getByRole("button", { name: /^Pay / }).click();
      // U / PAYMENT_IN_PROCESS comes with normalUrl: the shopper is sent there.
      await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);
      // The bank's page (the payment may already have been decided by the time it renders).
      await expect(page.getByText(/This payment is (processing|success)\./)).toBeVisible();
      await page.getByRole("link", { name: "Return to the merchant" }).click();
      await expect(page).toHaveURL(/\/orders\/ord_/);
      const orderId = orderIdFrom(page.url());
      // PAYMENT_PENDING, then PAYMENT_RESULT S once the bank decides (2.4 s on the e2e clock).
      await expect.poll(() => paymentsOf(orderId)[0].status, { timeout: 20_000 }).toBe("succeeded");
      await page.reload();
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
    },
  );

  test("a decline shows its reason", async ({ page }) => {
    await checkoutWith(page, "merino-beanie", "antom-decline@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 9995", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("Insufficient funds on the card.");
  });
});

test(
  "a saved card pays the next order, an operator charges it again (MIT), and the shopper removes it",
  { tag: ["@parity", "@antom"] },
  async ({ page, browser }) => {
    await signIn(page, "shopper@example.com", "shopper-demo");
    await checkoutWith(page, "ceramic-planter", "shopper@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "3530 1113 3330 0000", holder: "Sam Shopper" }, ANTOM);
    await page.getByLabel(/Save this card for next time/).check();
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");

    await page.goto("/account");
    const saved = page.getByTestId("saved-card").filter({ hasText: "0000" });
    await expect(saved).toHaveCount(1);
    await expect(saved).toContainText("JCB");

    // The next checkout offers the saved card; no card details to type.
    await checkoutWith(page, "merino-beanie", "shopper@example.com");
    await page.getByRole("radio", { name: /Saved JCB •••• 0000/ }).check();
    await expect(page.getByTestId("card-fields")).toHaveCount(0);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const secondOrder = orderIdFrom(page.url());
    expect(paymentsOf(secondOrder)[0]).toMatchObject({ status: "succeeded", card_last4: "0000" });

    // The operator charges it again without the shopper.
    const operator = await (await browser.newContext()).newPage();
    operator.on("dialog", (dialog) => void dialog.accept());
    await signIn(operator, "operator@example.com", "operator-demo", `/admin/orders/${secondOrder}`);
    await operator.getByLabel("Charge again with").selectOption({ label: "JCB •••• 0000 (Antom)" });
    await operator.getByRole("button", { name: "Charge again (merchant-initiated)" }).click();
    await expect(operator).not.toHaveURL(new RegExp(secondOrder));
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");
    const thirdOrder = operator.url().split("/").at(-1)!;
    expect(readEvents(paymentsOf(thirdOrder)[0].id).some((summary) => /merchant-initiated/.test(summary))).toBe(true);

    // The shopper removes it: it is no longer offered.
    await page.goto("/account");
    await saved.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("saved-card").filter({ hasText: "0000" })).toHaveCount(0);
  },
);

function readCaptured(orderId: string): number {
  return readShopDatabase(
    (db) =>
      (
        db.prepare("select captured_amount from payments where order_id = ?").get(orderId) as {
          captured_amount: number;
        }
      ).captured_amount,
  );
}

function readEvents(paymentId: string): string[] {
  return readShopDatabase((db) =>
    (
      db.prepare("select summary from payment_events where payment_id = ? order by id").all(paymentId) as {
        summary: string;
      }[]
    ).map((e) => e.summary),
  );
}
