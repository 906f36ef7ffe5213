import { expect, test } from "./support/test";
import { checkoutWith, choosePaymentMethod, operatorOn, paidByAlipayRedirect } from "./support/shop";

test(
  "an operator filters payments, reads a payment's timeline and refunds part of it",
  { tag: ["@shop"] },
  async ({ page, browser }) => {
    // A paid PingPong payment (Alipay by redirect) to look at.
    const payment = await paidByAlipayRedirect(page, "aurora-desk-lamp", "console@example.com");

    const operator = await operatorOn(browser, "/admin/payments");
    await operator.getByLabel("Provider").selectOption("pingpong");
    await operator.getByLabel("Status").selectOption("succeeded");
    await operator.getByRole("button", { name: "Filter" }).click();
    await expect(operator).toHaveURL(/provider=pingpong/);
    const rows = operator.getByTestId("admin-payment-row");
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) {
      expect(text).toContain("pingpong");
      expect(text).toContain("succeeded");
    }
    await operator.getByRole("link", { name: payment.id }).click();

    const timeline = operator.getByTestId("timeline");
    await expect(timeline.getByTestId("timeline-event").filter({ hasText: "/v4/payment/unifiedPay" })).toHaveCount(1);
    await expect(timeline.locator('[data-type="notification"]').first()).toBeVisible();
    await expect(
      timeline.locator('[data-type="status_change"]').filter({ hasText: "succeeded" }).first(),
    ).toBeVisible();

    await operator.getByLabel(/Refund amount/).fill("10.00");
    await operator.getByRole("button", { name: "Refund" }).click();
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("partially_refunded");
    await expect(timeline.locator('[data-type="operator_action"]').filter({ hasText: "refunded" })).toHaveCount(1);
  },
);

test("the payments list finds a payment by the provider's reference", { tag: ["@shop"] }, async ({ page, browser }) => {
  const payment = await paidByAlipayRedirect(page, "trail-runner-socks", "lookup@example.com");

  const operator = await operatorOn(browser, `/admin/payments?q=${payment.provider_payment_id}`);
  await expect(operator.getByTestId("admin-payment-row")).toHaveCount(1);
  await expect(operator.getByTestId("admin-payment-row")).toContainText(payment.id);
});

test("autofill of a 3-D Secure test card leads to the challenge page", { tag: ["@shop"] }, async ({ page }) => {
  await checkoutWith(page, "walnut-notebook", "autofill@example.com");
  await choosePaymentMethod(page, "Card", "PingPongCheckout");
  await page.getByRole("button", { name: "Fill a test card (emulator)" }).click();
  await page
    .getByLabel("Test card")
    .selectOption({ label: "Visa 3220: 3DS challenge: code 123456 passes, any other fails" });
  const form = page.getByTestId("card-fields");
  await expect(form.getByLabel("Card number")).toHaveValue("4000 0000 0000 3220");
  await expect(page.getByTestId("risk-state")).toHaveAttribute("data-state", "done");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/\/emulators\/pingpong\/3ds\//);
});

test(
  "a notification forced 'duplicated 5 times, out of order' changes the payment once, and so does a replay",
  { tag: ["@shop"] },
  async ({ page, browser }) => {
    // QA forces the next PingPong payment's notifications on the emulators page (PingPong's tab).
    await page.goto("/emulators?provider=pingpong");
    const force = page.getByTestId("forced-pingpong");
    await force.getByLabel("Notifications").selectOption("out_of_order");
    await force.getByLabel("Count").fill("5");
    await force.getByLabel("Seconds").fill("1");
    await force.getByRole("button", { name: "Force next payment" }).click();
    await expect(page.getByTestId("forced-pingpong-pending")).toContainText("out_of_order");

    const payment = await paidByAlipayRedirect(page, "stoneware-mug-set", "forced@example.com");

    const operator = await operatorOn(browser, `/admin/payments/${payment.id}`);
    const sent = operator.getByTestId("emulator-notification");
    // Five copies of the final notification and one stale one, all delivered.
    await expect(async () => {
      await operator.reload();
      await expect(sent).toHaveCount(6);
    }).toPass({ timeout: 15_000 });
    // Each shows its kind: PingPong's notifyType (the stale copy is a PAYMENT too, still PROCESSING).
    await expect(sent.getByTestId("emulator-notification-type")).toHaveText(Array(6).fill("PAYMENT"));
    const timeline = operator.getByTestId("timeline");
    const toSucceeded = timeline.locator('[data-type="status_change"]').filter({ hasText: "→ succeeded" });
    await expect(toSucceeded).toHaveCount(1);
    // The four other copies and the stale PROCESSING that came after SUCCESS changed nothing: none is
    // stored (they are counted on the payments list instead).
    const notifications = timeline.locator('[data-type="notification"]');
    await expect(notifications.filter({ hasText: "PROCESSING" })).toHaveCount(0);
    const recorded = await notifications.count();
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");

    // Replaying one from the console changes nothing, and writes nothing.
    await sent.first().getByRole("button", { name: "Replay" }).click();
    await expect(
      operator.getByTestId("emulator-notifications").getByRole("status").filter({ hasText: "Sent again" }),
    ).toHaveCount(1);
    await operator.reload();
    await expect(notifications).toHaveCount(recorded);
    await expect(toSucceeded).toHaveCount(1);
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");
    // Counted instead: the four copies, the stale PROCESSING and the replay (delivered after "Sent again").
    const counted = operator.getByTestId("unchanged-redeliveries").locator('[data-provider="pingpong"]');
    await expect
      .poll(async () => {
        await operator.goto("/admin/payments");
        return Number(await counted.getAttribute("data-count"));
      })
      .toBeGreaterThanOrEqual(6);
  },
);
