// @module-tag shop
// @module-tag pingpayments
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { insertOrderOnce } from "@/lib/db/queries/orders";
import { findPayment, insertPaymentOnce, listPaymentEvents } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import { findOrder } from "@/lib/db/queries/orders";
import { newOrderId, newPaymentId } from "@/lib/ids";
import { closeSqlite } from "@/lib/sqlite";
import { consoleCounts } from "@/lib/testing/shop-observations";
import {
  createEmulatorPayment,
  EMULATOR_MERCHANT_ID,
  payOnPaymentIq,
  serverUrl,
} from "@/lib/testing/pingpayments-fixtures";

// The test process and the shop server share the integration database file (WAL mode):
// the test stores the shop's side of a payment, the server receives the callbacks.
afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

/** A shop order + payment in requires_action, linked to an emulator payment (which never calls back by itself). */
async function shopPaymentLinkedToEmulator(
  shop: { amount: number; currency: string },
  emulator: { amount: number; currency: string },
) {
  const remote = await createEmulatorPayment({
    currency: emulator.currency,
    total_amount: emulator.amount,
    order_items: [{ amount: emulator.amount, name: "Item", merchant_id: EMULATOR_MERCHANT_ID, vat_rate: 25 }],
  });
  // "silent": the emulator sends no callback, so the test decides what the shop receives.
  const paid = await payOnPaymentIq(remote.paymentId, { number: "4111111111111111", cardholder: "Silent Tester" });
  expect(paid.status).toBe(303);

  const orderId = newOrderId();
  await insertOrderOnce({
    id: orderId,
    checkoutToken: randomUUID(),
    userId: null,
    email: "guest@example.com",
    name: "Guest",
    addressLine: "Storgatan 1",
    city: "Stockholm",
    postalCode: "111 22",
    country: "SE",
    currency: shop.currency,
    totalAmount: shop.amount,
    items: [{ productId: "prd_merino-beanie", name: "Merino beanie", unitAmount: shop.amount, quantity: 1 }],
  });
  const { payment } = await insertPaymentOnce({
    id: newPaymentId(),
    orderId,
    provider: "pingpayments",
    method: "card",
    idempotencyKey: randomUUID(),
    amount: shop.amount,
    currency: shop.currency,
  });
  await transitionPayment(
    payment.id,
    "requires_action",
    {
      providerPaymentId: remote.paymentId,
      providerData: { payment_order_id: remote.paymentOrderId },
      nextActionType: "redirect",
      nextActionUrl: remote.payUrl,
    },
    { provider: "pingpayments", summary: "test set-up" },
  );
  return { payment: (await findPayment(payment.id))!, orderId, remote };
}

