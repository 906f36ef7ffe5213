// @module-tag emulator-internals
// One order, one charge: however many "pay again" come at once (tabs, double clicks, a script),
// one attempt of an order is live at a time; another way to pay starts only once the open attempt
// is closed at its provider (or has ended, where the provider cannot close it); and money that a
// closed attempt takes anyway is returned at once and shown to the operator.
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { randomUUID } from "node:crypto";
import {
  findPayment,
  insertPaymentOnce,
  listPaymentEvents,
  listPaymentsForOrder,
  listPaymentsPage,
  listUnreturnedExtraCharges,
  recordPaymentEvent,
} from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import { newPaymentId } from "@/lib/ids";
import type { Payment } from "@/lib/db/schema";
import { closeSqlite } from "@/lib/sqlite";
import {
  CARDS,
  declinedOrder,
  moneyHeld,
  newOrder,
  paymentUntil,
  payOnHostedPage,
  postPayAgain,
  REFUSED,
  startAttempt,
} from "@/lib/testing/attempt-fixtures";
import { chargesFor } from "@/lib/testing/control-fixtures";
import { DRIVERS, PROVIDERS } from "@/lib/testing/proof-drivers";
import { DEMO_USERS } from "@/lib/db/seed";
import { serverUrl, signInOverHttp } from "@/lib/testing/web-fixtures";

afterAll(() => {
  closeSqlite(process.env.DATABASE_PATH!);
  closeSqlite(process.env.EMULATOR_DATABASE_PATH!);
});

describe.each(PROVIDERS)("%s: concurrent “pay again” after a decline", (provider) => {
  it.each([2, 3, 4, 5])("%i at the same moment start one attempt; at most one holds money", async (n) => {
    const { orderId, declined } = await declinedOrder(provider);
    const { method, cardInShop } = DRIVERS[provider].checkout;
    const answers = await Promise.all(
      Array.from({ length: n }, () =>
        postPayAgain(orderId, `${provider}:${method}`, { cardNumber: cardInShop ? CARDS.approve : undefined }),
      ),
    );
    for (const answer of answers) expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answers.filter((answer) => answer.started)).toHaveLength(1);
    const refused = answers.filter((answer) => !answer.started);
    expect(refused).toHaveLength(n - 1);
    for (const answer of refused) expect(answer.text).toMatch(REFUSED);

    const attempts = await listPaymentsForOrder(orderId);
    expect(attempts.map((attempt) => attempt.id)).toContain(declined.id);
    expect(attempts).toHaveLength(2);
    const winner = attempts.find((attempt) => attempt.id !== declined.id)!;
    expect((await findOrder(orderId))!.currentPaymentId).toBe(winner.id);
    // Card payments here pay (Lesspay's direct card settles by its callback); a hosted page waits for the payer.
    if (cardInShop) await paymentUntil(winner.id, (p) => p.status === "succeeded", "the winner's success");
    const held = await moneyHeld(orderId);
    expect(held.inShop.length).toBeLessThanOrEqual(1);
    expect(held.atProviders).toBeLessThanOrEqual(1);
    expect(held.atProviders).toBe(held.inShop.length);
  });
});

