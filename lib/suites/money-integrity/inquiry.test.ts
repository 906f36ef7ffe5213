// @module-tag control-plane
// An inquiry's answer whose amount differs by one minor unit, or whose currency differs, never
// marks a payment paid: reconcilePayment records an integrity failure for the operator and leaves
// the status. The provider really holds a paid payment under our reference (charged, its answer
// lost, its notification dropped); the shop's row is then made to expect another amount.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { writeTransaction } from "@/lib/db/client";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { payments } from "@/lib/db/tables";
import { reconcilePayment } from "@/lib/payments/reconcile-payment";
import { closeSqlite } from "@/lib/sqlite";
import { chargesFor, clearOverride, forceNextPayment } from "@/lib/testing/control-fixtures";
import {
  faultCurrency,
  FAULT_PROVIDERS,
  faultOrder,
  sleep,
  startWith,
  type FaultProvider,
} from "@/lib/testing/fault-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));
beforeEach(async () => {
  await Promise.all(FAULT_PROVIDERS.map((provider) => clearOverride(provider)));
});

const AMOUNT = 2500;

/** A payment the provider charged (AMOUNT in the order's currency) whose start answer was lost. */
async function chargedWithLostAnswer(provider: FaultProvider) {
  await forceNextPayment(provider, { outcome: "http_500", charge: true, notification: { mode: "dropped" } });
  const orderId = await faultOrder(provider, AMOUNT);
  const payment = await startWith(provider, orderId, randomUUID());
  expect(payment.status).toBe("processing");
  // Lesspay's card payment settles a moment after it is made (scaled time).
  if (provider === "lesspay") await sleep(300);
  // Ping's documented API is asked about a payment only by its id (no search by our reference):
  // the shop is given the id, as a status callback or an operator who found it at Ping would.
  if (provider === "pingpayments") {
    const [charge] = (await chargesFor(provider, payment.id)).charges;
    await writeTransaction(async (tx) => {
      await tx.update(payments).set({ providerPaymentId: charge.id }).where(eq(payments.id, payment.id));
    });
  }
  return { orderId, paymentId: payment.id };
}

async function expectIntegrityFailure(paymentId: string, orderId: string) {
  const payment = (await findPayment(paymentId))!;
  expect(payment.status).toBe("processing");
  expect((await findOrder(orderId))!.status).toBe("pending");
  const events = await listPaymentEvents(paymentId);
  const failures = events.filter((e) => e.type === "integrity_failure");
  expect(failures).toHaveLength(1);
  expect(failures[0].summary).toMatch(/Inquiry refused/);
  expect(events.some((e) => e.type === "status_change" && e.toStatus === "succeeded")).toBe(false);
}

describe.each(FAULT_PROVIDERS)("%s: an inquiry's answer that does not match the payment", (provider) => {
  it.each([
    ["one minor unit more", { amount: AMOUNT + 1 }],
    ["one minor unit less", { amount: AMOUNT - 1 }],
    ["another currency", { currency: faultCurrency(provider) === "USD" ? "EUR" : "USD" }],
  ] as const)("%s: not paid, an integrity failure recorded once, status unchanged", async (_name, expected) => {
    const { orderId, paymentId } = await chargedWithLostAnswer(provider);
    // What the shop expects now differs from what the provider holds.
    await writeTransaction(async (tx) => {
      await tx.update(payments).set(expected).where(eq(payments.id, paymentId));
    });
    await reconcilePayment(paymentId, 0);
    await reconcilePayment(paymentId, 0);
    await expectIntegrityFailure(paymentId, orderId);
  });

  it("the same answer with the payment's own amount and currency settles it (the control)", async () => {
    const { orderId, paymentId } = await chargedWithLostAnswer(provider);
    let settled = await reconcilePayment(paymentId, 0);
    for (let i = 0; i < 30 && settled?.status === "processing"; i++)
      settled = await sleep(100).then(() => reconcilePayment(paymentId, 0));
    expect(settled!.status).toBe("succeeded");
    expect((await findOrder(orderId))!.status).toBe("paid");
    expect((await listPaymentEvents(paymentId)).some((e) => e.type === "integrity_failure")).toBe(false);
  });
});
