// @module-tag emulator-internals
// @module-tag lesspay
import { afterEach, describe, expect, it } from "vitest";
import { findCardData } from "@/lib/testing/card-data-scan";
import { emulatorTablesText, CARD_DATA_TEST_CARDS } from "@/lib/testing/emulator-tables";
import {
  cardBody,
  cashierBody,
  LESSPAY_APP_ID,
  lesspayCall as sendToLesspay,
  lesspayUrl,
  postCashier,
  postChallenge,
  sleep,
  startLesspayCatcher,
  tokenBody,
  type Json,
} from "@/lib/testing/lesspay-fixtures";
import {
  CALLBACK_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS,
  PROCESSING_SECONDS,
  REFUND_AFTER_SECONDS,
} from "./config";
import * as documented from "./documented-shapes";

// The integration server runs the emulator clock at 0.001 (see lib/testing/integration-server.ts).
const TIME_SCALE = 0.001;
const catchers: Awaited<ReturnType<typeof startLesspayCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
});

/** Fails the test when `value` is not in the documented `shape`, naming the issues. */
function expectDocumented(
  shape: { safeParse: (value: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
  what: string,
) {
  const parsed = shape.safeParse(value);
  expect(
    parsed.success,
    `${what} is not in the documented shape: ${JSON.stringify(parsed.error)} ${JSON.stringify(value)}`,
  ).toBe(true);
}

/** Every answer of the emulator's API, checked against the shape Lesspay documents for it (issue 13). */
async function lesspayCall(...args: Parameters<typeof sendToLesspay>) {
  const answer = await sendToLesspay(...args);
  const shape =
    answer.status === 401
      ? documented.unauthorizedAnswer
      : answer.code !== 0
        ? documented.errorAnswer
        : args[0] === "create-order"
          ? documented.createOrderAnswer
          : documented.queryOrderAnswer;
  expectDocumented(shape, answer.body, `${args[0]} answer (HTTP ${answer.status})`);
  return answer;
}

/** A callback catcher whose every caught callback or risk event is checked against the documented shapes. */
async function catcher(answers?: { status: number; body: string }[]) {
  const started = await startLesspayCatcher(answers);
  catchers.push(started);
  const waitFor = started.waitFor.bind(started);
  started.waitFor = async (...args: Parameters<typeof waitFor>) => {
    const caught = await waitFor(...args);
    for (const callback of caught)
      expectDocumented(
        "event" in callback.json ? documented.riskEvent : documented.paymentCallback,
        callback.json,
        "a callback",
      );
    return caught;
  };
  return started;
}

const query = (body: Json) => lesspayCall("query-order", body);
const orderData = (answer: { data: Json }) => answer.data.order_data as Json;

describe("Lesspay emulator: authentication and validation", () => {
  it("refuses a bad signature with HTTP 401 and creates nothing", async () => {
    const body = cashierBody();
    const bad = await lesspayCall("create-order", body, { secret: "not-the-secret" });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 401, msg: expect.stringContaining("signature") });
    expect((await lesspayCall("create-order", body, { signature: null })).status).toBe(401);
    expect((await lesspayCall("create-order", body, { timestamp: null })).status).toBe(401);
    expect((await query({ request_id: body.request_id })).code).toBe(1202);
  });

  it("refuses an unknown app id with HTTP 401", async () => {
    const body = cashierBody();
    const answer = await lesspayCall("create-order", body, { appId: "lp_app_someone_else" });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe(401);
    expect((await query({ request_id: body.request_id })).code).toBe(1202);
  });

  it("answers code 11 naming the field: missing target_currency, too many decimals, a bad card", async () => {
    const body = cashierBody();
    delete body.target_currency;
    const answer = await lesspayCall("create-order", body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ code: 11, msg: "target_currency is required" });
    expect((await lesspayCall("create-order", cashierBody({ currency: "JPY", amount: "100.5" }))).body).toMatchObject({
      code: 11,
      msg: expect.stringContaining("target_amount"),
    });
    expect((await lesspayCall("create-order", cashierBody({ currency: "KWD", amount: "1.250" }))).code).toBe(0);
    expect((await lesspayCall("create-order", cardBody("4111111111111112"))).body).toMatchObject({
      code: 11,
      msg: expect.stringContaining("card_data.number"),
    });
    expect((await lesspayCall("create-order", cashierBody({ extra: { pay_access_type: "1" } }))).body).toMatchObject({
      code: 11,
      msg: expect.stringContaining("pay_access_type"),
    });
    expect((await query({ request_id: body.request_id })).code).toBe(1202);
  });

  it("refuses a currency that is not ISO 4217 with code 11, naming target_currency, and creates nothing", async () => {
    for (const currency of ["ABC", "usd", "US"]) {
      const body = cashierBody({ currency });
      expect((await lesspayCall("create-order", body)).body).toEqual({
        code: 11,
        msg: "target_currency must be an ISO 4217 code (e.g. USD)",
      });
      expect((await query({ request_id: body.request_id })).code).toBe(1202);
    }
    expect((await lesspayCall("create-order", cashierBody({ currency: "GBP", amount: "3.10" }))).code).toBe(0);
  });

  it("refuses a stale or future X-Auth-Timestamp (over 5 minutes) with HTTP 401 like a bad signature; 4 minutes old passes", async () => {
    const body = cashierBody();
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      const answer = await lesspayCall("create-order", body, { timestamp: String(Date.now() + skew) });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 401,
        msg: "signature verification failed: X-Auth-Timestamp is outside the 5 minute window",
      });
    }
    expect((await query({ request_id: body.request_id })).code).toBe(1202);
    expect((await lesspayCall("create-order", body, { timestamp: String(Date.now() - 4 * 60_000) })).code).toBe(0);
  });

  it("answers 1201 to a repeated request_id, whatever its content, and keeps one order", async () => {
    const body = cashierBody();
    const first = await lesspayCall("create-order", body);
    expect(first.code).toBe(0);
    expect((await lesspayCall("create-order", body)).body).toEqual({ code: 1201, msg: "request_id already exists" });
    expect((await lesspayCall("create-order", { ...body, target_amount: "5.00" })).code).toBe(1201);
    const found = await query({ request_id: body.request_id });
    expect(found.data).toMatchObject({ pay_order_id: first.data.pay_order_id, target_amount: "100.00" });
  });

  it("answers 1202 to a query for an unknown order", async () => {
    expect((await query({ pay_order_id: "P0000000000000000000" })).body).toEqual({
      code: 1202,
      msg: "order not found",
    });
    expect((await query({ request_id: "NO_SUCH_ORDER" })).code).toBe(1202);
  });
});

