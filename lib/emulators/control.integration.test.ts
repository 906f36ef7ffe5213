// @module-tag control-plane
import { afterEach, describe, expect, it } from "vitest";
import { antomCall, payBody, startAntomCatcher } from "@/lib/testing/antom-fixtures";
import {
  clearOverride,
  controlUrl,
  forceNextPayment,
  listNotifications,
  pendingOverride,
  PROVIDERS,
  replay,
  sleep,
  waitForNotifications,
} from "@/lib/testing/control-fixtures";
import { cardBody, cashierBody, lesspayCall, postCashier, startLesspayCatcher } from "@/lib/testing/lesspay-fixtures";
import {
  createEmulatorPayment,
  payOnPaymentIq,
  pingApi,
  startCallbackCatcher,
} from "@/lib/testing/pingpayments-fixtures";
import { parseNotification, payByCard } from "@/lib/testing/pingpong-fixtures";

type Closable = { close: () => Promise<void> };
const catchers: Closable[] = [];
function keep<T extends Closable>(catcher: T): T {
  catchers.push(catcher);
  return catcher;
}

afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
  // Never leak an override into another test (or another file).
  await Promise.all(PROVIDERS.map((provider) => clearOverride(provider)));
});

const bizOf = (answer: { biz?: Record<string, unknown> }) => answer.biz ?? {};

describe("control plane: notifications of a payment", () => {
  it("lists a PingPong payment's notifications by transactionId and by merchantTransactionId, with their attempts", async () => {
    const catcher = keep(await startCallbackCatcher([500, 200]));
    const { biz, answer } = await payByCard("4111111111111111", { notificationUrl: catcher.url });
    const transactionId = bizOf(answer).transactionId as string;
    await catcher.waitFor(2, 15_000);
    const byId = await waitForNotifications(
      "pingpong",
      transactionId,
      (list) => list.length === 1 && list[0].status === "delivered",
    );
    expect(byId[0]).toMatchObject({
      subject: transactionId,
      reference: biz.merchantTransactionId,
      targetUrl: catcher.url,
      status: "delivered",
      attempts: 2,
      lastHttpStatus: 200,
      lastError: null,
    });
    expect(byId[0].deliveries.map((d) => d.httpStatus)).toEqual([500, 200]);
    expect(byId[0].deliveredAt).not.toBeNull();
    expect(parseNotification(byId[0].body).biz).toMatchObject({ transactionId, status: "SUCCESS" });
    const byReference = await listNotifications("pingpong", biz.merchantTransactionId as string);
    expect(byReference.notifications.map((n) => n.id)).toEqual([byId[0].id]);
    // Another provider's list does not show it; a missing reference is a 400.
    expect((await listNotifications("antom", transactionId)).notifications).toEqual([]);
    const missing = await fetch(`${controlUrl("pingpong")}/notifications`);
    expect([missing.status, await missing.json()]).toEqual([400, { error: "reference or type is required" }]);
    expect((await fetch(`${controlUrl("pingpong")}/notifications?reference=${"x".repeat(201)}`)).status).toBe(400);
    // By kind: PingPong's notifyType, alone or with the reference.
    const byType = await fetch(`${controlUrl("pingpong")}/notifications?type=PAYMENT&reference=${transactionId}`);
    expect(((await byType.json()) as { notifications: { id: number; type: string }[] }).notifications).toEqual([
      expect.objectContaining({ id: byId[0].id, type: "PAYMENT" }),
    ]);
    const otherType = await fetch(`${controlUrl("pingpong")}/notifications?type=REFUND&reference=${transactionId}`);
    expect(((await otherType.json()) as { notifications: unknown[] }).notifications).toEqual([]);
  });

  it("lists Antom (paymentRequestId), Lesspay (request_id) and Ping (merchant_reference) notifications newest first", async () => {
    const antom = keep(await startAntomCatcher());
    const body = payBody("4111111111111111", { notifyUrl: antom.url });
    const paid = await antomCall("pay", body);
    await antom.waitFor(1);
    const antomList = await waitForNotifications(
      "antom",
      body.paymentRequestId as string,
      (list) => list.length >= 1 && list.every((n) => n.status === "delivered"),
    );
    expect(antomList[0].subject).toBe(paid.body.paymentId);
    expect(antomList.map((n) => n.id)).toEqual([...antomList.map((n) => n.id)].sort((a, b) => b - a));
    expect((await listNotifications("antom", paid.body.paymentId as string)).notifications.map((n) => n.id)).toEqual(
      antomList.map((n) => n.id),
    );

    const lesspay = keep(await startLesspayCatcher());
    const order = await lesspayCall("create-order", cardBody("4111111111111111", { notifyUrl: lesspay.url }));
    await lesspay.waitFor(1, 15_000);
    const requestId =
      (order.data.order_data as { request_id?: string } | undefined)?.request_id ??
      (order.body.data as { pay_order_id: string }).pay_order_id;
    const lesspayList = await waitForNotifications(
      "lesspay",
      order.data.pay_order_id as string,
      (list) => list.length >= 1 && list[0].status === "delivered",
    );
    expect(lesspayList[0].deliveries).toHaveLength(1);
    expect(requestId).toBeTruthy();

    const ping = keep(await startCallbackCatcher([204]));
    const payment = await createEmulatorPayment({
      status_callback_url: ping.url,
      metadata: { merchant_reference: "order-ctl-1" },
    });
    await payOnPaymentIq(payment.paymentId, { number: "4111111111111111" });
    await ping.waitFor(1);
    const pingList = await waitForNotifications(
      "pingpayments",
      "order-ctl-1",
      (list) => list.length === 1 && list[0].status === "delivered",
    );
    expect(pingList[0]).toMatchObject({ subject: payment.paymentId, reference: "order-ctl-1", lastHttpStatus: 204 });
  });
});

