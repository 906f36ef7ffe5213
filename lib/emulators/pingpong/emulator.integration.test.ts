// @module-tag emulator-internals
// @module-tag pingpong
import Database from "better-sqlite3";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  apmBiz,
  cardBiz,
  envelope,
  parseNotification,
  payByApm,
  payByCard,
  pingpongApi,
  pingpongUrl,
  PINGPONG_MERCHANT,
  postForm,
  riskInit,
  sleep,
  startCallbackCatcher,
} from "@/lib/testing/pingpong-fixtures";
import type { ZodType } from "zod";
import { NOTIFICATION_RETRY_SECONDS, QR_LIFETIME_SECONDS } from "./config";
import { documentedError, documentedPaymentNotification, documentedTransactionAnswer } from "./documented-shapes";

/** The emulator answers and notifies only in the shapes PingPong documents (documented-shapes.ts). */
function expectDocumented(schema: ZodType, body: unknown) {
  const parsed = schema.safeParse(typeof body === "string" ? JSON.parse(body) : body);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
}

// The integration server runs the emulator clock at 0.001 (see lib/testing/integration-server.ts).
const TIME_SCALE = 0.001;
const catchers: Awaited<ReturnType<typeof startCallbackCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
});

async function catcher(statuses: number[] = [200]) {
  const started = await startCallbackCatcher(statuses);
  catchers.push(started);
  return started;
}

async function query(biz: Record<string, unknown>) {
  return pingpongApi("/v4/transaction/query", envelope(biz));
}

