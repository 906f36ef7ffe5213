import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listPaymentEvents } from "@/lib/db/queries/payments";
import { reconcilePayment, startPayment } from "@/lib/payments/service";
import { closeSqlite } from "@/lib/sqlite";
import { createTestOrder } from "@/lib/testing/shop-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

const order = (amount = 1800) => createTestOrder({ amount, currency: "USD", name: "Silent Tester" });

describe("Lesspay through the shop's service", () => {
  it("waits for the callback on a frictionless card, and settles by query-order when it never comes", async () => {
    // "Silent": the gateway never calls back; only query-order can tell.
    const payment = await startPayment({
      orderId: order(),
      provider: "lesspay",
      method: "card",
      idempotencyKey: randomUUID(),
      card: { number: "4111111111111111", expiryMonth: "12", expiryYear: "2034", cvc: "737", holderName: "Silent Tester" },
    });
    expect(payment.status).toBe("processing");
    expect(payment.nextActionType).toBe("none");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = await reconcilePayment(payment.id, 0);
    expect(settled!.status).toBe("succeeded");
    expect(listPaymentEvents(payment.id).some((e) => /Reconciled by inquiry/.test(e.summary))).toBe(true);
  });

  it("sends a challenge card to the 3DS page", async () => {
    const payment = await startPayment({
      orderId: order(),
      provider: "lesspay",
      method: "card",
      idempotencyKey: randomUUID(),
      card: { number: "4000000000003220", expiryMonth: "12", expiryYear: "2034", cvc: "737", holderName: "Tess Three" },
    });
    expect(payment.status).toBe("requires_action");
    expect(payment.nextActionUrl).toMatch(/\/emulators\/lesspay\/3ds\//);
  });
});
