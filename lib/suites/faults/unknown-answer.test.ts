// @module-tag control-plane
// The provider times out, answers 5xx, an HTML page or cut-off JSON, before or after it charged:
// the payment stays pending (never failed by guess), reconciliation settles it from the
// provider's own word, and the provider saw exactly one charge (or none).
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { reconcilePayment } from "@/lib/payments/reconcile-payment";
import { closeSqlite } from "@/lib/sqlite";
import { chargesFor, clearOverride, forceNextPayment } from "@/lib/testing/control-fixtures";
import {
  FAULT_KINDS,
  FAULT_PROVIDERS,
  faultOrder,
  sleep,
  startWith,
  type FaultProvider,
} from "@/lib/testing/fault-fixtures";

// This process is the shop here: it waits 1.5 s for a provider (a forced timeout holds 3 s), and
// believes a provider's "no such payment" for an attempt whose start got no answer once it is
// older than 6 s (more than twice the timeout); one whose start was answered (unreadably), at once.
process.env.PROVIDER_TIMEOUT_MS = "1500";
process.env.PAYMENT_NOT_AT_PROVIDER_AFTER_MS = "6000";
const HOLD_SECONDS = 3;
const NOT_AT_PROVIDER_AFTER_MS = 6000;

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));
beforeEach(async () => {
  await Promise.all(FAULT_PROVIDERS.map((provider) => clearOverride(provider)));
});

type Fault = (typeof FAULT_KINDS)[number];

async function startUnderFault(provider: FaultProvider, fault: Fault, charge: boolean) {
  // Dropped notifications: only the shop's inquiry can learn what happened.
  await forceNextPayment(provider, {
    outcome: fault,
    charge,
    ...(fault === "timeout" ? { holdSeconds: HOLD_SECONDS } : {}),
    notification: { mode: "dropped" },
  });
  const orderId = await faultOrder(provider);
  const key = randomUUID();
  // A double submit while the first answer is awaited (the second arrives during the fault).
  const [first, second] = await Promise.all([
    startWith(provider, orderId, key),
    sleep(150).then(() => startWith(provider, orderId, key)),
  ]);
  expect(second.id).toBe(first.id);
  return { orderId, payment: first };
}

/** Reconciles until the payment leaves `processing` (an inquiry on a busy machine may itself time out: asked again). */
async function reconcileUntilSettled(paymentId: string) {
  let payment = await reconcilePayment(paymentId, 0);
  for (let i = 0; i < 30 && payment?.status === "processing"; i++)
    payment = await sleep(100).then(() => reconcilePayment(paymentId, 0));
  return payment!;
}

/** The move to processing that says the start's answer is unknown and reconciliation will settle it. */
const isUnknownAnswerMove = (e: Awaited<ReturnType<typeof listPaymentEvents>>[number]) =>
  e.type === "status_change" && e.toStatus === "processing" && /answer is unknown.*reconciliation will/.test(e.summary);

/**
 * The start's answer was unknown: the attempt went to processing (never failed by guess). The
 * shop asks the provider right away, so by now the provider's own word may already have settled
 * it: a failure only ever comes from its "no such payment".
 */
async function expectStartedUnknown(payment: { id: string; status: string }) {
  expect(payment.status).toBe("processing");
  const events = await listPaymentEvents(payment.id);
  expect(events.some(isUnknownAnswerMove)).toBe(true);
  for (const failed of events.filter((e) => e.toStatus === "failed"))
    expect(failed.summary).toMatch(/^Reconciled by inquiry: .* has no record of this payment/);
}

async function expectPendingUnknown(paymentId: string, orderId: string) {
  const payment = (await findPayment(paymentId))!;
  expect(payment.status).toBe("processing");
  expect(payment.failureCode).toBeNull();
  expect(payment.nextActionType).toBe("none");
  expect(payment.startAnswerUnknown).toBe(true);
  expect((await findOrder(orderId))!.status).toBe("pending");
  const events = await listPaymentEvents(paymentId);
  expect(events.some(isUnknownAnswerMove)).toBe(true);
  expect(events.some((e) => e.toStatus === "failed")).toBe(false);
}

