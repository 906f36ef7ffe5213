import { expect, test } from "./support/test";
import {
  addProductToCart,
  checkoutWith,
  choosePaymentMethod,
  fillCheckout,
  holdServerActions,
  hydrated,
  operatorOn,
  orderIdFrom,
  paymentsOf,
  payOnPaymentIq,
  readShopDatabase,
} from "./support/shop";

test(
  "a guest buys two items with Ping Payments and the order turns Paid by itself",
  { tag: ["@parity", "@pingpayments", "@control-plane"] },
  async ({ page, expectNotification }) => {
    await page.goto("/");
    await expect(page.getByTestId("product-card")).toHaveCount(12);
    await addProductToCart(page, "stoneware-mug-set");
    await addProductToCart(page, "merino-beanie", 2);
    await expect(page.getByTestId("cart-count")).toHaveText("(3)");

    // The cart survives a reload.
    await page.goto("/cart");
    await page.reload();
    await expect(page.getByTestId("cart-line")).toHaveCount(2);
    await expect(page.getByTestId("cart-total")).toHaveText("$100.00");

    await page.getByRole("link", { name: "Checkout" }).click();
    await fillCheckout(page);
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: "Pay $100.00" }).click();

    await expect(page.getByTestId("piq-amount")).toHaveText("$100.00");
    // "late": the emulator delays the status callback, so the order page is seen pending first.
    await payOnPaymentIq(page, { number: "4111 1111 1111 1111", cardholder: "Greta Late" });

    await expect(page).toHaveURL(/\/orders\/ord_/);
    const orderId = orderIdFrom(page.url());
    await expect(page.getByTestId("order-status")).toHaveText("Waiting for payment");
    await expect(page.getByTestId("waiting-for")).toContainText("Waiting for you to finish paying on the payment page");
    await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
    await expect(page.getByRole("heading", { name: "Thank you, your order is paid" })).toBeVisible();

    const [payment] = paymentsOf(orderId);
    expect(payment).toMatchObject({ status: "succeeded", amount: 10000, currency: "USD" });
    const events = readShopDatabase(
      (db) =>
        db
          .prepare("select type, to_status, detail from payment_events where payment_id = ? order by id")
          .all(payment.id) as { type: string; to_status: string | null; detail: string | null }[],
    );
    expect(events.map((e) => e.type)).toEqual([
      "api_call",
      "api_call",
      "status_change",
      "notification",
      "status_change",
    ]);
    expect(events.at(-1)!.to_status).toBe("succeeded");
    // The late status callback was delivered once and acknowledged.
    const callback = await expectNotification({
      provider: "pingpayments",
      type: "status_callback",
      reference: payment.provider_payment_id,
      match: { status: "COMPLETED" },
    });
    expect(callback.attempts).toBe(1);
    expect(callback.deliveries).toHaveLength(1);
    // Nothing the shop stored holds the card number.
    expect(JSON.stringify(events)).not.toContain("4111111111111111");

    // The cart was emptied by the order.
    await expect(page.getByTestId("cart-count")).toHaveText("(0)");
  },
);

