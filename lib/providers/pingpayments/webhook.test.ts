import { describe, expect, it } from "vitest";
import { NotificationRejected } from "@/lib/payments/types";
import type { PingPaymentsClient } from "./client";
import { verifyStatusCallback } from "./webhook";

// The status callback is documented as "the payment id and status" (PROVIDERS.md §3): the shop
// must not need the `payment_order_id` our emulator adds. Its own callback URL names the order.

/** A client whose confirming GET answers one completed payment, recording what it was asked. */
function confirmingClient() {
  const asked: [string, string][] = [];
  const client = {
    getPayment: async (paymentOrderId: string, paymentId: string) => {
      asked.push([paymentOrderId, paymentId]);
      return {
        data: {
          id: paymentId,
          status: "COMPLETED" as const,
          currency: "SEK",
          total_amount: 2500,
          metadata: { merchant_reference: "pay_1" },
        },
        call: { method: "GET", url: "http://ping.test", status: 200, durationMs: 1 },
      };
    },
  } as unknown as PingPaymentsClient;
  return { client, asked };
}

const posted = (body: unknown, url = "https://shop.example/api/webhooks/pingpayments?payment_order_id=order-1") => ({
  headers: new Headers({ "content-type": "application/json" }),
  body: JSON.stringify(body),
  url,
});

describe("Ping Payments status callback: the documented body", () => {
  it("with only the payment id and status, confirms the payment in the order its callback URL names", async () => {
    const { client, asked } = confirmingClient();
    const verified = await verifyStatusCallback(client, posted({ payment_id: "p1", status: "COMPLETED" }));
    expect(asked).toEqual([["order-1", "p1"]]);
    expect(verified).toMatchObject({
      providerPaymentId: "p1",
      status: "succeeded",
      amount: 2500,
      currency: "SEK",
      merchantReference: "pay_1",
    });
  });

  it("refuses a callback whose body and URL name two payment orders, or none at all", async () => {
    const { client, asked } = confirmingClient();
    await expect(
      verifyStatusCallback(client, posted({ payment_id: "p1", payment_order_id: "order-2", status: "COMPLETED" })),
    ).rejects.toThrow(/two payment orders/);
    const none = verifyStatusCallback(
      client,
      posted({ payment_id: "p1", status: "COMPLETED" }, "https://shop.example/api/webhooks/pingpayments"),
    );
    await expect(none).rejects.toBeInstanceOf(NotificationRejected);
    await expect(none).rejects.toThrow(/names no payment order/);
    expect(asked).toEqual([]);
  });
});
