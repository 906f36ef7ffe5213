// @module-tag control-plane
import { afterEach, describe, expect, it } from "vitest";
import { chargesFor, clearOverride, controlUrl, forceNextPayment } from "@/lib/testing/control-fixtures";
import {
  EMULATOR_SPLIT_TREE_ID,
  EMULATOR_TENANT,
  paymentBody,
  pingApi,
  pingApiUrl,
} from "@/lib/testing/pingpayments-fixtures";

// The control plane's faults, seen from a merchant's client: Ping Payments' emulator here (the
// faults suite drives all four through the shop).
afterEach(async () => {
  await clearOverride("pingpayments");
});

async function newPaymentOrder(): Promise<string> {
  const order = await pingApi("POST", "/payment_orders", { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" });
  return order.json!.id as string;
}

function createPaymentRaw(orderId: string, reference: string) {
  return fetch(`${pingApiUrl()}/payment_orders/${orderId}/payments`, {
    method: "POST",
    headers: { "content-type": "application/json", ...EMULATOR_TENANT },
    body: JSON.stringify(paymentBody({ metadata: { merchant_reference: reference } })),
  });
}

const reference = () => `pay_${Math.random().toString(36).slice(2, 18)}`;

describe("forced faults of the next payment", () => {
  it("html: a proxy's 502 page, nothing stored", async () => {
    await forceNextPayment("pingpayments", { outcome: "html" });
    const ref = reference();
    const answer = await createPaymentRaw(await newPaymentOrder(), ref);
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toMatch(/text\/html/);
    expect(await answer.text()).toMatch(/<html>[\s\S]*502 Bad Gateway/);
    expect((await chargesFor("pingpayments", ref)).count).toBe(0);
  });

  it("malformed_json after the charge: a 200 whose JSON does not parse; the payment is made and completed", async () => {
    await forceNextPayment("pingpayments", {
      outcome: "malformed_json",
      charge: true,
      notification: { mode: "dropped" },
    });
    const ref = reference();
    const orderId = await newPaymentOrder();
    const answer = await createPaymentRaw(orderId, ref);
    expect(answer.status).toBe(200);
    const text = await answer.text();
    expect(() => JSON.parse(text)).toThrow();
    const charges = await chargesFor("pingpayments", ref);
    expect(charges).toMatchObject({ count: 1, charges: [{ status: "COMPLETED" }] });
    // The docs show no list of an order's payments: a merchant without the answer cannot find it
    // (only the tester's control plane above sees the charge).
    const order = await pingApi("GET", `/payment_orders/${orderId}`);
    expect(order.json).not.toHaveProperty("payments");
  });

  it("holds a stored payment's answer with approve + holdSeconds, then answers normally", async () => {
    await forceNextPayment("pingpayments", { outcome: "approve", holdSeconds: 1 });
    const started = Date.now();
    const answer = await createPaymentRaw(await newPaymentOrder(), reference());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(answer.status).toBe(200);
  });

  it("refuses combinations that mean nothing", async () => {
    const post = (body: unknown) =>
      fetch(`${controlUrl("pingpayments")}/next-payment`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ outcome: "approve", charge: true })).status).toBe(422);
    expect((await post({ outcome: "decline", holdSeconds: 3 })).status).toBe(422);
    expect((await post({ outcome: "http_500", holdSeconds: 3 })).status).toBe(422);
    expect((await post({ outcome: "http_500", charge: true, holdSeconds: 3 })).status).toBe(200);
    expect((await fetch(`${controlUrl("pingpayments")}/next-payment`)).status).toBe(200);
    expect(await (await fetch(`${controlUrl("pingpayments")}/next-payment`)).json()).toEqual({
      override: { outcome: "http_500", charge: true, holdSeconds: 3 },
      forced: [
        {
          scope: null,
          override: { outcome: "http_500", charge: true, holdSeconds: 3 },
          setBy: "local, no sign-in (node)",
          setAt: expect.any(String),
        },
      ],
    });
    expect((await fetch(`${controlUrl("pingpayments")}/charges`)).status).toBe(400);
  });
});
