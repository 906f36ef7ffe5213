import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, paymentsOf, readShopDatabase } from "./support/shop";

/** The newest order placed with `email` (the browser is on the provider's page, not the order's). */
function latestOrderOf(email: string): string {
  return readShopDatabase(
    (db) =>
      (
        db.prepare("select id from orders where email = ? order by created_at desc limit 1").get(email) as {
          id: string;
        }
      ).id,
  );
}

test.describe("one live attempt per order: pay another way", { tag: ["@shop"] }, () => {
  test("leaving an open 3-D Secure page for another card closes it at Antom first; the order is paid once", async ({
    page,
  }) => {
    const email = `switch-3ds-${Date.now()}@example.com`;
    await checkoutWith(page, "walnut-notebook", email);
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4000 0000 0000 3220", holder: "Ann Tom" }, { riskCheck: false });
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/antom\/3ds\//);

    // The shopper goes back to the order instead of answering the bank.
    const orderId = latestOrderOf(email);
    await page.goto(`/orders/${orderId}`);
    // An open bank challenge shows the other way to pay already open.
    const another = page.getByTestId("pay-another-way");
    await expect(another).toHaveAttribute("open", "");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Ann Tom" }, { riskCheck: false });
    await another.getByRole("button", { name: /another way$/ }).click();

    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(paymentsOf(orderId).map((payment) => payment.status)).toEqual(["superseded", "succeeded"]);
  });

  test("an open QR code cannot be closed early: the page says so and offers no second payment", async ({ page }) => {
    await checkoutWith(page, "merino-beanie", `switch-qr-${Date.now()}@example.com`);
    await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    const another = page.getByTestId("pay-another-way");
    await another.getByText("Pay another way").click();
    await expect(another.getByTestId("switch-waits")).toContainText("cannot close this payment early");
    await expect(another.getByRole("button", { name: /another way$/ })).toHaveCount(0);
  });
});
