// @module-tag shop
// @module-tag lesspay
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { lesspaySign } from "@/lib/providers/lesspay/signature";
import { closeSqlite } from "@/lib/sqlite";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

const APP_ID = "lp_app_storefront_01";
const SECRET = "emulator-lesspay-app-secret";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

async function lesspayPayment(amount = 1000) {
  const payOrderId = `P${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return {
    ...(await createTestPayment({
      provider: "lesspay",
      amount,
      currency: "USD",
      status: "processing",
      providerPaymentId: payOrderId,
    })),
    payOrderId,
  };
}

function callback(body: Record<string, unknown>, secret = SECRET) {
  return fetch(`${serverUrl()}/api/webhooks/lesspay`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-auth-appid": APP_ID,
      "X-Auth-Timestamp": String(Date.now()),
      "x-auth-signature": lesspaySign(body, secret),
    },
    body: JSON.stringify(body),
  });
}

const succeeded = (p: { id: string; payOrderId: string }, amount = "10.00") => ({
  api_version: "V2",
  order_status: "SUCCEED",
  order_status_int: 2,
  pay_order_id: p.payOrderId,
  request_id: p.id,
  target_amount: amount,
  target_currency: "USD",
  product_name: "Merchant Storefront order",
});

const statusChanges = async (paymentId: string) =>
  (await listPaymentEvents(paymentId)).filter((e) => e.type === "status_change");

describe("Lesspay callbacks", () => {
  it("applies one callback delivered five times exactly once and acks with SUCCESS", async () => {
    const p = await lesspayPayment();
    const answers = await Promise.all(Array.from({ length: 5 }, () => callback(succeeded(p))));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe("SUCCESS");
    }
    expect((await findPayment(p.id))!.status).toBe("succeeded");
    expect((await findOrder(p.orderId))!.status).toBe("paid");
    expect((await statusChanges(p.id)).filter((e) => e.toStatus === "succeeded")).toHaveLength(1);
  });

  it("answers 401 to a bad signature and changes nothing", async () => {
    const p = await lesspayPayment();
    expect((await callback(succeeded(p), "not-the-secret")).status).toBe(401);
    const body = succeeded(p);
    const tampered = await fetch(`${serverUrl()}/api/webhooks/lesspay`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-auth-appid": APP_ID,
        "x-auth-signature": lesspaySign(body, SECRET),
      },
      body: JSON.stringify({ ...body, target_amount: "0.01" }),
    });
    expect(tampered.status).toBe(401);
    expect((await findPayment(p.id))!.status).toBe("processing");
  });

  it("records a risk event on the timeline once and changes no status", async () => {
    const p = await lesspayPayment();
    await callback(succeeded(p));
    const event = {
      event: "dispute_received",
      pay_order_id: p.payOrderId,
      request_id: p.id,
      target_amount: "10.00",
      target_currency: "USD",
      reason: "fraudulent",
    };
    expect((await callback(event)).status).toBe(200);
    expect((await callback(event)).status).toBe(200);
    expect((await findPayment(p.id))!.status).toBe("succeeded");
    expect((await findOrder(p.orderId))!.status).toBe("paid");
    const recorded = (await listPaymentEvents(p.id)).filter((e) => e.summary.includes("dispute_received"));
    expect(recorded).toHaveLength(1);
    expect(await statusChanges(p.id)).toHaveLength(2);
  });

  it("records a decline with its reason", async () => {
    const p = await lesspayPayment();
    await callback({ ...succeeded(p), order_status: "FAILED", order_status_int: 3, fail_reason: "Insufficient funds" });
    expect(await findPayment(p.id)).toMatchObject({
      status: "failed",
      failureMessage: "Insufficient funds on the card.",
    });
  });
});