describe("Lesspay emulator: cashier", () => {
  it("answers a payurl to the cashier; the page renders; an approving card → 303 success_url and a signed SUCCEED callback", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url, amount: "12.50", currency: "EUR" });
    const created = await lesspayCall("create-order", body);
    expect(created.body).toEqual({
      code: 0,
      msg: "SUCCESS",
      data: {
        order_data: {
          payOrderId: expect.stringMatching(/^P\d{19}$/),
          payOrderDetailId: expect.stringMatching(/^PD\d{19}$/),
          payOrderDetailIdEncode: expect.stringMatching(/^[0-9a-f]{64}$/),
          mchOrderNo: body.request_id,
          payOrderDetailState: 1,
          orderState: 1,
          payData: `${lesspayUrl()}/cashier/${created.data.pay_order_id}`,
          payDataType: "payurl",
        },
        pay_order_id: expect.stringMatching(/^P\d{19}$/),
      },
    });
    const payOrderId = created.data.pay_order_id as string;
    const page = await fetch(orderData(created).payData as string);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of [
      "Card number",
      "Expiry (MM/YY)",
      "CVC",
      "Name on card",
      "Pay now",
      "Cancel",
      "Storefront order",
      "12.50",
    ])
      expect(html).toContain(text);

    expect(await postCashier(payOrderId, { number: "4111 1111 1111 1111" })).toEqual({
      status: 303,
      location: body.success_url,
    });
    const [callback] = await notify.waitFor(1);
    expect(callback.verified).toBe(true);
    expect(callback.headers["x-auth-appid"]).toBe(LESSPAY_APP_ID);
    expect(callback.headers["x-auth-timestamp"]).toMatch(/^\d{13}$/);
    expect(callback.json).toEqual({
      api_version: "V2",
      description: body.description,
      fail_url: body.fail_url,
      success_url: body.success_url,
      product_name: body.product_name,
      order_status: "SUCCEED",
      order_status_int: 2,
      pay_order_id: payOrderId,
      request_id: body.request_id,
      target_amount: "12.50",
      target_currency: "EUR",
    });
    expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({
      order_status: "SUCCEED",
      order_status_int: 2,
      request_id: body.request_id,
    });
    // A second post changes nothing.
    expect((await postCashier(payOrderId, { number: "4000000000000002" })).location).toBe(body.success_url);
  });

  it("a declined card → 303 fail_url and a FAILED callback naming the reason", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url });
    const created = await lesspayCall("create-order", body);
    const payOrderId = created.data.pay_order_id as string;
    expect(await postCashier(payOrderId, { number: "4000000000009995" })).toEqual({
      status: 303,
      location: body.fail_url,
    });
    const [callback] = await notify.waitFor(1);
    expect(callback.verified).toBe(true);
    expect(callback.json).toMatchObject({
      order_status: "FAILED",
      order_status_int: 3,
      fail_reason: "Insufficient funds",
      pay_order_id: payOrderId,
    });
    expect((await query({ request_id: body.request_id })).data).toMatchObject({
      order_status: "FAILED",
      fail_reason: "Insufficient funds",
    });
  });

  it("the payer's Cancel → 303 fail_url, 4 CANCELED in the callback and in query-order", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url });
    const payOrderId = (await lesspayCall("create-order", body)).data.pay_order_id as string;
    const cancel = await fetch(`${lesspayUrl()}/cashier/${payOrderId}/cancel`, { redirect: "manual" });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(body.fail_url);
    const [callback] = await notify.waitFor(1);
    expect(callback.verified).toBe(true);
    expect(callback.json).toMatchObject({ order_status: "CANCELED", order_status_int: 4, pay_order_id: payOrderId });
    expect(callback.json).not.toHaveProperty("fail_reason");
    expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({
      order_status: "CANCELED",
      order_status_int: 4,
    });
  });

  it.each([
    ["Confirm Payer", 0, "PENDING_CONFIRM", "success_url"],
    ["Closed Payer", 6, "CLOSED", "fail_url"],
    ["Amountdiff Payer", 12, "PAID", "success_url"],
  ] as const)(
    "the name on card %s scripts %i %s: its callback, query-order, 303 to %s",
    async (name, statusInt, status, target) => {
      const notify = await catcher();
      const body = cashierBody({ notifyUrl: notify.url, amount: "12.50" });
      const payOrderId = (await lesspayCall("create-order", body)).data.pay_order_id as string;
      expect(await postCashier(payOrderId, { number: "4111 1111 1111 1111", name })).toEqual({
        status: 303,
        location: body[target],
      });
      const [callback] = await notify.waitFor(1);
      expect(callback.verified).toBe(true);
      expect(callback.json).toMatchObject({
        order_status: status,
        order_status_int: statusInt,
        pay_order_id: payOrderId,
        target_amount: "12.50",
      });
      expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({
        order_status: status,
        order_status_int: statusInt,
      });
    },
  );

  it("the name on card Refund Payer scripts 2 SUCCEED, then 5 REFUND: both callbacks, query-order 5", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url });
    const payOrderId = (await lesspayCall("create-order", body)).data.pay_order_id as string;
    expect(await postCashier(payOrderId, { number: "4111 1111 1111 1111", name: "Refund Payer" })).toEqual({
      status: 303,
      location: body.success_url,
    });
    const [paid, refunded] = await notify.waitFor(2);
    expect(paid.json).toMatchObject({ order_status: "SUCCEED", order_status_int: 2, pay_order_id: payOrderId });
    expect(refunded.json).toMatchObject({
      order_status: "REFUND",
      order_status_int: 5,
      pay_order_id: payOrderId,
      target_amount: "100.00",
    });
    expect(refunded.at - paid.at).toBeGreaterThanOrEqual(REFUND_AFTER_SECONDS * 1000 * TIME_SCALE - 5);
    expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({
      order_status: "REFUND",
      order_status_int: 5,
    });
  });

  it("a challenge card → the 3DS page → 123456 → success_url; a bad card number goes back to the form", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url });
    const payOrderId = (await lesspayCall("create-order", body)).data.pay_order_id as string;
    const invalid = await postCashier(payOrderId, { number: "1234" });
    expect(invalid.status).toBe(303);
    expect(invalid.location).toContain(`/emulators/lesspay/cashier/${payOrderId}?error=`);
    const step = await postCashier(payOrderId, { number: "4000000000003220" });
    expect(step).toEqual({ status: 303, location: `${lesspayUrl()}/3ds/${payOrderId}` });
    expect(await postChallenge(payOrderId, "123456")).toEqual({ status: 303, location: body.success_url });
    expect((await notify.waitFor(1))[0].json).toMatchObject({ order_status: "SUCCEED" });
  });
});

