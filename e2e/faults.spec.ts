import { expect, test } from "@playwright/test";
import { checkoutWith, choosePaymentMethod, fillCardForm, orderIdFrom, paymentsOf } from "./support/shop";

// A test that stops before paying must not leave its forced outcome to the next Antom payment.
test.afterEach(async ({ request }) => {
  await request.delete("/emulators/control/antom/next-payment");
});

test(
  "a forced timeout after the charge: the order page says it is confirming, never failed, then shows the paid order",
  { tag: ["@control-plane", "@antom"] },
  async ({ page, request }) => {
    await checkoutWith(page, "walnut-notebook", "fault-timeout@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Tim Out" }, { riskCheck: false });
    // Antom charges, then holds its answer past the shop's 10 s patience; its notification is lost.
    const forced = await request.post("/emulators/control/antom/next-payment", {
      data: { outcome: "timeout", charge: true, holdSeconds: 15, notification: { mode: "dropped" } },
    });
    expect(forced.status()).toBe(200);
    await page.getByRole("button", { name: /^Pay / }).click();

    await expect(page).toHaveURL(/\/orders\/ord_/, { timeout: 30_000 });
    await expect(page.getByTestId("waiting-for")).toHaveText(
      "We are confirming your payment. This page updates by itself; please do not pay again.",
    );
    await expect(page.getByTestId("failure-reason")).toHaveCount(0);
    // The page keeps polling; the shop asks Antom by our reference and learns the payment was made.
    await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 30_000 });
    const [payment] = paymentsOf(orderIdFrom(page.url()));
    expect(payment.status).toBe("succeeded");
    const charges = (await (await request.get(`/emulators/control/antom/charges?reference=${payment.id}`)).json()) as {
      count: number;
    };
    expect(charges.count).toBe(1);
  },
);

test(
  "a forced HTTP 500 before any charge: within seconds the order page says nothing was charged and offers to try again",
  { tag: ["@control-plane", "@antom"] },
  async ({ page, request }) => {
    await checkoutWith(page, "walnut-notebook", "fault-500@example.com");
    await choosePaymentMethod(page, "Card", "Antom");
    await fillCardForm(page, { number: "4111 1111 1111 1111", holder: "Five Hundred" }, { riskCheck: false });
    // Antom answers 500 and makes no payment; its inquiry then says it has none.
    const forced = await request.post("/emulators/control/antom/next-payment", {
      data: { outcome: "http_500", charge: false, notification: { mode: "dropped" } },
    });
    expect(forced.status()).toBe(200);
    await page.getByRole("button", { name: /^Pay / }).click();

    await expect(page).toHaveURL(/\/orders\/ord_/);
    const landed = Date.now();
    // The shop asks Antom at once: the 500 was an answer, so Antom's "no such payment" is final.
    await expect(page.getByTestId("failure-reason")).toContainText("nothing was charged", { timeout: 8_000 });
    const settledAfterMs = Date.now() - landed;
    test.info().annotations.push({ type: "outcome shown after (ms)", description: String(settledAfterMs) });
    expect(settledAfterMs).toBeLessThan(8_000);
    await expect(page.getByRole("button", { name: /^Try again: pay / })).toBeVisible();
    const [payment] = paymentsOf(orderIdFrom(page.url()));
    expect(payment).toMatchObject({ status: "failed" });
    const charges = (await (await request.get(`/emulators/control/antom/charges?reference=${payment.id}`)).json()) as {
      count: number;
    };
    expect(charges.count).toBe(0);
  },
);