describe("PingPongCheckout emulator: envelope, signature and validation", () => {
  it("refuses a wrong sign with 100002 and creates no transaction", async () => {
    const merchantTransactionId = `order-bad-sign-${Date.now()}`;
    const init = await riskInit("req-bad-sign");
    const biz = cardBiz(
      "4111111111111111",
      { requestId: "req-bad-sign", merchantTransactionId },
      init.json.jsGeneratedData!,
    );
    const body = { ...envelope(biz), sign: "0".repeat(64) };
    const answer = await pingpongApi("/v4/payment/unifiedPay", body);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: "100002", accId: PINGPONG_MERCHANT.accId });
    expect(answer.body.bizContent).toBeUndefined();
    expect(answer.verified).toBe(true);
    expectDocumented(documentedError, answer.body);
    // Signed with another salt: also refused.
    expect((await pingpongApi("/v4/payment/unifiedPay", envelope(biz, {}, "other-salt"))).body.code).toBe("100002");
    expect((await query({ merchantTransactionId })).body.code).toBe("100005");
  });

  it("answers 100003 without a sign for an unknown accId, and 100001 for a body that is not an envelope", async () => {
    const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(apmBiz("Alipay"), { accId: "9999" }));
    expect(answer.body.code).toBe("100003");
    expect(answer.body.sign).toBeUndefined();
    expect((await pingpongApi("/v4/payment/unifiedPay", "not json")).body.code).toBe("100001");
    expect((await pingpongApi("/v4/payment/unifiedPay", "[1,2]")).body.code).toBe("100001");
  });

  it("answers 100001 naming a missing currency", async () => {
    const biz = apmBiz("AlipayHK");
    delete biz.currency;
    const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(biz));
    expect(answer.body).toMatchObject({ code: "100001", description: "bizContent.currency is required" });
    expect(answer.verified).toBe(true);
  });

  it("refuses too many decimals, an unknown method type and a bad card field with 100001", async () => {
    const jpy = await pingpongApi(
      "/v4/payment/unifiedPay",
      envelope(apmBiz("Alipay", { currency: "JPY", amount: "100.5" })),
    );
    expect(jpy.body).toMatchObject({ code: "100001", description: expect.stringContaining("bizContent.amount") });
    const unknown = await pingpongApi(
      "/v4/payment/unifiedPay",
      envelope(apmBiz("Alipay", { extra: { paymentMethod: { type: "Bitcoin" } } })),
    );
    expect(unknown.body).toMatchObject({ code: "100001", description: expect.stringContaining("paymentMethod.type") });
    const init = await riskInit("req-bad-card");
    const badCvv = cardBiz("4111111111111111", { requestId: "req-bad-card", cvv: "12" }, init.json.jsGeneratedData!);
    const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(badCvv));
    expect(answer.body).toMatchObject({ code: "100001", description: expect.stringContaining("cardInfo.cvv") });
    const badLuhn = cardBiz("4111111111111112", { requestId: "req-bad-card" }, init.json.jsGeneratedData!);
    expect((await pingpongApi("/v4/payment/unifiedPay", envelope(badLuhn))).body.description).toContain(
      "cardInfo.number",
    );
  });

  it("refuses < or > anywhere in the body with 100004", async () => {
    const biz = apmBiz("Alipay", { extra: { goods: [{ name: "<script>alert(1)</script>" }] } });
    const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(biz));
    expect(answer.body.code).toBe("100004");
    expect((await query({ merchantTransactionId: biz.merchantTransactionId })).body.code).toBe("100005");
  });

  it("accepts bizContent sent as an object (signed as its JSON.stringify) and an MD5 sign", async () => {
    const biz = apmBiz("Alipay");
    const asObject = envelope(biz);
    asObject.bizContent = biz;
    const answer = await pingpongApi("/v4/payment/unifiedPay", asObject);
    expect(answer.body.code).toBe("000000");
    const md5 = await pingpongApi("/v4/payment/unifiedPay", envelope(apmBiz("Alipay"), { signType: "MD5" }));
    expect(md5.body.code).toBe("000000");
  });

  it("answers 302001 for a card without valid jsGeneratedData, creating nothing", async () => {
    const none = cardBiz("4111111111111111", {}, null);
    expect((await pingpongApi("/v4/payment/unifiedPay", envelope(none))).body).toMatchObject({
      code: "302001",
      description: "jsGeneratedData is missing or invalid",
    });
    // Issued for another requestId: refused too.
    const init = await riskInit("req-other");
    const other = cardBiz("4111111111111111", { requestId: "req-mine" }, init.json.jsGeneratedData!);
    expect((await pingpongApi("/v4/payment/unifiedPay", envelope(other))).body.code).toBe("302001");
    expect((await query({ merchantTransactionId: other.merchantTransactionId })).body.code).toBe("100005");
    // The risk init itself refuses an unknown accId and a full card number.
    expect((await riskInit("req-x", "4111111111111111", "9999")).status).toBe(400);
    const full = await fetch(`${pingpongUrl()}/risk/v1/init`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ accId: PINGPONG_MERCHANT.accId, requestId: "req-x", cardBin: "4111111111111111" }),
    });
    expect(full.status).toBe(400);
  });

  it("accepts a card with only the documented jsGeneratedData (fingerPrint, forterSiteId, forterTokenCookie), without our threeDInitTransId", async () => {
    const documented = { fingerPrint: "fp-1", forterSiteId: "site-1", forterTokenCookie: "cookie-1" };
    const biz = cardBiz("4111111111111111", {}, documented);
    const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(biz));
    expect(answer.body.code).toBe("000000");
    expect(answer.biz).toMatchObject({ status: "SUCCESS", merchantTransactionId: biz.merchantTransactionId });
    expectDocumented(documentedTransactionAnswer, answer.body);
    // A documented field missing is still refused.
    const partial = cardBiz("4111111111111111", {}, { fingerPrint: "fp-1", forterSiteId: "site-1" });
    expect((await pingpongApi("/v4/payment/unifiedPay", envelope(partial))).body.code).toBe("302001");
  });

  it("is idempotent on requestId: the same order's repeat answers its transaction; another order with a used requestId is refused (100006)", async () => {
    const first = await payByApm("Alipay");
    expect(first.answer.body.code).toBe("000000");
    const repeat = await pingpongApi("/v4/payment/unifiedPay", envelope({ ...first.biz, amount: "1.00" }));
    expect(repeat.biz).toEqual(first.answer.biz);
    const other = apmBiz("Alipay", { requestId: first.biz.requestId as string });
    const refused = await pingpongApi("/v4/payment/unifiedPay", envelope(other));
    expect(refused.body).toMatchObject({ code: "100006", description: "requestId already used for another request" });
    expectDocumented(documentedError, refused.body);
    expect((await query({ merchantTransactionId: other.merchantTransactionId })).body.code).toBe("100005");
  });

  it("checks the currency against ISO 4217 and the amount against its decimals (100001)", async () => {
    for (const [currency, amount, expected] of [
      ["XYZ", "10.00", "bizContent.currency is not an ISO 4217 currency code"],
      ["usd", "10.00", "bizContent.currency is not an ISO 4217 currency code"],
      ["KRW", "100.5", "bizContent.amount has more decimals than KRW allows (0)"],
      ["OMR", "1.2345", "bizContent.amount has more decimals than OMR allows (3)"],
    ] as const) {
      const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(apmBiz("Alipay", { currency, amount })));
      expect(answer.body, `${currency} ${amount}`).toMatchObject({ code: "100001", description: expected });
    }
    const omr = await pingpongApi(
      "/v4/payment/unifiedPay",
      envelope(apmBiz("Alipay", { currency: "OMR", amount: "1.234" })),
    );
    expect(omr.biz).toMatchObject({ amount: "1.234000", currency: "OMR" });
    // Any ISO 4217 currency in use, not only those the shop sells.
    const zar = await pingpongApi(
      "/v4/payment/unifiedPay",
      envelope(apmBiz("Alipay", { currency: "ZAR", amount: "10.50" })),
    );
    expect(zar.biz).toMatchObject({ amount: "10.500000", currency: "ZAR" });
  });

  it("refuses a notificationUrl or closeNotificationUrl with query parameters (100001, documented)", async () => {
    for (const [type, field, url] of [
      ["Alipay", "notificationUrl", "http://127.0.0.1:9/notify?order=1"],
      ["AlipayHK", "closeNotificationUrl", "http://127.0.0.1:9/close?x"],
    ] as const) {
      const answer = await pingpongApi("/v4/payment/unifiedPay", envelope(apmBiz(type, { [field]: url })));
      expect(answer.body, field).toMatchObject({
        code: "100001",
        description: `bizContent.${field} must not carry query parameters`,
      });
    }
  });

  it("serves the risk-control plugin as JavaScript", async () => {
    const response = await fetch(`${pingpongUrl()}/static/risk-control/acquirerRiskControl.min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/javascript");
    const script = await response.text();
    for (const name of [
      "PingPongRiskControl",
      "complexInit",
      "complexTrigger",
      "getGeneratedData",
      "installLight_S2S",
      "/emulators/pingpong/risk/v1/init",
    ]) {
      expect(script).toContain(name);
    }
  });
});

describe("PingPongCheckout emulator: cards", () => {
  it("approves a card: SUCCESS, a signed answer that verifies, and a signed SUCCESS notification", async () => {
    const notify = await catcher();
    const { biz, answer } = await payByCard("4111111111111111", { notificationUrl: notify.url, amount: 100 });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      accId: PINGPONG_MERCHANT.accId,
      clientId: PINGPONG_MERCHANT.clientId,
      code: "000000",
      signType: "SHA256",
    });
    expect(answer.verified).toBe(true);
    expect(answer.biz).toEqual({
      requestId: biz.requestId,
      merchantTransactionId: biz.merchantTransactionId,
      transactionId: expect.stringMatching(/^\d{20}$/),
      amount: "100.000000",
      currency: "USD",
      status: "SUCCESS",
      paymentMethod: { type: "scheme" },
      captureDelayHours: 0,
      threeDContinue: "false",
      threeDUnionParams: { threeDContinue: "false" },
    });
    expectDocumented(documentedTransactionAnswer, answer.body);
    const [delivered] = await notify.waitFor(1);
    expectDocumented(documentedPaymentNotification, delivered.body);
    const notification = parseNotification(delivered.body);
    expect(notification.verified).toBe(true);
    expect(notification.envelope).toMatchObject({
      accId: PINGPONG_MERCHANT.accId,
      version: "1.0",
      signType: "SHA256",
      code: "000000",
    });
    expect(notification.biz).toMatchObject({
      notifyType: "PAYMENT",
      merchantTransactionId: biz.merchantTransactionId,
      transactionId: answer.biz!.transactionId,
      amount: "100.000000",
      status: "SUCCESS",
      paymentMethod: { type: "scheme" },
    });
    const queried = await query({ transactionId: answer.biz!.transactionId });
    expect(queried.verified).toBe(true);
    expect(queried.biz).toMatchObject({ status: "SUCCESS", refundedAmount: "0.000000" });
    expectDocumented(documentedTransactionAnswer, queried.body);
  });

  it("answers a repeated merchantTransactionId with the same transaction and notifies once", async () => {
    const notify = await catcher();
    const first = await payByCard("5555555555554444", { notificationUrl: notify.url });
    const again = await pingpongApi("/v4/payment/unifiedPay", envelope(first.biz));
    expect(again.body.code).toBe("000000");
    expect(again.biz).toEqual(first.answer.biz);
    await notify.waitFor(1);
    await sleep(500);
    expect(notify.requests).toHaveLength(1);
  });

  it("declines with 301003 (insufficient funds): FAILED, notified, and repeated with the same code", async () => {
    const notify = await catcher();
    const { biz, answer } = await payByCard("4000000000009995", { notificationUrl: notify.url });
    expect(answer.body).toMatchObject({ code: "301003", description: "Insufficient funds" });
    expect(answer.biz).toMatchObject({ status: "FAILED" });
    expectDocumented(documentedTransactionAnswer, answer.body);
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body)).toMatchObject({
      verified: true,
      envelope: { code: "301003" },
      biz: { status: "FAILED" },
    });
    const again = await pingpongApi("/v4/payment/unifiedPay", envelope(biz));
    expect(again.body.code).toBe("301003");
    expect(again.biz!.transactionId).toBe(answer.biz!.transactionId);
  });

  it("challenges 4000 0000 0000 3220: PROCESSING with the plugin's blob (no challengeUrl), and 123456 passes", async () => {
    const notify = await catcher();
    const { answer } = await payByCard("4000000000003220", { notificationUrl: notify.url });
    const transactionId = answer.biz!.transactionId as string;
    expect(answer.body.code).toBe("000000");
    expect(answer.biz).toMatchObject({ status: "PROCESSING", threeDContinue: "true" });
    // The plugin's blob: no challengeUrl (nothing inside threeDUnionParams is documented; the emulator's plugin finds its page).
    // With browserInfo.language (the fixture's "en-US"): the plugin opens the page in it.
    expect(answer.biz!.threeDUnionParams).toEqual({ threeDContinue: "true", transactionId, language: "en-US" });
    expectDocumented(documentedTransactionAnswer, answer.body);
    const page = await fetch(`${pingpongUrl()}/3ds/${transactionId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("One-time code");
    expect(html).toContain("Confirm");
    await sleep(200);
    expect(notify.requests).toHaveLength(0);
    expect(await postForm(`/3ds/${transactionId}/submit`, { code: "123456" })).toEqual({
      status: 303,
      location: "http://localhost:9/result",
    });
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body).biz).toMatchObject({
      notifyType: "PAYMENT",
      transactionId,
      status: "SUCCESS",
    });
    // A second post changes nothing.
    await postForm(`/3ds/${transactionId}/submit`, { code: "000000" });
    expect((await query({ transactionId })).biz).toMatchObject({ status: "SUCCESS", threeDContinue: "false" });
  });

  it("fails the challenge with a wrong code: FAILED 301005", async () => {
    const notify = await catcher();
    const { answer } = await payByCard("4000000000003220", { notificationUrl: notify.url });
    const transactionId = answer.biz!.transactionId as string;
    expect((await postForm(`/3ds/${transactionId}/submit`, { code: "999999" })).location).toBe(
      "http://localhost:9/result",
    );
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body)).toMatchObject({
      envelope: { code: "301005" },
      biz: { status: "FAILED" },
    });
    expect((await query({ transactionId })).body).toMatchObject({ code: "301005" });
  });

  it("leaves 4000 0000 0000 0119 PROCESSING, then settles it and notifies SUCCESS", async () => {
    const notify = await catcher();
    const { answer } = await payByCard("4000000000000119", { notificationUrl: notify.url });
    expect(answer.biz).toMatchObject({ status: "PROCESSING", threeDContinue: "false" });
    const [delivered] = await notify.waitFor(1, 10_000);
    expect(parseNotification(delivered.body).biz).toMatchObject({ status: "SUCCESS" });
  });

  it("retries a notification answered with 500 and stops after a 2xx", async () => {
    const notify = await catcher([500, 500, 200]);
    const { answer } = await payByCard("4111111111111111", { notificationUrl: notify.url });
    const requests = await notify.waitFor(3, 15_000);
    const [first, second, third] = requests.map((r) => r.at);
    expect(second - first).toBeGreaterThanOrEqual(NOTIFICATION_RETRY_SECONDS[0] * 1000 * TIME_SCALE);
    expect(third - second).toBeGreaterThanOrEqual(NOTIFICATION_RETRY_SECONDS[1] * 1000 * TIME_SCALE);
    for (const request of requests)
      expect(parseNotification(request.body).biz).toMatchObject({ transactionId: answer.biz!.transactionId });
    await sleep(NOTIFICATION_RETRY_SECONDS[2] * 1000 * TIME_SCALE * 3 + 1000);
    expect(notify.requests).toHaveLength(3);
  });

  it("sends a 'twice' cardholder's notification twice and a 'silent' one's never", async () => {
    const twice = await catcher();
    const silent = await catcher();
    await payByCard("4111111111111111", { notificationUrl: twice.url, holder: "Pay Twice" });
    await payByCard("4111111111111111", { notificationUrl: silent.url, holder: "Silent Sam" });
    const delivered = await twice.waitFor(2);
    expect(delivered[0].body).toBe(delivered[1].body);
    await sleep(500);
    expect(silent.requests).toHaveLength(0);
  });
});

