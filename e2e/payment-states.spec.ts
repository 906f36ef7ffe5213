import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";
import { abandonChallenge } from "./support/emulators";
import {
  checkoutWith,
  choosePaymentMethod,
  fillCardForm,
  operatorOn,
  orderIdFrom,
  paymentsOf,
  signIn,
} from "./support/shop";

const ANTOM = { riskCheck: false };

test.describe("what shoppers read about a payment", { tag: ["@shop"] }, () => {
  test("an abandoned 3-D Secure challenge is no dead end: back to the bank, or pay another way at once", async ({
    page,
  }) => {
    await checkoutWith(page, "walnut-notebook", `states-3ds-${Date.now()}@example.com`);
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);
    const bankPage = page.url();
    await abandonChallenge(page);
    await expect(page).toHaveURL(/\/orders\/ord_/);
    const orderId = orderIdFrom(page.url());

    await expect(page.getByTestId("waiting-for")).toHaveText("Waiting for you to confirm the payment with your bank.");
    await expect(page.getByRole("link", { name: "Return to the bank page" })).toHaveAttribute("href", bankPage);
    // "Pay another way" leads to the other payment form, already open: no hunting for it.
    await page.getByRole("link", { name: "Pay another way" }).click();
    const another = page.getByTestId("pay-another-way");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, ANTOM);
    await another.getByRole("button", { name: /another way$/ }).click();

    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    // The open attempt was closed at the provider before the new one held money: charged once.
    expect(paymentsOf(orderId).map((payment) => payment.status)).toEqual(["superseded", "succeeded"]);
  });

  test("plain words: an order number, no provider names or internals, a cancel shown as neutral", async ({ page }) => {
    await checkoutWith(page, "walnut-notebook", `states-words-${Date.now()}@example.com`);
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/pingpayments\//);
    await page.getByRole("button", { name: /^Cancel/ }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);

    await expect(page.getByTestId("order-status")).toHaveText("Payment canceled");
    const reason = page.getByTestId("failure-reason");
    await expect(reason).toHaveText("The payment was canceled. Nothing was charged.");
    await expect(reason).toHaveAttribute("data-tone", "neutral");
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
    await expect(page.getByTestId("order-number")).toHaveText(/^Order No\. \d{4}-\d{4}$/);
    await expect(page.getByTestId("payment-attempt")).toHaveText(["1. CardCanceled"]);
    // What the page says about the order and its payment (the form to pay again offers its own choices).
    const text = await page.locator("main").evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("form").forEach((form) => form.remove());
      return copy.textContent ?? "";
    });
    for (const internal of ["ord_", "pay_", "PaymentIQ", "Ping Payments", "requires_action", "notification", "failed"])
      expect(text).not.toContain(internal);
  });

  test("authorized is not paid: confirmed and charged when it ships, for the shopper and the operator's To capture queue", async ({
    page,
    browser,
  }) => {
    await signIn(page, "shopper@example.com", "shopper-demo", "/");
    await checkoutWith(page, "mechanical-keyboard", "shopper@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    const orderId = orderIdFrom(page.url());
    expect(paymentsOf(orderId)[0].status).toBe("authorized");

    await expect(page.getByTestId("order-status")).toHaveText("Confirmed — charged when it ships");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your order is confirmed");
    await expect(page.getByTestId("paid-note")).toContainText("charged");
    await expect(page.getByTestId("paid-note")).toContainText("when it ships; nothing has been charged yet");
    await expect(page.locator("main")).not.toContainText(/\bpaid\b/i);
    const number = (await page.getByTestId("order-number").innerText()).replace("Order No. ", "");

    await page.goto("/account");
    const mine = page.getByRole("listitem").filter({ hasText: number });
    await expect(mine.getByTestId("order-status")).toHaveText("Confirmed — charged when it ships");

    const operator = await operatorOn(browser, "/admin");
    await operator.getByLabel("Status").selectOption({ label: "To capture" });
    await operator.getByRole("button", { name: "Filter" }).click();
    await expect(operator).toHaveURL(/state=to_capture/);
    const rows = operator.getByTestId("admin-order-row");
    await expect(rows.filter({ hasText: orderId }).getByTestId("order-status")).toHaveText("To capture");
    for (const status of await rows.getByTestId("order-status").allInnerTexts()) expect(status).toBe("To capture");

    // Captured by the operator: paid, for both, and out of the queue.
    await operator.goto(`/admin/orders/${orderId}`);
    await operator.getByRole("button", { name: "Capture" }).click();
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");
    await expect(operator.getByTestId("order-status")).toHaveText("Paid");
    // The timeline says who captured how much, in money, not minor units.
    const [captured] = paymentsOf(orderId);
    await operator.goto(`/admin/payments/${captured.id}`);
    const capture = operator.locator('[data-testid="timeline-event"][data-type="operator_action"]');
    await expect(capture).toContainText(/operator@example\.com captured \S*\d[\d,]*\.\d{2}/);
    await expect(capture).not.toContainText(new RegExp(`captured ${captured.amount}\\b`));
    await operator.goto("/admin?state=to_capture");
    await expect(operator.getByTestId("admin-order-row").filter({ hasText: orderId })).toHaveCount(0);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });
});

test.describe("the console's orders list", { tag: ["@shop"] }, () => {
  test("filters, search by any reference, and the To capture queue link, with no axe violations", async ({
    page,
    browser,
  }) => {
    const email = `states-search-${Date.now()}@example.com`;
    await checkoutWith(page, "stoneware-mug-set", email);
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, ANTOM);
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const orderId = orderIdFrom(page.url());
    const [payment] = paymentsOf(orderId);

    const operator = await operatorOn(browser, "/admin");
    for (const reference of [email, orderId, payment.id]) {
      await operator.getByLabel("Reference or email").fill(reference);
      await operator.getByRole("button", { name: "Filter" }).click();
      await expect(operator.getByTestId("admin-order-row")).toHaveCount(1);
      await expect(operator.getByTestId("admin-order-row")).toContainText(orderId);
    }
    await operator.getByLabel("Status").selectOption({ label: "Failed" });
    await operator.getByRole("button", { name: "Filter" }).click();
    await expect(operator.getByText("No order matches.")).toBeVisible();
    await operator.getByRole("link", { name: "Clear" }).click();
    await expect(operator.getByTestId("admin-order-row").first()).toBeVisible();
    await operator.getByTestId("to-capture-queue").click();
    await expect(operator).toHaveURL(/state=to_capture/);
    await expect(operator.getByLabel("Status")).toHaveValue("to_capture");
    const axe = await new AxeBuilder({ page: operator })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .disableRules(["color-contrast"])
      .analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  });
});