describe("an open QR code, redirect or hosted page, then a card", () => {
  it("PingPong (cannot close an open QR code): the card waits, the QR code pays, the order is paid once", async () => {
    const orderId = await newOrder("pingpong");
    const qr = await startAttempt(orderId, "pingpong", "alipayhk");
    expect(qr).toMatchObject({ status: "requires_action", nextActionType: "qr" });

    const plain = await postPayAgain(orderId, "pingpong:card", { cardNumber: CARDS.approve });
    expect(plain.started).toBe(false);
    expect(plain.text).toMatch(/AlipayHK payment for this order is still open/);
    const switching = await postPayAgain(orderId, "antom:card", { cardNumber: CARDS.approve, replaceAttempt: qr.id });
    expect(switching.started).toBe(false);
    expect(switching.text).toMatch(/cannot close it early/);
    expect(await listPaymentsForOrder(orderId)).toHaveLength(1);

    expect((await payOnHostedPage(qr)).status).toBe(303);
    await paymentUntil(qr.id, (p) => p.status === "succeeded", "the QR payment");
    const after = await postPayAgain(orderId, "antom:card", { cardNumber: CARDS.approve, replaceAttempt: qr.id });
    expect(after.text).toMatch(/This order is already paid/);
    expect((await findOrder(orderId))!.status).toBe("paid");
    expect((await moneyHeld(orderId)).atProviders).toBe(1);
  });

  it("Lesspay (cannot close its cashier): the card waits until the payer ends the cashier order", async () => {
    const orderId = await newOrder("lesspay");
    const cashier = await startAttempt(orderId, "lesspay", "cashier");
    expect(cashier).toMatchObject({ status: "requires_action", nextActionType: "redirect" });
    const switching = await postPayAgain(orderId, "lesspay:card", {
      cardNumber: CARDS.approve,
      replaceAttempt: cashier.id,
    });
    expect(switching.started).toBe(false);
    expect(switching.text).toMatch(/cannot close it early/);

    // The payer cancels on the cashier: that attempt ended, so another may start.
    const base = serverUrl();
    expect(
      (await fetch(`${base}/emulators/lesspay/cashier/${cashier.providerPaymentId}/cancel`, { redirect: "manual" }))
        .status,
    ).toBe(303);
    await paymentUntil(cashier.id, (p) => p.status === "failed" || p.status === "canceled", "the cashier's cancel");
    const card = await postPayAgain(orderId, "lesspay:card", { cardNumber: CARDS.approve });
    expect(card.started, card.text.slice(0, 300)).toBe(true);
    const attempts = await listPaymentsForOrder(orderId);
    expect(attempts).toHaveLength(2);
    await paymentUntil(attempts[1].id, (p) => p.status === "succeeded", "the card payment");
    expect((await moneyHeld(orderId)).atProviders).toBe(1);
  });

  it("Antom: “Pay another way” cancels the open 3DS payment at Antom first; the challenge can no longer pay", async () => {
    const orderId = await newOrder("antom");
    const challenged = await startAttempt(orderId, "antom", "card", CARDS.challenge);
    expect(challenged.status).toBe("requires_action");

    const switching = await postPayAgain(orderId, "antom:card", {
      cardNumber: CARDS.approve,
      replaceAttempt: challenged.id,
    });
    expect(switching.started, switching.text.slice(0, 300)).toBe(true);
    expect(await findPayment(challenged.id)).toMatchObject({ status: "superseded", failureCode: "superseded" });
    expect(
      (await listPaymentEvents(challenged.id)).some(
        (event) => event.type === "api_call" && /cancel/.test(event.summary),
      ),
    ).toBe(true);
    const card = (await listPaymentsForOrder(orderId)).find((attempt) => attempt.id !== challenged.id)!;
    await paymentUntil(card.id, (p) => p.status === "succeeded", "the card payment");

    // The payer comes back to the bank's page of the closed one and passes the challenge.
    await payOnHostedPage(challenged);
    expect((await chargesFor("antom", challenged.id)).charges.map((charge) => charge.status)).toEqual(["CANCELLED"]);
    expect((await findPayment(challenged.id))!.status).toBe("superseded");
    expect((await moneyHeld(orderId)).atProviders).toBe(1);
    expect((await findOrder(orderId))!.status).toBe("paid");
  });

  it("Ping Payments: “Pay another way” closes the payment order first; its PaymentIQ page can no longer pay", async () => {
    const orderId = await newOrder("pingpayments");
    const hosted = await startAttempt(orderId, "pingpayments", "card");
    expect(hosted.status).toBe("requires_action");
    // Ping's orders are in SEK; Antom takes SEK too.
    const switching = await postPayAgain(orderId, "antom:card", {
      cardNumber: CARDS.approve,
      replaceAttempt: hosted.id,
    });
    expect(switching.started, switching.text.slice(0, 300)).toBe(true);
    expect((await findPayment(hosted.id))!.status).toBe("superseded");
    const card = (await listPaymentsForOrder(orderId)).find((attempt) => attempt.id !== hosted.id)!;
    await paymentUntil(card.id, (p) => p.status === "succeeded", "the card payment");

    await payOnHostedPage(hosted, CARDS.approve);
    expect((await chargesFor("pingpayments", hosted.id)).charges.map((charge) => charge.status)).toEqual(["CANCELLED"]);
    expect((await moneyHeld(orderId)).atProviders).toBe(1);
  });
});

/**
 * The provider took money for an attempt the shop had closed (it accepted the close and charged
 * anyway, or the close raced the payer): the set-up marks the open attempt superseded in the shop
 * only, so its provider still lets the payer pay it after another attempt has paid the order.
 */
async function secondCharge(
  provider: (typeof PROVIDERS)[number],
  method: string,
): Promise<{ orderId: string; extra: Payment; kept: Payment }> {
  const orderId = await newOrder(provider);
  const open = await startAttempt(orderId, provider, method, provider === "antom" ? CARDS.challenge : undefined);
  expect(open.status).toBe("requires_action");
  expect(
    (
      await transitionPayment(
        open.id,
        "superseded",
        { nextActionType: "none" },
        { provider, summary: "test set-up: closed in the shop only" },
      )
    ).changed,
  ).toBe(true);
  const card = await postPayAgain(orderId, provider === "pingpayments" ? "antom:card" : `${provider}:card`, {
    cardNumber: CARDS.approve,
  });
  expect(card.started, card.text.slice(0, 300)).toBe(true);
  const kept = await paymentUntil(
    (await listPaymentsForOrder(orderId)).find((attempt) => attempt.id !== open.id)!.id,
    (p) => p.status === "succeeded",
    "the card payment",
  );
  expect((await payOnHostedPage(open, CARDS.approve)).status).toBe(303);
  return { orderId, extra: open, kept };
}

