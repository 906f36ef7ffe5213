// @module-tag control-plane
// @module-tag lesspay
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listActiveCredentials } from "@/lib/db/queries/credentials";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { reconcilePayment } from "@/lib/payments/reconcile-payment";
import { startPayment } from "@/lib/payments/start-payment";
import { closeSqlite } from "@/lib/sqlite";
import { clearOverride, forceNextPayment } from "@/lib/testing/control-fixtures";
import { postCashier } from "@/lib/testing/lesspay-fixtures";
import { createTestOrder } from "@/lib/testing/shop-fixtures";
import { createTestUser } from "@/lib/testing/web-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

const order = async (amount = 1800) => await createTestOrder({ amount, currency: "USD", name: "Silent Tester" });

describe("Lesspay through the shop's service", () => {
  it("waits for the callback on a frictionless card, and settles by query-order when it never comes", async () => {
    // The gateway never calls back (Lesspay reads no holder name: the control plane scripts it); only query-order can tell.
    await forceNextPayment("lesspay", { notification: { mode: "dropped" } });
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "card",
      idempotencyKey: randomUUID(),
      card: {
        number: "4111111111111111",
        expiryMonth: "12",
        expiryYear: "2034",
        cvc: "737",
        holderName: "Silent Tester",
      },
    });
    expect(payment.status).toBe("processing");
    expect(payment.nextActionType).toBe("none");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = await reconcilePayment(payment.id, 0);
    expect(settled!.status).toBe("succeeded");
    expect((await listPaymentEvents(payment.id)).some((e) => /Reconciled by inquiry/.test(e.summary))).toBe(true);
  });

  it("sends a challenge card to the 3DS page", async () => {
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "card",
      idempotencyKey: randomUUID(),
      card: { number: "4000000000003220", expiryMonth: "12", expiryYear: "2034", cvc: "737", holderName: "Tess Three" },
    });
    expect(payment.status).toBe("requires_action");
    expect(payment.nextActionUrl).toMatch(/\/emulators\/lesspay\/3ds\//);
  });

  it("saves a card with what the shopper typed (brand, last four, expiry): Lesspay's channel_biz_data has only the token", async () => {
    // A fresh account: the one Lesspay card it will ever have is this payment's.
    const userId = (await createTestUser()).id;
    const payment = await startPayment({
      orderId: await createTestOrder({ amount: 2100, currency: "USD", userId }),
      provider: "lesspay",
      method: "card",
      idempotencyKey: randomUUID(),
      saveCard: true,
      card: { number: "5555555555554444", expiryMonth: "7", expiryYear: "2033", cvc: "737", holderName: "Sam Shopper" },
    });
    // The callback moves the payment to succeeded and only then saves the card (receive-notification.ts,
    // rememberCard): wait for the card itself, not for the status.
    const [saved] = await until(
      async () => await listActiveCredentials(userId, "lesspay"),
      (credentials) => credentials.length > 0,
    );
    expect((await findPayment(payment.id))!.status).toBe("succeeded");
    expect(saved).toMatchObject({
      brand: "Mastercard",
      last4: "4444",
      expiry: "07/33",
      token: expect.stringMatching(/^src_/),
    });
  });

  it("the payer's Cancel on the cashier (4 CANCELED): the payment fails as cancelled, by callback", async () => {
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "cashier",
      idempotencyKey: randomUUID(),
    });
    expect(payment.status).toBe("requires_action");
    expect((await fetch(`${payment.nextActionUrl}/cancel`, { redirect: "manual" })).status).toBe(303);
    const failed = await until(
      async () => (await findPayment(payment.id))!,
      (p) => p.status !== "requires_action",
    );
    expect(failed).toMatchObject({
      status: "failed",
      failureCode: "canceled",
      failureMessage: "The payment was cancelled on Lesspay's page.",
    });
  });

  it.each([
    ["Closed Payer", "6 CLOSED", "expired"],
    ["Refund Payer", "2 SUCCEED then 5 REFUND", "refunded"],
  ] as const)("the cashier's %s (%s): the payment is %s, by callback", async (name, _statuses, status) => {
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "cashier",
      idempotencyKey: randomUUID(),
    });
    expect((await postCashier(payment.providerPaymentId!, { number: "4111111111111111", name })).status).toBe(303);
    expect(
      (
        await until(
          async () => (await findPayment(payment.id))!,
          (p) => p.status === status,
        )
      ).status,
    ).toBe(status);
  });

  it("the cashier's Confirm Payer (0 PENDING_CONFIRM): the payment stays open, neither paid nor failed", async () => {
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "cashier",
      idempotencyKey: randomUUID(),
    });
    expect(
      (await postCashier(payment.providerPaymentId!, { number: "4111111111111111", name: "Confirm Payer" })).status,
    ).toBe(303);
    await until(
      async () => await listPaymentEvents(payment.id),
      (events) => events.some((e) => /PENDING_CONFIRM/.test(e.summary)),
    );
    expect(["requires_action", "processing"]).toContain((await findPayment(payment.id))!.status);
  });

  it("12 PAID (amount differs) is never taken as paid: not by its callback, not by query-order", async () => {
    const payment = await startPayment({
      orderId: await order(),
      provider: "lesspay",
      method: "cashier",
      idempotencyKey: randomUUID(),
    });
    const payOrderId = payment.providerPaymentId!;
    expect((await postCashier(payOrderId, { number: "4111111111111111", name: "Amountdiff Payer" })).status).toBe(303);
    await until(
      async () => await listPaymentEvents(payment.id),
      (events) => events.some((e) => /paid amount that differs/.test(e.summary)),
    );
    expect((await findPayment(payment.id))!.status).toBe("requires_action");
    const asked = await reconcilePayment(payment.id, 0);
    expect(asked!.status).toBe("requires_action");
    expect((await listPaymentEvents(payment.id)).some((e) => /12 PAID .*not paid in full/.test(e.summary))).toBe(true);
  });
});

afterAll(() => clearOverride("lesspay"));

/** Polls `read` until `done` holds (the emulator's callback reaching the shop). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