test(
  "a decline shows its reason and the same order can be paid with a new attempt",
  { tag: ["@parity", "@pingpayments"] },
  async ({ page }) => {
    await addProductToCart(page, "walnut-notebook");
    await page.goto("/checkout");
    await fillCheckout(page, { email: "decline@example.com", name: "Dan Decline" });
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: /^Pay / }).click();

    await payOnPaymentIq(page, { number: "4000 0000 0000 9995" });
    await expect(page).toHaveURL(/\/orders\/ord_/);
    const orderId = orderIdFrom(page.url());
    await expect(page.getByTestId("order-status")).toHaveText("Payment failed");
    await expect(page.getByTestId("failure-reason")).toHaveText("Insufficient funds on the card.");

    // Once hydrated, "Try again" is a client-side navigation from the shop to PaymentIQ's page, which
    // must bring the hosted page's own words (its layout's, not the root layout's, which stays).
    const tryAgain = page.getByRole("button", { name: /Try again: pay/ });
    await hydrated(tryAgain);
    await tryAgain.click();
    await payOnPaymentIq(page, { number: "5555 5555 5555 4444" });
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}`));
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    await expect(page.getByTestId("payment-attempt")).toHaveCount(2);

    const attempts = paymentsOf(orderId);
    expect(attempts.map((p) => p.status)).toEqual(["failed", "succeeded"]);
    expect(attempts[0].failure_message).toBe("Insufficient funds on the card.");
    expect(attempts[0].provider_payment_id).not.toBe(attempts[1].provider_payment_id);
  },
);

test(
  "checkout explains bad input and keeps what was typed",
  { tag: ["@parity", "@pingpayments"] },
  async ({ page }) => {
    await addProductToCart(page, "ceramic-planter");
    await page.goto("/checkout");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Full name").fill("Val Input");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your street address.")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Val Input");
    await expect(page).toHaveURL(/\/checkout$/);
  },
);

test(
  "the same checkout form posted twice at once makes one order and one payment",
  { tag: ["@parity", "@pingpayments"] },
  async ({ page }) => {
    await addProductToCart(page, "pour-over-kettle");
    // The checkout form as the server renders it (it also works without JavaScript): its hidden
    // fields carry the server action and the checkout token.
    const html = await (await page.request.get("/checkout")).text();
    const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)]
      .map((m) => m[1])
      .find((f) => f.includes('name="checkoutToken"'))!;
    const fields: Record<string, string> = {};
    for (const [, attributes] of form.matchAll(/<input([^>]*type="hidden"[^>]*)>/g)) {
      const name = /name="([^"]*)"/.exec(attributes)![1];
      fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(attributes)?.[1] ?? "");
    }
    expect(fields.checkoutToken).toMatch(/^[0-9a-f-]{36}$/);
    // An address of this run's own: the test is run again on the same database (--repeat-each).
    const email = `double-${fields.checkoutToken}@example.com`;
    const multipart = {
      ...fields,
      email,
      name: "Dora Double",
      addressLine: "Storgatan 1",
      city: "Stockholm",
      postalCode: "111 22",
      country: "SE",
      paymentMethod: "pingpayments:card",
    };
    // A double click on a slow connection: both posts reach the server (with the page's Origin, as a
    // browser sends it; a form post without one is refused as cross-site).
    const headers = { origin: new URL(page.url()).origin };
    const answers = await Promise.all(
      [1, 2].map(() => page.request.post("/checkout", { multipart, headers, maxRedirects: 0 })),
    );
    for (const answer of answers) expect(answer.status()).toBe(303);
    expect(answers[0].headers().location).toBe(answers[1].headers().location);

    const orders = readShopDatabase(
      (db) => db.prepare("select id from orders where email = ?").all(email) as { id: string }[],
    );
    expect(orders).toHaveLength(1);
    expect(paymentsOf(orders[0].id)).toHaveLength(1);
  },
);

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

test(
  "the Pay button is disabled while its answer is pending",
  { tag: ["@parity", "@pingpayments"] },
  async ({ page }) => {
    await addProductToCart(page, "trail-runner-socks");
    await page.goto("/checkout");
    await fillCheckout(page, { email: "slow@example.com" });
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    // Hold the server action's answer back to see the pending state.
    const release = await holdServerActions(page, "**/checkout");
    const pay = page.getByRole("button", { name: /^Pay / });
    await pay.click();
    await expect(page.getByRole("button", { name: "Contacting the payment provider…" })).toBeDisabled();
    release();
    await expect(page).toHaveURL(/\/emulators\/pingpayments\/paymentiq\/checkout\//);
  },
);

test(
  "an operator settles a paid Ping Payments order from /admin: split, then settle, once",
  { tag: ["@parity", "@pingpayments"] },
  async ({ page, browser }) => {
    await checkoutWith(page, "stoneware-mug-set", "settle@example.com");
    await choosePaymentMethod(page, "Card via PaymentIQ", "Ping Payments");
    await page.getByRole("button", { name: /^Pay / }).click();
    await payOnPaymentIq(page, { number: "4111 1111 1111 1111", cardholder: "Sam Settle" });
    await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
    const [payment] = paymentsOf(orderIdFrom(page.url()));

    const operator = await operatorOn(browser, `/admin/payments/${payment.id}`);
    await operator.getByRole("button", { name: "Settle" }).click();
    await expect(operator.getByRole("status")).toHaveText("Settled at the provider.");
    await expect(operator.getByTestId("admin-payment-status")).toHaveText("succeeded");
    await expect(operator.getByTestId("timeline-event").filter({ hasText: "settled the payment" })).toHaveCount(1);
    await expect(
      operator
        .getByTestId("timeline-event")
        .filter({ hasText: /PUT \/emulators\/pingpayments\/api\/v1\/payment_orders\/[^/]+\/split -> 204/ }),
    ).toHaveCount(1);
    await expect(
      operator
        .getByTestId("timeline-event")
        .filter({ hasText: /PUT \/emulators\/pingpayments\/api\/v1\/payment_orders\/[^/]+\/settle -> 204/ }),
    ).toHaveCount(1);

    // A second settle is Ping's refusal, shown to the operator; the payment does not change.
    await operator.getByRole("button", { name: "Settle" }).click();
    await expect(operator.getByRole("alert").filter({ hasText: "payment_order_already_settled" })).toBeVisible();
    expect(paymentsOf(orderIdFrom(page.url()))[0].status).toBe("succeeded");
  },
);
