// @module-tag emulator-internals
// @module-tag pingpayments
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { fileURLToPath } from "node:url";
import { loadDocumentedExamples } from "@/lib/testing/documented-examples";
import {
  createEmulatorPayment,
  EMULATOR_SPLIT_TREE_ID,
  paymentBody,
  payOnPaymentIq,
  pingApi,
  pingApiUrl,
  serverUrl,
  sleep,
  startCallbackCatcher,
} from "@/lib/testing/pingpayments-fixtures";
import { STATUS_CALLBACK_RETRY_SECONDS } from "./config";
import * as documented from "./documented-shapes";

// The integration server runs the emulator clock at 0.001 (see lib/testing/integration-server.ts).
const TIME_SCALE = 0.001;
const catchers: Awaited<ReturnType<typeof startCallbackCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
});

/** The emulator's answer has the shape the docs state (lib/emulators/pingpayments/documented-shapes.ts). */
function expectDocumented(shape: z.ZodType, json: unknown) {
  expect(shape.safeParse(json).error?.issues).toBeUndefined();
}

describe("Ping Payments emulator: authentication and validation", () => {
  it("answers 403 in the errors shape for a wrong secret or missing headers", async () => {
    const wrong = await pingApi(
      "POST",
      "/payment_orders",
      { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" },
      { tenant_id: "1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10", "x-api-secret": "wrong" },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({
      errors: [expect.objectContaining({ error: "forbidden", description: expect.any(String), property: null })],
    });
    expectDocumented(documented.errorsBody, wrong.json);
    const missing = await pingApi(
      "POST",
      "/payment_orders",
      { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" },
      {},
    );
    expect(missing.status).toBe(403);
    expectDocumented(documented.errorsBody, missing.json);
  });

  it("answers 422 naming the property for a missing currency", async () => {
    const answer = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      errors: [{ error: "missing_required_property", description: expect.any(String), property: "currency" }],
    });
    expectDocumented(documented.errorsBody, answer.json);

    const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
    const body = paymentBody();
    delete (body as Partial<typeof body>).currency;
    const payment = await pingApi("POST", `/payment_orders/${order.json!.id}/payments`, body);
    expect(payment.status).toBe(422);
    expect((payment.json!.errors as { property: string }[]).map((e) => e.property)).toContain("currency");
  });

  it("answers 422 when the payment's currency differs from its order's, or items do not add up", async () => {
    const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
    const mismatch = await pingApi(
      "POST",
      `/payment_orders/${order.json!.id}/payments`,
      paymentBody({ currency: "EUR" }),
    );
    expect(mismatch.status).toBe(422);
    expect(mismatch.json!.errors).toEqual([
      expect.objectContaining({ error: "currency_mismatch", property: "currency" }),
    ]);
    const total = await pingApi(
      "POST",
      `/payment_orders/${order.json!.id}/payments`,
      paymentBody({ total_amount: 9999 }),
    );
    expect(total.status).toBe(422);
    expect(total.json!.errors).toEqual([expect.objectContaining({ property: "total_amount" })]);
  });

  it("answers 404 for unknown ids and 422 for a closed order", async () => {
    const { paymentOrderId } = await createEmulatorPayment();
    for (const [method, path] of [
      ["GET", "/payment_orders/no-such-order"],
      ["POST", "/payment_orders/no-such-order/payments"],
      ["GET", `/payment_orders/${paymentOrderId}/payments/no-such-payment`],
      ["PUT", "/payment_orders/no-such-order/split"],
      ["PUT", "/payment_orders/no-such-order/settle"],
    ] as const) {
      const answer = await pingApi(method, path, method === "POST" ? paymentBody() : undefined);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expectDocumented(documented.errorsBody, answer.json);
    }
    expect((await pingApi("PUT", `/payment_orders/${paymentOrderId}/close`)).status).toBe(204);
    const closed = await pingApi("POST", `/payment_orders/${paymentOrderId}/payments`, paymentBody());
    expect(closed.status).toBe(422);
    expect(closed.json!.errors).toEqual([expect.objectContaining({ error: "payment_order_closed" })]);
    expectDocumented(documented.errorsBody, closed.json);
  });
});

describe("Ping Payments emulator: PaymentIQ checkout and status callbacks", () => {
  it("approves a test card, redirects to success_url and posts the status callback", async () => {
    const catcher = await startCallbackCatcher([204]);
    catchers.push(catcher);
    const payment = await createEmulatorPayment({ status_callback_url: catcher.url });
    expect(payment.payUrl).toMatch(/\/emulators\/pingpayments\/paymentiq\/checkout\//);
    const page = await fetch(payment.payUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("PaymentIQ");

    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4111 1111 1111 1111" });
    expect(redirect).toEqual({ status: 303, location: "http://localhost:9/success" });
    const [callback] = await catcher.waitFor(1);
    expect(JSON.parse(callback.body)).toEqual({
      payment_id: payment.paymentId,
      payment_order_id: payment.paymentOrderId,
      status: "COMPLETED",
    });
    expectDocumented(documented.statusCallback, JSON.parse(callback.body));
    const details = await pingApi("GET", `/payment_orders/${payment.paymentOrderId}/payments/${payment.paymentId}`);
    expect(details.json).toMatchObject({
      id: payment.paymentId,
      status: "COMPLETED",
      total_amount: 2500,
      currency: "SEK",
    });
    expectDocumented(documented.paymentDetails, details.json);
    expect(JSON.stringify(details.json)).not.toContain("4111111111111111");
  });

  it("declines with a reason and redirects to error_url", async () => {
    const payment = await createEmulatorPayment();
    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4000000000009995" });
    expect(redirect.location).toBe("http://localhost:9/error");
    const details = await pingApi("GET", `/payment_orders/${payment.paymentOrderId}/payments/${payment.paymentId}`);
    expect(details.json).toMatchObject({ status: "DECLINED", status_reason: { code: "insufficient_funds" } });
    expectDocumented(documented.paymentDetails, details.json);
  });

  it("refuses an invalid card on the page without changing the payment", async () => {
    const payment = await createEmulatorPayment();
    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4111111111111112" });
    expect(redirect.status).toBe(303);
    expect(redirect.location).toContain("error=");
    const details = await pingApi("GET", `/payment_orders/${payment.paymentOrderId}/payments/${payment.paymentId}`);
    expect(details.json).toMatchObject({ status: "INITIATED" });
  });

  it("names the bad field: in the 303 back to the form, or as JSON to the page's own script (the page keeps the card)", async () => {
    const payment = await createEmulatorPayment();
    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4111111111111111", expiry: "13/30" });
    expect(new URL(redirect.location!).searchParams.get("field")).toBe("expiry");
    const postAsScript = (cardNumber: string) =>
      fetch(`${serverUrl()}/emulators/pingpayments/paymentiq/checkout/${payment.paymentId}/submit`, {
        method: "POST",
        headers: { accept: "application/json" },
        body: new URLSearchParams({ cardholder: "Test Payer", cardNumber, expiry: "12/35", cvc: "123" }),
      });
    const invalid = await postAsScript("4111111111111112");
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: "The card number is not valid.",
      field: "number",
      code: "numberNotValid",
    });
    const paid = await postAsScript("4111111111111111");
    expect(await paid.json()).toEqual({ redirect: "http://localhost:9/success" });
  });

  it("retries a callback answered with 500 on its schedule and stops after a 2xx", async () => {
    const catcher = await startCallbackCatcher([500, 500, 200]);
    catchers.push(catcher);
    const payment = await createEmulatorPayment({ status_callback_url: catcher.url });
    await payOnPaymentIq(payment.paymentId, { number: "5555555555554444" });
    const requests = await catcher.waitFor(3, 15_000);
    const [first, second, third] = requests.map((r) => r.at);
    expect(second - first).toBeGreaterThanOrEqual(STATUS_CALLBACK_RETRY_SECONDS[0] * 1000 * TIME_SCALE);
    expect(third - second).toBeGreaterThanOrEqual(STATUS_CALLBACK_RETRY_SECONDS[1] * 1000 * TIME_SCALE);
    for (const request of requests)
      expect(JSON.parse(request.body)).toMatchObject({ payment_id: payment.paymentId, status: "COMPLETED" });
    // Past the next scheduled retry (300 s scaled) nothing more arrives.
    await sleep(STATUS_CALLBACK_RETRY_SECONDS[2] * 1000 * TIME_SCALE * 3 + 1000);
    expect(catcher.requests).toHaveLength(3);
  });

  it("gives up after the last scheduled attempt", async () => {
    const catcher = await startCallbackCatcher([503]);
    catchers.push(catcher);
    const payment = await createEmulatorPayment({ status_callback_url: catcher.url });
    await payOnPaymentIq(payment.paymentId, { number: "4111111111111111" });
    // 10 s + 1 min + 5 min + 30 min + 2 h + 6 h, scaled: about 30 s in all at 0.001.
    const attempts = STATUS_CALLBACK_RETRY_SECONDS.length + 1;
    await catcher.waitFor(attempts, 60_000);
    await sleep(1500);
    expect(catcher.requests).toHaveLength(attempts);
  }, 90_000);

  it("sends a scripted duplicate twice and a silent payment never", async () => {
    const twice = await startCallbackCatcher([200]);
    const silent = await startCallbackCatcher([200]);
    catchers.push(twice, silent);
    const a = await createEmulatorPayment({ status_callback_url: twice.url });
    const b = await createEmulatorPayment({ status_callback_url: silent.url });
    await payOnPaymentIq(a.paymentId, { number: "4111111111111111", cardholder: "Pay Twice" });
    await payOnPaymentIq(b.paymentId, { number: "4111111111111111", cardholder: "Silent Sam" });
    const delivered = await twice.waitFor(2);
    expect(delivered[0].body).toBe(delivered[1].body);
    await sleep(500);
    expect(silent.requests).toHaveLength(0);
  });

  it("settles a pending payment later and notifies it", async () => {
    const catcher = await startCallbackCatcher([200]);
    catchers.push(catcher);
    const payment = await createEmulatorPayment({ status_callback_url: catcher.url });
    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4000000000000119" });
    expect(redirect.location).toBe("http://localhost:9/success");
    const requests = await catcher.waitFor(2, 15_000);
    expect(requests.map((r) => JSON.parse(r.body).status)).toEqual(["PENDING", "COMPLETED"]);
    for (const request of requests) expectDocumented(documented.statusCallback, JSON.parse(request.body));
  });
});

describe("Ping Payments emulator: documented behaviour only (issue 13)", () => {
  const examples = loadDocumentedExamples(
    fileURLToPath(new URL("../../providers/pingpayments/fixtures", import.meta.url)),
  );

  it("takes the documented requests and answers them in the documented shapes", async () => {
    const order = await pingApi("POST", "/payment_orders", examples["create-payment-order.request"].example);
    expect(order.status).toBe(200);
    expectDocumented(documented.paymentOrderCreated, order.json);
    const orderId = order.json!.id as string;
    // The example's URLs are filled in on https://shop.example; the emulator takes the shop's own site only (its outbound URL policy).
    const onTheShop = JSON.parse(
      JSON.stringify(examples["create-payment.request"].example).replaceAll("https://shop.example", serverUrl()),
    ) as unknown;
    const card = await pingApi("POST", `/payment_orders/${orderId}/payments`, onTheShop);
    expect(card.status).toBe(200);
    expectDocumented(documented.paymentCreated, card.json);
    expect((card.json!.provider_method_response as { pay_url?: string }).pay_url).toMatch(/\/paymentiq\/checkout\//);
    const dummy = await pingApi(
      "POST",
      `/payment_orders/${orderId}/payments`,
      examples["create-payment-dummy.request"].example,
    );
    expect(dummy.status).toBe(200);
    expectDocumented(documented.paymentCreated, dummy.json);
    const details = await pingApi("GET", `/payment_orders/${orderId}/payments/${dummy.json!.id as string}`);
    expect(details.json).toMatchObject({ status: "COMPLETED" });
    expectDocumented(documented.paymentDetails, details.json);
    const orderDetails = await pingApi("GET", `/payment_orders/${orderId}`);
    expect(orderDetails.status).toBe(200);
    expectDocumented(documented.paymentOrderDetails, orderDetails.json);
  });

  it("serves no list of an order's payments, and answers unknown routes with the documented 404 JSON", async () => {
    const { paymentOrderId } = await createEmulatorPayment();
    expect((await pingApi("GET", `/payment_orders/${paymentOrderId}`)).json).not.toHaveProperty("payments");
    for (const [method, path] of [
      ["GET", `/payment_orders/${paymentOrderId}/payments`],
      ["GET", "/payments"],
      ["POST", `/payment_orders/${paymentOrderId}/refund`],
      ["PUT", `/payment_orders/${paymentOrderId}/payments/x/y`],
    ] as const) {
      const answer = await pingApi(method, path, method === "GET" ? undefined : {});
      expect(answer.status, `${method} ${path}`).toBe(404);
      expectDocumented(documented.errorsBody, answer.json);
    }
    const outside = await fetch(`${pingApiUrl()}/../v2/anything`);
    expect(outside.status).toBe(404);
    expectDocumented(documented.errorsBody, await outside.json());
  });

  it("refuses a split tree the tenant does not have with 422 in the errors shape", async () => {
    const answer = await pingApi("POST", "/payment_orders", { split_tree_id: "not-ours", currency: "SEK" });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      errors: [{ error: "split_tree_not_found", description: expect.any(String), property: "split_tree_id" }],
    });
    expectDocumented(documented.errorsBody, answer.json);
  });

  it("refuses an order item for a merchant the tenant does not have with 422 naming the item", async () => {
    const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
    const body = paymentBody();
    body.order_items[1] = { ...body.order_items[1], merchant_id: "m-not-ours" };
    const answer = await pingApi("POST", `/payment_orders/${order.json!.id as string}/payments`, body);
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      errors: [
        {
          error: "merchant_not_found",
          description: expect.stringContaining("m-not-ours"),
          property: "order_items.1.merchant_id",
        },
      ],
    });
    expectDocumented(documented.errorsBody, answer.json);
  });

  it("refuses a currency outside ISO 4217 with 422 naming the currency", async () => {
    for (const currency of ["XYZ", "sek", "SEKK"]) {
      const answer = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency });
      expect(answer.status, currency).toBe(422);
      expect(answer.json).toEqual({
        errors: [{ error: "invalid_currency", description: expect.any(String), property: "currency" }],
      });
      expectDocumented(documented.errorsBody, answer.json);
    }
    const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
    const payment = await pingApi(
      "POST",
      `/payment_orders/${order.json!.id as string}/payments`,
      paymentBody({ currency: "ABC" }),
    );
    expect(payment.status).toBe(422);
    expect(payment.json!.errors).toEqual([
      expect.objectContaining({ error: "invalid_currency", property: "currency" }),
    ]);
  });

  it("splits, then settles, a payment order whose payment completed; refuses them out of order", async () => {
    const expectRefused = async (path: string, error: string) => {
      const answer = await pingApi("PUT", path);
      expect(answer.status, path).toBe(422);
      expect(answer.json).toEqual({
        errors: [{ error, description: expect.any(String), property: "payment_order_id" }],
      });
      expectDocumented(documented.errorsBody, answer.json);
    };
    const payment = await createEmulatorPayment();
    const order = `/payment_orders/${payment.paymentOrderId}`;
    // Nothing paid yet: nothing to split; not split: nothing to settle.
    await expectRefused(`${order}/split`, "payment_order_not_completed");
    await expectRefused(`${order}/settle`, "payment_order_not_split");
    await payOnPaymentIq(payment.paymentId, { number: "4111111111111111", cardholder: "Silent Settler" });
    await expectRefused(`${order}/settle`, "payment_order_not_split");
    expect((await pingApi("PUT", `${order}/split`)).status).toBe(204);
    expect((await pingApi("GET", order)).json).toMatchObject({ status: "SPLIT" });
    await expectRefused(`${order}/split`, "payment_order_already_split");
    // A split order takes no more payments.
    expect((await pingApi("POST", `${order}/payments`, paymentBody())).json!.errors).toEqual([
      expect.objectContaining({ error: "payment_order_closed" }),
    ]);
    expect((await pingApi("PUT", `${order}/settle`)).status).toBe(204);
    expect((await pingApi("GET", order)).json).toMatchObject({ status: "SETTLED" });
    await expectRefused(`${order}/settle`, "payment_order_already_settled");
    // Closing a settled order changes nothing.
    expect((await pingApi("PUT", `${order}/close`)).status).toBe(204);
    expect((await pingApi("GET", order)).json).toMatchObject({ status: "SETTLED" });
  });

  it("asks for the tenant's credentials on split and settle", async () => {
    const { paymentOrderId } = await createEmulatorPayment();
    for (const action of ["split", "settle"]) {
      const answer = await pingApi("PUT", `/payment_orders/${paymentOrderId}/${action}`, undefined, {});
      expect(answer.status).toBe(403);
      expectDocumented(documented.errorsBody, answer.json);
    }
  });
});
