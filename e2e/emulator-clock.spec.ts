import { expect, test } from "./support/clock";
import { checkoutWith, choosePaymentMethod, orderIdFrom, paymentsOf } from "./support/shop";

test.describe("the emulators' clock", { tag: ["@clock", "@pingpong"] }, () => {
  test("2 hours after an AlipayHK QR code was shown, the emulator closed it and the order page says it expired", async ({
    page,
    emulatorClock,
  }) => {
    await checkoutWith(page, "stoneware-mug-set", "qr-clock@example.com");
    await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByRole("img", { name: "QR code to pay with AlipayHK" })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");

    const [payment] = paymentsOf(orderIdFrom(page.url()));
    const report = await emulatorClock.advance("2 hours");
    // The emulator closed the payment and told the shop (its CLOSE notification, acknowledged);
    // rows earlier specs left pending may fall due too, so only this payment's are read.
    expect(report.attempts.filter((attempt) => attempt.subject === payment.provider_payment_id)).toEqual([
      expect.objectContaining({ provider: "pingpong", httpStatus: 200, status: "delivered" }),
    ]);

    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toContainText("expired");
    expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("expired");
    await expect(page.getByRole("button", { name: /Try again/ })).toBeVisible();
  });
});