describe("control plane: replay", () => {
  it("delivers the very same notification again (same body and signature header)", async () => {
    const catcher = keep(await startAntomCatcher());
    // MANUAL capture: the payment sends one notification (PAYMENT_RESULT), no CAPTURE_RESULT.
    const body = payBody("4111111111111111", { notifyUrl: catcher.url, captureMode: "MANUAL" });
    await antomCall("pay", body);
    const [first] = await catcher.waitFor(1);
    const [listed] = await waitForNotifications(
      "antom",
      body.paymentRequestId as string,
      (list) => list.length >= 1 && list.every((n) => n.status === "delivered"),
    );
    const replayed = await replay("antom", listed.id);
    expect(replayed.status).toBe(202);
    expect(replayed.json.id).toBeGreaterThan(listed.id);
    const caught = await catcher.waitFor(2);
    expect(caught[1].body).toBe(first.body);
    expect(caught[1].headers.signature).toBe(first.headers.signature);
    expect(caught[1].verified).toBe(true);
    const list = await waitForNotifications("antom", body.paymentRequestId as string, (all) =>
      all.some((n) => n.id === replayed.json.id && n.status === "delivered"),
    );
    expect(list[0].id).toBe(replayed.json.id);
  });

  it("answers 404 for an unknown id or one of another provider", async () => {
    expect((await replay("antom", 999_999_999)).status).toBe(404);
    const catcher = keep(await startCallbackCatcher([200]));
    const { answer } = await payByCard("4111111111111111", { notificationUrl: catcher.url });
    const [listed] = await waitForNotifications(
      "pingpong",
      bizOf(answer).transactionId as string,
      (list) => list.length === 1,
    );
    expect((await replay("lesspay", listed.id)).status).toBe(404);
    expect((await replay("pingpong", listed.id)).status).toBe(202);
  });
});

