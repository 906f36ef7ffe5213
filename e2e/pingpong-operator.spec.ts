import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, orderIdFrom, paymentsOf, signIn } from "./support/shop";

test.describe("operator refund and void of PingPong payments", { tag: ["@parity", "@pingpong"] }, () => {
  test("an authorized card payment is voided from /admin", async ({ page, browser }) => {
    await checkoutWith(page, "brass-fountain-pen", "void@example.com");
    await choosePaymentMethod(page, "Card", "PingPongCheckout");
    await fillCardForm(page, { number: "4111 1111 1111 1111" });
    await page.getByRole("button", { name: /^Pay / }).click();
    // Authorized, not paid: PingPong captures it later by itself, unless it is voided first.
    await expect(page.getByTestId("order-status")).toHaveText("Confirmed — charged shortly");
    const orderId = orderIdFrom(page.url());
    expect(paymentsOf(orderId)[0].status).toBe("authorized");

    const operator = await (await browser.newContext()).newPage();
    operator.on("dialog", (dialog) => void dialog.accept());
    await signIn(operator, "operator@example.com", "operator-demo", `/admin/orders/${orderId}`);
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("authorized");
    await operator.getByRole("button", { name: "Void authorization" }).click();
    await expect(operator.getByRole("status")).toHaveText("Voided. The payment is now canceled.");
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("canceled");
    await expect(operator.getByTestId("order-status")).toHaveText("Canceled");
    expect(paymentsOf(orderId)[0].status).toBe("canceled");
  });

  test("a paid order is refunded in part, then in full, from /admin", async ({ page, browser }) => {
    await checkoutWith(page, "nordic-wool-throw", "refund@example.com");
    await choosePaymentMethod(page, "Alipay", "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.getByRole("button", { name: "Approve payment" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const orderId = orderIdFrom(page.url());

    const operator = await (await browser.newContext()).newPage();
    operator.on("dialog", (dialog) => void dialog.accept());
    await signIn(operator, "operator@example.com", "operator-demo", `/admin/orders/${orderId}`);
    await operator.getByLabel(/Refund amount/).fill("29.00");
    await operator.getByRole("button", { name: "Refund" }).click();
    await expect(operator.getByRole("status")).toHaveText("Refunded. The payment is now partially_refunded.");
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("partially_refunded");
    expect(paymentsOf(orderId)[0]).toMatchObject({ status: "partially_refunded", refunded_amount: 2900 });

    await expect(operator.getByLabel(/Refund amount/)).toHaveValue("100.00");
    await operator.getByRole("button", { name: "Refund" }).click();
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("refunded");
    await expect(operator.getByTestId("order-status")).toHaveText("Refunded");
    expect(paymentsOf(orderId)[0]).toMatchObject({ status: "refunded", refunded_amount: 12900 });
  });
});