describe("PingPongCheckout emulator: APMs", () => {
  it("answers a QR APM with the scan URL; approving on it notifies SUCCESS", async () => {
    const notify = await catcher();
    const asked = Date.now();
    const { answer } = await payByApm("AlipayHK", { notificationUrl: notify.url });
    const answered = Date.now();
    const transactionId = answer.biz!.transactionId as string;
    expect(answer.body.code).toBe("000000");
    expect(answer.biz).toMatchObject({
      status: "PROCESSING",
      paymentMethod: { type: "AlipayHK" },
      amount: "88.500000",
      currency: "HKD",
    });
    expect(answer.biz!.paymentQrCode).toBe(`${pingpongUrl()}/apm/${transactionId}/scan`);
    // The payer's full 15 minutes on the wall clock, whatever the time scale (config.ts).
    const expires = Number(answer.biz!.qrCodeExpireTime);
    expect(expires).toBeGreaterThanOrEqual(asked + QR_LIFETIME_SECONDS * 1000);
    expect(expires).toBeLessThanOrEqual(answered + QR_LIFETIME_SECONDS * 1000);
    expectDocumented(documentedTransactionAnswer, answer.body);
    expect(await postForm(`/apm/${transactionId}/approve`)).toEqual({
      status: 303,
      location: `${pingpongUrl()}/apm/${transactionId}/scan`,
    });
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body).biz).toMatchObject({
      notifyType: "PAYMENT",
      transactionId,
      status: "SUCCESS",
      paymentMethod: { type: "AlipayHK" },
    });
    const page = await (await fetch(`${pingpongUrl()}/apm/${transactionId}/scan`)).text();
    expect(page).toContain("go back to the shop");
  });

  it("expires a QR code: CLOSED, notified to notificationUrl and closeNotificationUrl", async () => {
    const notify = await catcher();
    const close = await catcher();
    const { answer } = await payByApm("WeChatPay", {
      notificationUrl: notify.url,
      closeNotificationUrl: close.url,
      currency: "CNY",
    });
    const transactionId = answer.biz!.transactionId as string;
    expect((await postForm(`/apm/${transactionId}/expire`)).status).toBe(303);
    const [toNotify] = await notify.waitFor(1);
    const [toClose] = await close.waitFor(1);
    for (const delivered of [toNotify, toClose]) {
      expectDocumented(documentedPaymentNotification, delivered.body);
      expect(parseNotification(delivered.body)).toMatchObject({
        verified: true,
        biz: { notifyType: "CLOSE", transactionId, status: "CLOSED" },
      });
    }
    expect((await query({ transactionId })).biz).toMatchObject({ status: "CLOSED" });
    // The scan page says so and cannot approve any more.
    expect(await (await fetch(`${pingpongUrl()}/apm/${transactionId}/scan`)).text()).toContain("expired");
    await postForm(`/apm/${transactionId}/approve`);
    expect((await query({ transactionId })).biz).toMatchObject({ status: "CLOSED" });
    await sleep(300);
    expect(notify.requests).toHaveLength(1);
  });

  it("answers the redirect APM with paymentRedirectUrl; approve sends the browser to payResultUrl", async () => {
    const notify = await catcher();
    const { answer } = await payByApm("Alipay", { notificationUrl: notify.url, currency: "EUR", amount: 12.5 });
    const transactionId = answer.biz!.transactionId as string;
    expect(answer.biz!.paymentRedirectUrl).toBe(`${pingpongUrl()}/apm/${transactionId}/pay`);
    expect(answer.biz!.paymentQrCode).toBeUndefined();
    expectDocumented(documentedTransactionAnswer, answer.body);
    const page = await (await fetch(answer.biz!.paymentRedirectUrl as string)).text();
    expect(page).toContain("Approve payment");
    expect(page).toContain("Cancel payment");
    expect(await postForm(`/apm/${transactionId}/approve`)).toEqual({
      status: 303,
      location: "http://localhost:9/result",
    });
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body).biz).toMatchObject({ status: "SUCCESS", amount: "12.500000" });
  });

  it("cancels on the wallet: FAILED 301006", async () => {
    const notify = await catcher();
    const { answer } = await payByApm("Alipay", { notificationUrl: notify.url });
    const transactionId = answer.biz!.transactionId as string;
    expect((await postForm(`/apm/${transactionId}/cancel`)).status).toBe(303);
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body)).toMatchObject({
      envelope: { code: "301006" },
      biz: { status: "FAILED" },
    });
  });
});