describe("Lesspay emulator: OpenAPI", () => {
  it("frictionless: no payData, processing, then SUCCEED and its callback", async () => {
    const notify = await catcher();
    const body = cardBody("5555555555554444", { notifyUrl: notify.url });
    const created = await lesspayCall("create-order", body);
    expect(created.code).toBe(0);
    const data = orderData(created);
    expect(data.payDataType).toBeUndefined();
    expect(data.payData).toBeUndefined();
    expect(data).toMatchObject({ orderState: 1, mchOrderNo: body.request_id });
    const [callback] = await notify.waitFor(1);
    expect(callback.at).toBeGreaterThanOrEqual(Date.now() - 10_000);
    expect(callback.verified).toBe(true);
    expect(callback.json).toMatchObject({
      order_status: "SUCCEED",
      order_status_int: 2,
      pay_order_id: created.data.pay_order_id,
    });
    expect(PROCESSING_SECONDS).toBe(2);
  });

  it("challenge: payurl to the 3DS page (renders), 123456 → success_url and callback; a wrong code → FAILED", async () => {
    const notify = await catcher();
    const body = cardBody("4000000000003220", { notifyUrl: notify.url });
    const created = await lesspayCall("create-order", body);
    const payOrderId = created.data.pay_order_id as string;
    expect(orderData(created)).toMatchObject({ payDataType: "payurl", payData: `${lesspayUrl()}/3ds/${payOrderId}` });
    const html = await (await fetch(orderData(created).payData as string)).text();
    for (const text of ["One-time code", "Confirm", "400000******3220"]) expect(html).toContain(text);
    await sleep(50);
    expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({
      order_status: "PENDING_PAY",
      order_status_int: 1,
    });
    expect(await postChallenge(payOrderId, "123456")).toEqual({ status: 303, location: body.success_url });
    const [callback] = await notify.waitFor(1);
    expect(callback.json).toMatchObject({ order_status: "SUCCEED", pay_order_id: payOrderId });
    expect(callback.verified).toBe(true);

    const failing = cardBody("4000000000003220", { notifyUrl: notify.url });
    const second = (await lesspayCall("create-order", failing)).data.pay_order_id as string;
    expect(await postChallenge(second, "999999")).toEqual({ status: 303, location: failing.fail_url });
    const [, failed] = await notify.waitFor(2);
    expect(failed.json).toMatchObject({
      order_status: "FAILED",
      order_status_int: 3,
      pay_order_id: second,
      fail_reason: expect.any(String),
    });
    expect((await query({ pay_order_id: second })).data).toMatchObject({ order_status: "FAILED" });
  });

  it("declines: no payData, then a FAILED callback with the reason", async () => {
    const notify = await catcher();
    const created = await lesspayCall("create-order", cardBody("4000000000000002", { notifyUrl: notify.url }));
    expect(orderData(created).payDataType).toBeUndefined();
    const [callback] = await notify.waitFor(1);
    expect(callback.json).toMatchObject({
      order_status: "FAILED",
      order_status_int: 3,
      fail_reason: "Do not honor",
      msg: "Do not honor",
    });
  });

  it("store_for_future_use: card_token in the callback, then a token payment succeeds; an unknown token is code 11", async () => {
    const notify = await catcher();
    const first = await lesspayCall(
      "create-order",
      cardBody("4111111111111111", { notifyUrl: notify.url, store: true }),
    );
    const [callback] = await notify.waitFor(1);
    const biz = callback.json.channel_biz_data as Json;
    expect(biz).toEqual({
      card_token: expect.stringMatching(/^src_[a-z0-9]{26}$/),
      issuer: "LESSPAY EMULATOR BANK",
      issuer_country: "GB",
    });
    expect(callback.verified).toBe(true);
    expect((await query({ pay_order_id: first.data.pay_order_id })).data.channel_biz_data).toEqual(biz);

    const second = await lesspayCall(
      "create-order",
      tokenBody(biz.card_token as string, { notifyUrl: notify.url, amount: "7.00" }),
    );
    expect(second.code).toBe(0);
    expect(orderData(second).payDataType).toBeUndefined();
    const [, paid] = await notify.waitFor(2);
    expect(paid.json).toMatchObject({
      order_status: "SUCCEED",
      pay_order_id: second.data.pay_order_id,
      target_amount: "7.00",
    });

    expect((await lesspayCall("create-order", tokenBody("src_nosuchtoken000000000000000"))).body).toEqual({
      code: 11,
      msg: "token_data.token is not valid",
    });
  });

  it("a top-level store_for_future_use on the cashier is not documented: no token; the page's Save box makes one", async () => {
    const notify = await catcher();
    const ignored = (
      await lesspayCall("create-order", cashierBody({ notifyUrl: notify.url, extra: { store_for_future_use: true } }))
    ).data.pay_order_id as string;
    await postCashier(ignored, { number: "5555555555554444" });
    const [callback] = await notify.waitFor(1);
    expect(callback.json).toMatchObject({ order_status: "SUCCEED", pay_order_id: ignored });
    expect(callback.json).not.toHaveProperty("channel_biz_data");

    const saved = (await lesspayCall("create-order", cashierBody({ notifyUrl: notify.url }))).data
      .pay_order_id as string;
    await postCashier(saved, { number: "5555555555554444", save: true });
    const [, withToken] = await notify.waitFor(2);
    expect(withToken.json.channel_biz_data).toEqual({
      card_token: expect.stringMatching(/^src_/),
      issuer: "LESSPAY EMULATOR BANK",
      issuer_country: "GB",
    });
  });

  it('card_data.holder_name is not documented: it has no effect (a "silent" name still gets its callback)', async () => {
    const notify = await catcher();
    const created = await lesspayCall(
      "create-order",
      cardBody("4111111111111111", { notifyUrl: notify.url, holderName: "Silent Payer" }),
    );
    const [callback] = await notify.waitFor(1);
    expect(callback.json).toMatchObject({ order_status: "SUCCEED", pay_order_id: created.data.pay_order_id });
  });

  it("leaves 4000 0000 0000 0119 processing, then SUCCEED", async () => {
    const notify = await catcher();
    const sent = Date.now();
    const created = await lesspayCall("create-order", cardBody("4000000000000119", { notifyUrl: notify.url }));
    await sleep(PROCESSING_SECONDS * 1000 * TIME_SCALE + 30);
    const early = await query({ pay_order_id: created.data.pay_order_id });
    // Answered before the settlement was due (it is due that long after the order was made): still processing.
    if (Date.now() - sent < PENDING_SETTLES_AFTER_SECONDS * 1000 * TIME_SCALE)
      expect(early.data).toMatchObject({ order_status_int: 1 });
    await sleep(PENDING_SETTLES_AFTER_SECONDS * 1000 * TIME_SCALE + 100);
    expect((await query({ pay_order_id: created.data.pay_order_id })).data).toMatchObject({ order_status: "SUCCEED" });
    expect((await notify.waitFor(1))[0].json).toMatchObject({ order_status: "SUCCEED" });
  });
});