// Ping Payments' docs give no way to find a payment whose create answer was lost (see below).
describe.each(FAULT_PROVIDERS.filter((provider) => provider !== "pingpayments"))(
  "%s: an unreadable answer to the payment's start",
  (provider) => {
    it.each(FAULT_KINDS)(
      "%s after the charge: pending, then succeeded by reconciliation; one charge at the provider",
      async (fault) => {
        const { orderId, payment } = await startUnderFault(provider, fault, true);
        await expectStartedUnknown(payment);

        // (Lesspay's card payments settle a moment after the order is made, in scaled time.)
        const settled = await reconcileUntilSettled(payment.id);
        expect(settled.status).toBe("succeeded");
        expect((await findOrder(orderId))!.status).toBe("paid");
        expect(settled.providerPaymentId).toBeTruthy();
        expect(
          (await listPaymentEvents(payment.id)).some(
            (e) => e.type === "status_change" && e.toStatus === "succeeded" && /Reconciled by inquiry/.test(e.summary),
          ),
        ).toBe(true);
        expect((await chargesFor(provider, payment.id)).count).toBe(1);
      },
    );

    it.each(FAULT_KINDS)(
      "%s before the charge: failed not_at_provider by the provider's word (a timeout only once old); no charge",
      async (fault) => {
        const { orderId, payment } = await startUnderFault(provider, fault, false);
        await expectStartedUnknown(payment);

        if (fault === "timeout") {
          // No answer came: the call may still reach the provider, so its "no such payment" is not
          // final while the attempt is young.
          await expectPendingUnknown(payment.id, orderId);
          const early = await reconcilePayment(payment.id, 0);
          if (Date.now() - payment.createdAt.getTime() < NOT_AT_PROVIDER_AFTER_MS - 500)
            expect(early!.status).toBe("processing");
          await sleep(Math.max(0, payment.createdAt.getTime() + NOT_AT_PROVIDER_AFTER_MS + 100 - Date.now()));
        }
        const settled = await reconcileUntilSettled(payment.id);
        // An answered start (5xx, HTML, cut-off JSON) is over at the provider: its word settles it at once.
        if (fault !== "timeout")
          expect(Date.now() - payment.createdAt.getTime()).toBeLessThan(NOT_AT_PROVIDER_AFTER_MS);
        expect(settled.status).toBe("failed");
        expect(settled.failureCode).toBe("not_at_provider");
        expect((await findOrder(orderId))!.status).toBe("failed");
        expect((await chargesFor(provider, payment.id)).count).toBe(0);
      },
    );
  },
);

describe("pingpayments: an unreadable answer to the payment's start", () => {
  // Its payment order is known, its payment id is not, and the documented API finds a payment only
  // by its id: the attempt stays processing, needs an operator, and is never failed by time.
  it.each(FAULT_KINDS.flatMap((fault) => [[fault, true] as const, [fault, false] as const]))(
    "%s (charged: %s): processing, needs an operator, never failed by time",
    async (fault, charge) => {
      const { orderId, payment } = await startUnderFault("pingpayments", fault, charge);
      await expectPendingUnknown(payment.id, orderId);
      // Past the age at which a provider's "no such payment" would fail it.
      await sleep(Math.max(0, payment.createdAt.getTime() + NOT_AT_PROVIDER_AFTER_MS + 100 - Date.now()));
      const after = await reconcilePayment(payment.id, 0);
      expect(after!.status).toBe("processing");
      expect(after!.failureCode).toBeNull();
      expect((await findOrder(orderId))!.status).toBe("pending");
      const events = await listPaymentEvents(payment.id);
      expect(events.filter((e) => e.dedupeKey === `needs-operator:${payment.id}`)).toEqual([
        expect.objectContaining({ summary: expect.stringMatching(/^Needs an operator: .*merchant_reference/) }),
      ]);
      // Only documented endpoints were asked: the order itself, never a list of its payments.
      const inquiries = events.filter(
        (e) => e.type === "api_call" && (e.detail as { method?: string }).method === "GET",
      );
      expect(inquiries.map((e) => new URL((e.detail as { url: string }).url).pathname)).toContain(
        `/emulators/pingpayments/api/v1/payment_orders/${payment.providerData!.payment_order_id}`,
      );
      expect(inquiries.every((e) => !/\/payments$/.test((e.detail as { url: string }).url))).toBe(true);
      expect((await chargesFor("pingpayments", payment.id)).count).toBe(charge ? 1 : 0);
    },
  );
});

describe("a clear refusal", () => {
  // Card providers decline in their answer (Ping and PingPong's alipay decline on their own pages).
  it.each(["antom", "lesspay"] as const)("%s: a documented decline still fails the payment", async (provider) => {
    await forceNextPayment(provider, { outcome: "decline", notification: { mode: "dropped" } });
    const orderId = await faultOrder(provider);
    const payment = await startWith(provider, orderId);
    expect(payment.startAnswerUnknown).toBe(false);
    const settled = payment.status === "processing" ? await reconcileUntilSettled(payment.id) : payment;
    expect(settled.status).toBe("failed");
    expect(settled.failureCode).not.toBe("not_at_provider");
  });
});