describe("control plane: forced outcome of the next payment", () => {
  it("declines an approving card on PingPong and on Antom, and on Ping's PaymentIQ page", async () => {
    await forceNextPayment("pingpong", { outcome: "decline", declineReason: "insufficient_funds" });
    const pp = await payByCard("4111111111111111");
    expect(bizOf(pp.answer)).toMatchObject({ status: "FAILED" });

    expect((await forceNextPayment("antom", { outcome: "decline" })).declineReason).toBe("generic");
    const antom = await antomCall("pay", payBody("4111111111111111"));
    expect(antom.body).toMatchObject({ result: { resultStatus: "F" } });

    await forceNextPayment("pingpayments", { outcome: "decline", declineReason: "expired_card" });
    const payment = await createEmulatorPayment();
    const redirect = await payOnPaymentIq(payment.paymentId, { number: "4111111111111111" });
    expect(redirect.location).toBe("http://localhost:9/error");
    const details = await pingApi("GET", `/payment_orders/${payment.paymentOrderId}/payments/${payment.paymentId}`);
    expect(details.json).toMatchObject({ status: "DECLINED", status_reason: { code: "expired_card" } });

    await forceNextPayment("lesspay", { outcome: "decline" });
    const order = await lesspayCall("create-order", cashierBody());
    const cashier = await postCashier(order.data.pay_order_id as string, { number: "4111111111111111" });
    expect(cashier.location).toBe("http://localhost:9/checkout/lesspay/fail");
  });

  it("is consumed by one payment only, and GET shows it until then", async () => {
    await forceNextPayment("pingpong", { outcome: "decline", notification: { mode: "dropped" } });
    expect((await pendingOverride("pingpong")).json.override).toEqual({
      outcome: "decline",
      declineReason: "generic",
      notification: { mode: "dropped" },
    });
    expect(bizOf((await payByCard("4111111111111111")).answer).status).toBe("FAILED");
    expect((await pendingOverride("pingpong")).json.override).toBeNull();
    expect(bizOf((await payByCard("4111111111111111")).answer).status).toBe("SUCCESS");
    // DELETE clears a pending one.
    await forceNextPayment("pingpong", { outcome: "decline" });
    expect(await clearOverride("pingpong")).toBe(204);
    expect(bizOf((await payByCard("4111111111111111")).answer).status).toBe("SUCCESS");
  });

  it("answers the create-payment call with HTTP 500 once, storing nothing, then normally", async () => {
    await forceNextPayment("lesspay", { outcome: "http_500" });
    const body = cardBody("4111111111111111");
    const failed = await lesspayCall("create-order", body);
    expect(failed.status).toBe(500);
    const query = await lesspayCall("query-order", { request_id: body.request_id });
    expect(query.code).not.toBe(0);
    const retried = await lesspayCall("create-order", body);
    expect(retried.status).toBe(200);
    expect(retried.data.pay_order_id).toEqual(expect.any(String));

    await forceNextPayment("antom", { outcome: "http_500" });
    const antomBody = payBody("4111111111111111");
    expect((await antomCall("pay", antomBody)).status).toBe(500);
    expect((await antomCall("pay", antomBody)).body).toMatchObject({ result: { resultStatus: "S" } });
  });

  it("delivers a duplicated notification count times", async () => {
    const catcher = keep(await startCallbackCatcher([200]));
    await forceNextPayment("pingpong", { notification: { mode: "duplicated", count: 5 } });
    await payByCard("4111111111111111", { notificationUrl: catcher.url });
    const caught = await catcher.waitFor(5);
    await sleep(500);
    expect(catcher.requests).toHaveLength(5);
    expect(new Set(caught.map((c) => c.body)).size).toBe(1);
  });

  it("drops a payment's notifications", async () => {
    const catcher = keep(await startAntomCatcher());
    await forceNextPayment("antom", { notification: { mode: "dropped" } });
    const body = payBody("4111111111111111", { notifyUrl: catcher.url });
    expect((await antomCall("pay", body)).body).toMatchObject({ result: { resultStatus: "S" } });
    await sleep(1000);
    expect(catcher.requests).toHaveLength(0);
    expect((await listNotifications("antom", body.paymentRequestId as string)).notifications).toEqual([]);
  });

  it("sends a notification whose signature does not verify (Lesspay header, PingPong sign)", async () => {
    const lesspay = keep(await startLesspayCatcher());
    await forceNextPayment("lesspay", { notification: { mode: "bad_signature" } });
    await lesspayCall("create-order", cardBody("4111111111111111", { notifyUrl: lesspay.url }));
    const [caught] = await lesspay.waitFor(1, 15_000);
    expect(caught.json).toMatchObject({ order_status: expect.any(String) });
    expect(caught.verified).toBe(false);

    const pingpong = keep(await startCallbackCatcher([200]));
    await forceNextPayment("pingpong", { notification: { mode: "bad_signature" } });
    await payByCard("4111111111111111", { notificationUrl: pingpong.url });
    const [notification] = await pingpong.waitFor(1);
    const parsed = parseNotification(notification.body);
    expect(parsed.biz).toMatchObject({ status: "SUCCESS" });
    expect(parsed.verified).toBe(false);
  });

  it("a bad signature is refused by the shop with 401 and retried on the schedule", async () => {
    await forceNextPayment("lesspay", { notification: { mode: "bad_signature" } });
    const body = cardBody("4111111111111111", {
      notifyUrl: `${controlUrl("lesspay").replace("/emulators/control/lesspay", "")}/api/webhooks/lesspay`,
    });
    await lesspayCall("create-order", body);
    const [refused] = await waitForNotifications(
      "lesspay",
      body.request_id as string,
      (list) => list.length === 1 && list[0].attempts >= 2,
      20_000,
    );
    expect(refused.status).toBe("pending");
    expect(refused.deliveries.slice(0, 2).map((d) => d.httpStatus)).toEqual([401, 401]);
  });

  it("follows the final notification with a stale earlier-status one (out_of_order)", async () => {
    const catcher = keep(await startCallbackCatcher([200]));
    await forceNextPayment("pingpong", { notification: { mode: "out_of_order" } });
    await payByCard("4111111111111111", { notificationUrl: catcher.url });
    const caught = await catcher.waitFor(2);
    expect(caught.map((c) => parseNotification(c.body).biz.status)).toEqual(["SUCCESS", "PROCESSING"]);
    expect(caught.every((c) => parseNotification(c.body).verified)).toBe(true);
  });

  it("delays the first attempt by the given (scaled) seconds", async () => {
    const catcher = keep(await startCallbackCatcher([200]));
    await forceNextPayment("pingpong", { notification: { mode: "delayed", seconds: 2000 } });
    const started = Date.now();
    await payByCard("4111111111111111", { notificationUrl: catcher.url });
    const [caught] = await catcher.waitFor(1, 10_000);
    // 2000 s at the integration clock (0.001) is 2 s.
    expect(caught.at - started).toBeGreaterThanOrEqual(1900);
  });

  it("refuses an invalid override with 422 (and bad_signature for Ping, which signs nothing)", async () => {
    const post = (provider: string, body: unknown) =>
      fetch(`${controlUrl(provider)}/next-payment`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post("antom", { outcome: "maybe" })).status).toBe(422);
    expect((await post("pingpayments", { notification: { mode: "bad_signature" } })).status).toBe(422);
    expect((await post("antom", { declineReason: "generic" })).status).toBe(422);
    expect((await fetch(`${controlUrl("stripe")}/next-payment`)).status).toBe(404);
  });
});