describe("Lesspay emulator: callbacks and risk events", () => {
  it("retries a callback answered OK or 500 and stops once answered SUCCESS", async () => {
    const notify = await catcher([
      { status: 200, body: "OK" },
      { status: 500, body: "SUCCESS" },
      { status: 200, body: "SUCCESS" },
    ]);
    await lesspayCall("create-order", cardBody("4111111111111111", { notifyUrl: notify.url }));
    const requests = await notify.waitFor(3, 15_000);
    const [first, second, third] = requests.map((r) => r.at);
    expect(second - first).toBeGreaterThanOrEqual(CALLBACK_RETRY_SECONDS[0] * 1000 * TIME_SCALE - 5);
    expect(third - second).toBeGreaterThanOrEqual(CALLBACK_RETRY_SECONDS[1] * 1000 * TIME_SCALE - 5);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const request of requests) expect(request.verified).toBe(true);
    await sleep((CALLBACK_RETRY_SECONDS[2] + CALLBACK_RETRY_SECONDS[3]) * 1000 * TIME_SCALE + 1000);
    expect(notify.requests).toHaveLength(3);
  });

  it("silent: no callback, but query-order says SUCCEED", async () => {
    const notify = await catcher();
    const created = await lesspayCall("create-order", cashierBody({ notifyUrl: notify.url }));
    await postCashier(created.data.pay_order_id as string, { number: "4111111111111111", name: "Silent Payer" });
    await sleep(800);
    expect((await query({ pay_order_id: created.data.pay_order_id })).data).toMatchObject({
      order_status: "SUCCEED",
      order_status_int: 2,
    });
    expect(notify.requests).toHaveLength(0);
  });

  it("twice: the same callback delivered twice", async () => {
    const notify = await catcher();
    const created = await lesspayCall("create-order", cashierBody({ notifyUrl: notify.url }));
    await postCashier(created.data.pay_order_id as string, { number: "4111111111111111", name: "Twice Payer" });
    const delivered = await notify.waitFor(2);
    expect(delivered[0].body).toBe(delivered[1].body);
  });

  it("dispute: a dispute_received risk event after the payment's callback; the QA hook sends one on demand", async () => {
    const notify = await catcher();
    const body = cashierBody({ notifyUrl: notify.url });
    const created = await lesspayCall("create-order", body);
    const payOrderId = created.data.pay_order_id as string;
    await postCashier(payOrderId, { number: "4111111111111111", name: "Dispute Payer" });
    const [payment, risk] = await notify.waitFor(2);
    expect(payment.json).toMatchObject({ order_status: "SUCCEED", pay_order_id: payOrderId });
    expect(risk.json).toEqual({
      event: "dispute_received",
      pay_order_id: payOrderId,
      request_id: body.request_id,
      target_amount: "100.00",
      target_currency: "USD",
      reason: "fraudulent",
    });
    expect(risk.verified).toBe(true);
    expect(risk.at).toBeGreaterThanOrEqual(payment.at);
    // The order is still SUCCEED.
    expect((await query({ pay_order_id: payOrderId })).data).toMatchObject({ order_status: "SUCCEED" });

    const hook = await fetch(`${lesspayUrl()}/orders/${payOrderId}/risk-event`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event: "payment_declined" }),
    });
    expect(hook.status).toBe(202);
    const [, , onDemand] = await notify.waitFor(3);
    expect(onDemand.json).toMatchObject({ event: "payment_declined", pay_order_id: payOrderId });
    expect(onDemand.verified).toBe(true);
    const unknown = await fetch(`${lesspayUrl()}/orders/P0000000000000000000/risk-event`, {
      method: "POST",
      body: new URLSearchParams({ event: "dispute_received" }),
    });
    expect(unknown.status).toBe(404);
  });
});