describe("PingPongCheckout emulator: refund and void", () => {
  it("refunds in full once (idempotent by requestId) and refuses an over-refund with 303001", async () => {
    const notify = await catcher();
    const { answer } = await payByCard("4111111111111111", {
      notificationUrl: notify.url,
      amount: "40.00",
      currency: "EUR",
    });
    const transactionId = answer.biz!.transactionId as string;
    await notify.waitFor(1);
    const refundBiz = {
      requestId: `refund-${Date.now()}`,
      transactionId,
      amount: "40.00",
      currency: "EUR",
      refundReason: "customer request",
    };
    const refund = await pingpongApi("/v4/payment/refund", envelope(refundBiz));
    expect(refund.verified).toBe(true);
    expect(refund.body.code).toBe("000000");
    expect(refund.biz).toEqual({
      requestId: refundBiz.requestId,
      refundId: expect.any(String),
      transactionId,
      amount: "40.000000",
      currency: "EUR",
      status: "SUCCESS",
    });
    const again = await pingpongApi("/v4/payment/refund", envelope(refundBiz));
    expect(again.biz).toEqual(refund.biz);
    const over = await pingpongApi(
      "/v4/payment/refund",
      envelope({ ...refundBiz, requestId: `${refundBiz.requestId}-2`, amount: "0.01" }),
    );
    expect(over.body.code).toBe("303001");
    const requests = await notify.waitFor(2);
    await sleep(300);
    expect(notify.requests).toHaveLength(2);
    expect(parseNotification(requests[1].body).biz).toMatchObject({
      notifyType: "REFUND",
      refundId: refund.biz!.refundId,
      refundAmount: "40.000000",
      transactionId,
    });
    expect((await query({ transactionId })).biz).toMatchObject({ refundedAmount: "40.000000" });
    expect((await pingpongApi("/v4/refund/query", envelope({ requestId: refundBiz.requestId }))).biz).toEqual(
      refund.biz,
    );
    expect((await pingpongApi("/v4/refund/query", envelope({ requestId: "no-such-refund" }))).body.code).toBe("100005");
  });

  it("voids inside the capture delay (then CLOSED), and refuses a void with captureDelayHours 0 (303002)", async () => {
    const notify = await catcher();
    const { answer } = await payByCard("4111111111111111", { notificationUrl: notify.url, captureDelayHours: 24 });
    const transactionId = answer.biz!.transactionId as string;
    expect(answer.biz).toMatchObject({ status: "SUCCESS", captureDelayHours: 24 });
    // Inside its capture delay a payment cannot be refunded.
    const early = await pingpongApi(
      "/v4/payment/refund",
      envelope({ requestId: `r-${Date.now()}`, transactionId, amount: "1.00", currency: "USD" }),
    );
    expect(early.body.code).toBe("303002");
    const voidBiz = { requestId: `void-${Date.now()}`, transactionId };
    const voided = await pingpongApi("/v4/payment/void", envelope(voidBiz));
    expect(voided.body.code).toBe("000000");
    expect(voided.biz).toEqual({
      requestId: voidBiz.requestId,
      voidId: expect.any(String),
      transactionId,
      status: "SUCCESS",
    });
    expect((await query({ transactionId })).biz).toMatchObject({ status: "CLOSED" });
    const requests = await notify.waitFor(2);
    expect(parseNotification(requests[1].body).biz).toMatchObject({
      notifyType: "VOID",
      voidId: voided.biz!.voidId,
      transactionId,
    });
    expect((await pingpongApi("/v4/void/query", envelope({ requestId: voidBiz.requestId }))).biz).toEqual(voided.biz);

    const immediate = await payByCard("4111111111111111");
    const refused = await pingpongApi(
      "/v4/payment/void",
      envelope({ requestId: `void2-${Date.now()}`, transactionId: immediate.answer.biz!.transactionId }),
    );
    expect(refused.body.code).toBe("303002");
    expect(
      (await pingpongApi("/v4/payment/void", envelope({ requestId: "v-x", transactionId: "no-such" }))).body.code,
    ).toBe("100005");
  });
});