const extraChargeEvents = async (paymentId: string) =>
  (await listPaymentEvents(paymentId)).filter((event) => event.type === "extra_charge");

describe("a second charge that comes anyway is returned at once and shown to the operator", () => {
  it.each([
    ["pingpong", "alipayhk"],
    ["antom", "card"],
  ] as const)("%s (%s): refunded through the provider; the order stays paid once", async (provider, method) => {
    const { orderId, extra, kept } = await secondCharge(provider, method);
    const returned = await paymentUntil(extra.id, (p) => p.status === "refunded", "the automatic refund", 20_000);
    expect(returned.refundedAmount).toBe(returned.amount);
    expect((await findPayment(kept.id))!.status).toBe("succeeded");
    expect((await findOrder(orderId))!.status).toBe("paid");
    // On the extra one's timeline: the second charge, then its return; on the kept one's: the second charge.
    expect((await extraChargeEvents(extra.id)).map((event) => event.dedupeKey)).toEqual([
      `extra-charge:${extra.id}`,
      `extra-charge-return:${extra.id}`,
    ]);
    expect(await extraChargeEvents(kept.id)).toHaveLength(1);
    // Settled: no longer marked in the console, nor asked again by the reconciliation loop.
    expect((await listPaymentsPage({ q: extra.id }))[0].extraChargeHeld).toBe(false);
    expect((await listUnreturnedExtraCharges()).map((payment) => payment.id)).not.toContain(extra.id);
  });

  it.each([
    ["pingpayments", "card"],
    ["lesspay", "cashier"],
  ] as const)(
    "%s (%s): no refund API, so it stays marked in /admin/payments for the operator",
    async (provider, method) => {
      const { orderId, extra, kept } = await secondCharge(provider, method);
      await paymentUntil(extra.id, (p) => p.status === "succeeded", "the late success");
      const marked = await paymentUntil(
        extra.id,
        async () =>
          (await listPaymentEvents(extra.id)).some((event) => event.dedupeKey === `extra-charge-by-hand:${extra.id}`),
        "the by-hand note",
      );
      expect(marked.status).toBe("succeeded");
      expect((await findOrder(orderId))!.status).toBe("paid");
      expect(await extraChargeEvents(kept.id)).toHaveLength(1);
      expect((await listPaymentsPage({ q: extra.id }))[0].extraChargeHeld).toBe(true);
      // Left to the operator: the reconciliation loop does not ask the provider again and again.
      expect((await listUnreturnedExtraCharges(1000)).map((payment) => payment.id)).not.toContain(extra.id);

      const operator = await signInOverHttp(DEMO_USERS.find((user) => user.role === "operator")!);
      const list = await (
        await fetch(`${serverUrl()}/admin/payments?q=${extra.id}`, { headers: { cookie: operator } })
      ).text();
      expect(list).toContain('data-testid="extra-charge"');
      const timeline = await (
        await fetch(`${serverUrl()}/admin/payments/${kept.id}`, { headers: { cookie: operator } })
      ).text();
      expect(timeline).toContain("Second charge for order");
    },
  );
});

describe("second charges the reconciliation loop returns again", () => {
  it("lists a held second charge until it is returned or left to the operator, never the kept payment", async () => {
    const orderId = await newOrder("antom");
    const attempt = async () =>
      (
        await insertPaymentOnce({
          id: newPaymentId(),
          orderId,
          provider: "antom",
          method: "card",
          idempotencyKey: randomUUID(),
          amount: 3900,
          currency: "EUR",
        })
      ).payment;
    const kept = await attempt();
    const extra = await attempt();
    expect(
      (await transitionPayment(kept.id, "succeeded", {}, { provider: "antom", summary: "test set-up" })).extraCharge,
    ).toBe(false);
    expect(
      (await transitionPayment(extra.id, "succeeded", {}, { provider: "antom", summary: "test set-up" })).extraCharge,
    ).toBe(true);
    const listed = async () => (await listUnreturnedExtraCharges(1000)).map((payment) => payment.id);
    expect(await listed()).toContain(extra.id);
    expect(await listed()).not.toContain(kept.id);
    await recordPaymentEvent({
      paymentId: extra.id,
      provider: "antom",
      type: "extra_charge",
      dedupeKey: `extra-charge-by-hand:${extra.id}`,
      summary: "test: left to the operator",
      detail: null,
    });
    expect(await listed()).not.toContain(extra.id);
    expect((await listPaymentsPage({ q: extra.id }))[0].extraChargeHeld).toBe(true);
  });
});
