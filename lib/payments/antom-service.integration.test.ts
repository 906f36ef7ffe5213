// @module-tag emulator-internals
// @module-tag antom
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { reconcilePayment } from "@/lib/payments/reconcile-payment";
import { startPayment, type StartPaymentInput } from "@/lib/payments/start-payment";
import { closeSqlite } from "@/lib/sqlite";
import { createTestOrder } from "@/lib/testing/shop-fixtures";

// The shop's service runs here, in the test process, against the Antom emulator of the test
// server (over HTTP, with the development keys), on the shared integration database.
afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

const order = async (amount = 2500) => await createTestOrder({ amount, currency: "EUR", name: "Silent Tester" });

const card = (number: string, holderName = "Silent Tester") => ({
  number,
  expiryMonth: "12",
  expiryYear: "2034",
  cvc: "737",
  holderName,
});

/** Starts an Antom card payment of a new order with the card `number` (`extra`: more of the start's input). */
async function payByCard(number: string, extra: Partial<StartPaymentInput> = {}) {
  return startPayment({
    orderId: await order(),
    provider: "antom",
    method: "card",
    idempotencyKey: randomUUID(),
    card: card(number),
    ...extra,
  });
}

describe("Antom through the shop's service", () => {
  it("settles a U payment by inquiryPayment once Antom has a final answer", async () => {
    // "Silent": the emulator sends no notification, so only the inquiry can settle it.
    const payment = await payByCard("4000000000000119");
    // U / PAYMENT_IN_PROCESS comes with normalUrl [doc: seed 002]: the shopper is sent to the bank's page.
    expect(payment.status).toBe("requires_action");
    expect(payment.nextActionUrl).toMatch(/\/emulators\/antom\/3ds\//);
    expect(payment.providerPaymentId).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the emulator's settle time (120 s scaled)
    const settled = await reconcilePayment(payment.id, 0);
    expect(settled!.status).toBe("succeeded");
    expect(
      (await listPaymentEvents(payment.id)).some(
        (e) => e.type === "status_change" && /Reconciled by inquiry/.test(e.summary),
      ),
    ).toBe(true);
  });

  it("passes an external 3DS result (MPI) and skips the challenge", async () => {
    const payment = await payByCard("4000000000003220", {
      mpi: { eci: "05", cavv: "AAABBBCCCDDDEEEFFF000111222=", dsTransactionId: randomUUID(), threeDSVersion: "2.2.0" },
    });
    expect(payment.status).toBe("succeeded");
    expect(payment.nextActionType).toBe("none");
    expect((await findPayment(payment.id))!.threeDsResult).toContain("ECI 05");
  });

  it("asks for the challenge without MPI", async () => {
    const payment = await payByCard("4000000000003220");
    expect(payment.status).toBe("requires_action");
    expect(payment.nextActionUrl).toMatch(/\/emulators\/antom\/3ds\//);
  });
});