describe("PingPongCheckout emulator: card data", () => {
  it("lists its outcomes on /emulators", async () => {
    const html = await (await fetch(`${pingpongUrl().replace(/\/pingpong$/, "")}`)).text();
    expect(html).toContain("PingPongCheckout");
    expect(html).toContain("301006");
  });

  it("keeps no full card number and no CVV in any emulator table", async () => {
    const cvv = "7391";
    const cards = ["4111111111111111", "4000000000003220", "4000000000009995", "5555555555554444"];
    for (const card of cards) await payByCard(card, { cvv });
    const file = resolve(process.cwd(), process.env.EMULATOR_DATABASE_PATH ?? "data/test-integration/emulators.sqlite");
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
      let scanned = 0;
      for (const { name } of tables) {
        for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
          for (const value of Object.values(row)) {
            if (typeof value !== "string") continue;
            scanned++;
            for (const card of cards) expect(value, `${name}`).not.toContain(card);
            expect(value, `${name}`).not.toBe(cvv);
            expect(value.toLowerCase(), `${name}`).not.toContain(`"cvv"`);
          }
        }
      }
      expect(scanned).toBeGreaterThan(0);
      const masked = sqlite
        .prepare("SELECT card_masked FROM pingpong_transactions WHERE card_masked IS NOT NULL LIMIT 1")
        .get() as { card_masked: string };
      expect(masked.card_masked).toMatch(/^\d{6}\*+\d{4}$/);
    } finally {
      sqlite.close();
    }
  });
});