describe("Lesspay emulator: /emulators", () => {
  it("documents Lesspay: outcomes, tokens, callbacks, the unpublished retry schedule and the guesses", async () => {
    const html = await (await fetch(`${lesspayUrl().replace("/lesspay", "")}`)).text();
    for (const text of [
      "Lesspay 2.0",
      "lesspay-outcomes",
      "store_for_future_use",
      "dispute_received",
      "does not publish its retry schedule",
      "lesspay-status-scripts",
      "amountdiff",
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe("Lesspay emulator: card data", () => {
  it("keeps no full card number or CVV in any emulator table", async () => {
    await lesspayCall("create-order", cardBody("4111111111111111", { store: true, cvv: "987" }));
    await lesspayCall("create-order", cardBody("4000000000003220", { cvv: "4321" }));
    await lesspayCall("create-order", cardBody("4000000000000002"));
    const cashier = (await lesspayCall("create-order", cashierBody())).data.pay_order_id as string;
    await postCashier(cashier, { number: "5555555555554444", cvc: "765" });
    await sleep(100);
    const { tables, text } = emulatorTablesText();
    expect(tables).toEqual(expect.arrayContaining(["lesspay_orders", "lesspay_card_tokens", "outbox"]));
    expect(findCardData(text, CARD_DATA_TEST_CARDS)).toEqual([]);
    for (const cvv of ["987", "4321", "765"])
      expect(text).not.toMatch(new RegExp(`"(cvv|cvc)[^"]*"\\s*:\\s*"?${cvv}`, "i"));
    expect(text).toContain("411111******1111");
  });
});
