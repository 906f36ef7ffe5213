// @module-tag emulator-internals
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { findOrder, findOrderByCheckoutToken } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents, listPaymentsForOrder } from "@/lib/db/queries/payments";
import { notificationBody, notificationHeaders } from "@/lib/emulators/examplepay/notification";
import { toDecimalString } from "@/lib/money";
import { paymentRefOf } from "@/lib/payments/payment-ref";
import { closeSqlite } from "@/lib/sqlite";
import { paymentUntil } from "@/lib/testing/attempt-fixtures";
import { waitForNotifications } from "@/lib/testing/control-fixtures";
import { checkoutForm } from "@/lib/testing/server-action";
import { examplePay } from "./adapter";
import {
  actionId,
  createTestUser,
  postAction,
  redirectTarget,
  serverUrl,
  signInOverHttp,
} from "@/lib/testing/web-fixtures";

// The tests' sixth provider end to end, on the test server (TEST_ONLY_PROVIDERS=on): checkout
// through the real server action, its hosted page, its signed notification, an operator's refund.
afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

/** Places a one-beanie order paid with ExamplePay, as the checkout form does; answers the attempt and where the shopper goes. */
async function checkOut() {
  const checkoutToken = randomUUID();
  const { fields, cookie } = checkoutForm("examplepay:card", checkoutToken);
  const answer = await postAction({
    page: "/checkout",
    id: actionId("app/(shop)/checkout/actions.ts", "placeOrderAndPay"),
    fields,
    withState: true,
    cookie,
  });
  const order = (await findOrderByCheckoutToken(checkoutToken))!;
  const [payment] = await listPaymentsForOrder(order.id);
  return { order, payment, target: redirectTarget(answer) };
}

async function pressOnHostedPage(target: URL, button: "approve" | "decline") {
  return fetch(`${target}/${button}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
    redirect: "manual",
  });
}

describe("ExamplePay (test only): a provider added as one folder and one line on each side", () => {
  it("checkout -> hosted page -> approve -> verified notification: the payment succeeds, the order is paid", async () => {
    const { order, payment, target } = await checkOut();
    expect(payment.provider).toBe("examplepay");
    expect(payment.status).toBe("requires_action");
    expect(target?.pathname).toBe(`/emulators/examplepay/pay/${payment.providerPaymentId}`);

    const page = await fetch(target!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Approve");
    const approved = await pressOnHostedPage(target!, "approve");
    expect(approved.status).toBe(303);
    expect(new URL(approved.headers.get("location")!).origin).toBe(serverUrl());

    const paid = await paymentUntil(payment.id, (p) => p.status === "succeeded", "the notification");
    expect((await findOrder(order.id))!.status).toBe("paid");
    const notified = (await listPaymentEvents(paid.id)).filter((event) => event.type === "notification");
    expect(notified.map((event) => event.dedupeKey)).toEqual([
      `examplepay:${payment.providerPaymentId}:payment.succeeded`,
    ]);
    // The emulator saw its exact acknowledgement: delivered once, not retried.
    const [delivered] = await waitForNotifications("examplepay", payment.id, (list) =>
      list.every((n) => n.status === "delivered"),
    );
    expect(delivered.attempts).toBe(1);
  });

  it("decline: the payment fails", async () => {
    const { payment, target } = await checkOut();
    expect((await pressOnHostedPage(target!, "decline")).status).toBe(303);
    const failed = await paymentUntil(payment.id, (p) => p.status === "failed", "the notification");
    expect(failed.failureCode).toBe("declined");
  });

  it("refuses a forged notification (signed with another secret): nothing changes", async () => {
    const { payment } = await checkOut();
    const body = notificationBody(
      {
        id: payment.providerPaymentId!,
        merchantReference: payment.id,
        status: "succeeded",
        amount: payment.amount,
        currency: payment.currency,
      },
      "payment.succeeded",
    );
    const forged = await fetch(`${serverUrl()}/api/webhooks/examplepay`, {
      method: "POST",
      headers: notificationHeaders(body, "not-the-secret"),
      body,
    });
    expect(forged.status).toBe(401);
    expect((await findPayment(payment.id))!.status).toBe("requires_action");
    expect((await listPaymentEvents(payment.id)).some((event) => event.type === "notification")).toBe(false);

    // The same body signed with the shared secret is believed.
    const genuine = await fetch(`${serverUrl()}/api/webhooks/examplepay`, {
      method: "POST",
      headers: notificationHeaders(body),
      body,
    });
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ received: true });
    expect((await findPayment(payment.id))!.status).toBe("succeeded");
  });

  it("an operator's refund of the whole payment: refunded once, its notification recorded as the same refund", async () => {
    const { payment, target } = await checkOut();
    await pressOnHostedPage(target!, "approve");
    await paymentUntil(payment.id, (p) => p.status === "succeeded", "the notification");

    const cookie = await signInOverHttp(await createTestUser("operator"));
    const answer = await postAction({
      page: `/admin/payments/${payment.id}`,
      id: actionId("app/admin/actions.ts", "refundAction"),
      fields: { paymentId: payment.id, amount: toDecimalString(payment.amount, payment.currency) },
      withState: true,
      cookie,
    });
    expect(await answer.text()).toContain("Refunded.");
    const refunded = (await findPayment(payment.id))!;
    expect(refunded.status).toBe("refunded");
    expect(refunded.refundedAmount).toBe(payment.amount);

    // The refund's notification comes too, under the refund's key: acknowledged, not counted twice.
    await waitForNotifications(
      "examplepay",
      payment.id,
      (list) => list.length === 2 && list.every((n) => n.status === "delivered"),
    );
    expect((await findPayment(payment.id))!.refundedAmount).toBe(payment.amount);
    const refundKeys = (await listPaymentEvents(payment.id))
      .map((event) => event.dedupeKey)
      .filter((key) => key?.startsWith("examplepay:refund:"));
    expect(new Set(refundKeys).size).toBe(1);
  });

  it("the inquiry finds the payment by the shop's own reference, and says when ExamplePay has none", async () => {
    const { payment, target } = await checkOut();
    const asked = await examplePay.inquire!(paymentRefOf(payment));
    expect(asked).toMatchObject({ status: "requires_action", providerPaymentId: payment.providerPaymentId });
    expect(asked.reported).toEqual({ amount: payment.amount, currency: payment.currency });
    await pressOnHostedPage(target!, "approve");
    expect((await examplePay.inquire!(paymentRefOf(payment))).status).toBe("succeeded");
    const unknown = await examplePay.inquire!({ ...paymentRefOf(payment), paymentId: `pay_${randomUUID()}` });
    expect(unknown).toMatchObject({ status: "failed", notAtProvider: true });
  });
});