function postCallback(body: unknown) {
  return fetch(`${serverUrl()}/api/webhooks/pingpayments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Ping's callback that the payment `remote` names (its payment and payment order) is COMPLETED. */
function postCompleted(remote: { paymentId: string; paymentOrderId: string }) {
  return postCallback({ payment_id: remote.paymentId, payment_order_id: remote.paymentOrderId, status: "COMPLETED" });
}

async function statusChanges(paymentId: string) {
  return (await listPaymentEvents(paymentId)).filter((event) => event.type === "status_change");
}

describe("Ping Payments status callback", () => {
  it("applies a callback confirmed by GET: the payment succeeds, the order is paid, events are recorded", async () => {
    const { payment, orderId, remote } = await shopPaymentLinkedToEmulator(
      { amount: 2900, currency: "SEK" },
      { amount: 2900, currency: "SEK" },
    );
    const response = await postCompleted(remote);
    expect(response.status).toBe(204);
    expect((await findPayment(payment.id))!.status).toBe("succeeded");
    expect((await findOrder(orderId))!.status).toBe("paid");
    const events = await listPaymentEvents(payment.id);
    expect(events.map((e) => e.type)).toEqual(["status_change", "notification", "status_change"]);
    expect(events[1].dedupeKey).toBe(`pingpayments:${remote.paymentId}:COMPLETED`);
  });

  it("changes nothing for a payment Ping does not know", async () => {
    const { payment, remote } = await shopPaymentLinkedToEmulator(
      { amount: 1800, currency: "SEK" },
      { amount: 1800, currency: "SEK" },
    );
    const before = (await statusChanges(payment.id)).length;
    const response = await postCompleted({ paymentId: randomUUID(), paymentOrderId: remote.paymentOrderId });
    expect(response.status).toBe(404);
    expect((await findPayment(payment.id))!.status).toBe("requires_action");
    expect(await statusChanges(payment.id)).toHaveLength(before);
  });

  it("changes nothing for an emulator payment the shop never made", async () => {
    const stranger = await createEmulatorPayment();
    await payOnPaymentIq(stranger.paymentId, { number: "4111111111111111", cardholder: "Silent" });
    const response = await postCompleted(stranger);
    expect(response.status).toBe(404);
  });

  it("changes nothing when the confirming GET shows another amount", async () => {
    const { payment, orderId, remote } = await shopPaymentLinkedToEmulator(
      { amount: 1000, currency: "SEK" },
      { amount: 2000, currency: "SEK" },
    );
    const response = await postCompleted(remote);
    expect(response.status).toBe(422);
    expect((await findPayment(payment.id))!.status).toBe("requires_action");
    expect((await findOrder(orderId))!.status).toBe("pending");
    expect(await statusChanges(payment.id)).toHaveLength(1);
    expect((await listPaymentEvents(payment.id)).at(-1)!.summary).toMatch(/2000 SEK.*1000 SEK/);
  });

  it("changes nothing when the confirming GET shows another currency", async () => {
    const { payment, remote } = await shopPaymentLinkedToEmulator(
      { amount: 1000, currency: "EUR" },
      { amount: 1000, currency: "SEK" },
    );
    const response = await postCompleted(remote);
    expect(response.status).toBe(422);
    expect((await findPayment(payment.id))!.status).toBe("requires_action");
  });

  it("makes exactly one transition from the same callback delivered 20 times at once", async () => {
    const { payment, orderId, remote } = await shopPaymentLinkedToEmulator(
      { amount: 4200, currency: "SEK" },
      { amount: 4200, currency: "SEK" },
    );
    const body = { payment_id: remote.paymentId, payment_order_id: remote.paymentOrderId, status: "COMPLETED" };
    const counted = await consoleCounts("pingpayments");
    const responses = await Promise.all(Array.from({ length: 20 }, () => postCallback(body)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(204));
    const toSucceeded = (await statusChanges(payment.id)).filter((e) => e.toStatus === "succeeded");
    expect(toSucceeded).toHaveLength(1);
    expect((await findPayment(payment.id))!.status).toBe("succeeded");
    expect((await findOrder(orderId))!.status).toBe("paid");
    const notifications = (await listPaymentEvents(payment.id)).filter((e) => e.type === "notification");
    expect(notifications.filter((e) => e.dedupeKey !== null)).toHaveLength(1);
    // The 19 others changed nothing: counted on the console, not stored.
    expect(notifications).toHaveLength(1);
    expect(await consoleCounts("pingpayments")).toEqual({ ...counted, unchanged: counted.unchanged + 19 });
  });

  it("refuses a body that is not a status callback with 400", async () => {
    expect((await postCallback("not json")).status).toBe(400);
    expect((await postCallback({ status: "COMPLETED" })).status).toBe(400);
  });

  it("answers 404 for an unknown provider", async () => {
    const response = await fetch(`${serverUrl()}/api/webhooks/nopay`, { method: "POST", body: "{}" });
    expect(response.status).toBe(404);
  });
});

describe("a lost status callback", () => {
  it("is made up for by asking Ping Payments once the payment is late", async () => {
    // The emulator never calls back ("silent"); the order page's poll asks the provider.
    const { payment, orderId } = await shopPaymentLinkedToEmulator(
      { amount: 3100, currency: "SEK" },
      { amount: 3100, currency: "SEK" },
    );
    const early = await (await fetch(`${serverUrl()}/api/orders/${orderId}/status`)).json();
    expect(early.status).toBe("pending");
    await new Promise((resolve) => setTimeout(resolve, 1700)); // past PAYMENT_INQUIRY_AFTER_MS of the test server
    const late = await (await fetch(`${serverUrl()}/api/orders/${orderId}/status`)).json();
    expect(late).toMatchObject({ status: "paid", payment: { status: "succeeded" } });
    const reconciled = (await statusChanges(payment.id)).at(-1)!;
    expect(reconciled.summary).toMatch(/Reconciled by inquiry/);
  });
});
