import { afterEach, describe, expect, it, vi } from "vitest";
import { minor } from "@/lib/money";
import type { PaymentRef } from "@/lib/payments/types";
import { pingPayments } from "./adapter";

// The shop's inquiry uses the documented endpoints only (PROVIDERS.md §3): the payment by its id,
// or, without it, the payment order, whose documented answer names no payments.
afterEach(() => vi.unstubAllGlobals());

const ORDER_ID = "5a0b6f9e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";

/** Ping as a stub: answers each request by its method and path; records what was asked. */
function stubPing(answers: Record<string, () => Response>) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      const key = `${init.method} ${new URL(url).pathname.replace(/^.*\/api\/v1/, "")}`;
      asked.push(key);
      return (
        answers[key]?.() ??
        Response.json(
          { errors: [{ error: "not_found", description: "No such endpoint.", property: null }] },
          { status: 404 },
        )
      );
    }),
  );
  return asked;
}

const attempt = (providerPaymentId?: string): PaymentRef => ({
  paymentId: "pay_1",
  providerPaymentId,
  providerData: { payment_order_id: ORDER_ID },
  amount: minor(2500),
  currency: "SEK",
  captureMode: "automatic",
  capturedAmount: minor(0),
  refundedAmount: minor(0),
});

describe("Ping Payments inquiry", () => {
  it("without the payment's id: asks only for the order, and leaves the attempt processing for an operator", async () => {
    // The order's answer as far as it is documented: its id; no list of payments.
    const asked = stubPing({ [`GET /payment_orders/${ORDER_ID}`]: () => Response.json({ id: ORDER_ID }) });
    const outcome = await pingPayments.inquire!(attempt());
    expect(asked).toEqual([`GET /payment_orders/${ORDER_ID}`]);
    expect(outcome.status).toBe("processing");
    expect(outcome.notAtProvider).toBeUndefined();
    expect(outcome.needsOperator).toMatch(/cannot find a payment without its id.*merchant_reference/);
  });

  it("even when the order's answer lists payments (undocumented), the shop does not read them", async () => {
    stubPing({
      [`GET /payment_orders/${ORDER_ID}`]: () =>
        Response.json({
          id: ORDER_ID,
          payments: [
            {
              id: "p1",
              status: "COMPLETED",
              currency: "SEK",
              total_amount: 2500,
              metadata: { merchant_reference: "pay_1" },
            },
          ],
        }),
    });
    const outcome = await pingPayments.inquire!(attempt());
    expect(outcome.status).toBe("processing");
    expect(outcome.providerPaymentId).toBeUndefined();
    expect(outcome.needsOperator).toBeDefined();
  });

  it("without the payment's id, the order's documented 404 is Ping's word that no payment is in it; its 200 is not", async () => {
    stubPing({});
    expect(await pingPayments.inquire!(attempt())).toMatchObject({ notAtProvider: true });
    stubPing({ [`GET /payment_orders/${ORDER_ID}`]: () => Response.json({ id: ORDER_ID }) });
    expect((await pingPayments.inquire!(attempt())).notAtProvider).toBeUndefined();
  });
});
