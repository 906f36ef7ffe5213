import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, orderIdFrom, paymentsOf } from "./support/shop";

test.describe("PingPongCheckout local payments", { tag: ["@parity", "@pingpong"] }, () => {
  test("AlipayHK by QR code: approved on the scan page, the order page turns paid by itself", async ({
    page,
    context,
  }) => {
    await checkoutWith(page, "stoneware-mug-set", "qr-paid@example.com");
    await choosePaymentMethod(page, "AlipayHK", "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByRole("img", { name: "QR code to pay with AlipayHK" })).toBeVisible();
    await expect(page.getByTestId("qr-countdown")).toContainText("Expires in");
    await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");

    // The phone: the URL the QR encodes.
    const scanUrl = await page.getByTestId("qr-link").getAttribute("href");
    expect(scanUrl).toMatch(/\/emulators\/pingpong\/apm\/.+\/scan$/);
    const phone = await context.newPage();
    await phone.goto(scanUrl!);
    await phone.getByRole("button", { name: "Approve payment" }).click();
    // Closed only once its page is back: closing it in the middle of the form's redirect hung the
    // test until its timeout (2 in 9 runs; the trace shows "Close page" never returning).
    await expect(phone.getByTestId("pingpong-wallet-status")).toHaveText(/Payment approved/);
    await phone.close();

    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("succeeded");
  });

  // The emulator's "expire now" hook is the control plane's (closed in a parity run).
  test(
    "WeChat Pay QR code expired: the order page says so and offers another try",
    { tag: ["@control-plane"] },
    async ({ page }) => {
      await checkoutWith(page, "trail-runner-socks", "qr-expired@example.com");
      await choosePaymentMethod(page, "WeChat Pay", "PingPongCheckout");
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page.getByTestId("qr-payment")).toBeVisible();
      const scanUrl = (await page.getByTestId("qr-link").getAttribute("href"))!;
      // QA's "expire now" hook of the emulator stands in for waiting out the QR's lifetime.
      const expire = await page.request.post(scanUrl.replace(/\/scan$/, "/expire"));
      expect(expire.ok()).toBe(true);
      await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
      await expect(page.getByTestId("failure-reason")).toContainText("expired");
      expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("expired");
      await expect(page.getByRole("button", { name: /Try again/ })).toBeVisible();
    },
  );

  test("Alipay by redirect: paid on the method's page, back to the order", async ({ page }) => {
    await checkoutWith(page, "pour-over-kettle", "redirect@example.com");
    await choosePaymentMethod(page, "Alipay", "PingPongCheckout");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/emulators\/pingpong\/apm\/.+\/pay$/);
    await page.getByRole("button", { name: "Approve payment" }).click();
    await expect(page).toHaveURL(/\/orders\/ord_/);
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });
});
