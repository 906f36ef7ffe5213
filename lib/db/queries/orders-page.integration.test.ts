import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { insertOrderOnce, listOrdersForUser, listOrdersPage } from "@/lib/db/queries/orders";
import { insertPaymentOnce } from "@/lib/db/queries/payments";
import { newOrderId, newPaymentId } from "@/lib/ids";
import { transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite } from "@/lib/sqlite";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

/** An order of `email` with one payment (created; moved to `authorized` with its capture mode when asked). */
function orderWithPayment(email: string, authorized?: "manual" | "automatic") {
  const orderId = newOrderId();
  insertOrderOnce({
    id: orderId,
    checkoutToken: randomUUID(),
    userId: null,
    email,
    name: "P",
    addressLine: "1 St",
    city: "C",
    postalCode: "1",
    country: "SE",
    currency: "SEK",
    totalAmount: 100,
    items: [{ productId: "prd_merino-beanie", name: "B", unitAmount: 100, quantity: 1 }],
  });
  const { payment } = insertPaymentOnce({
    id: newPaymentId(),
    orderId,
    provider: "antom",
    method: "card",
    idempotencyKey: randomUUID(),
    amount: 100,
    currency: "SEK",
    captureMode: authorized ?? "automatic",
  });
  if (authorized) transitionPayment(payment.id, "authorized", {}, { provider: "antom", summary: "test: authorized" });
  return { orderId, paymentId: payment.id };
}

describe("the console's orders pages", () => {
  it("walks every matching order once, newest first, with a keyset cursor", () => {
    const email = `order-paging-${randomUUID().slice(0, 8)}@example.com`;
    const created = Array.from({ length: 7 }, () => orderWithPayment(email).orderId);
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = listOrdersPage({ q: email }, after, 3);
      if (page.length === 0) break;
      seen.push(...page.map((o) => o.id));
      after = page.at(-1)!;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
    const times = listOrdersPage({ q: email }, undefined, 10).map((o) => o.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("an authorized order is not paid: manual capture is To capture, a provider's own later capture apart", () => {
    const email = `order-states-${randomUUID().slice(0, 8)}@example.com`;
    const manual = orderWithPayment(email, "manual");
    const automatic = orderWithPayment(email, "automatic");
    const open = orderWithPayment(email);
    const states = Object.fromEntries(listOrdersPage({ q: email }).map((o) => [o.id, o.state]));
    expect(states).toEqual({
      [manual.orderId]: "to_capture",
      [automatic.orderId]: "capture_pending",
      [open.orderId]: "pending",
    });
    expect(listOrdersPage({ q: email, state: "to_capture" }).map((o) => o.id)).toEqual([manual.orderId]);
    expect(listOrdersPage({ q: email, state: "paid" })).toEqual([]);
    expect(listOrdersPage({ state: "to_capture" }, undefined, 500).every((o) => o.state === "to_capture")).toBe(true);
    // A payment's references find its order.
    expect(listOrdersPage({ q: manual.paymentId }).map((o) => o.id)).toEqual([manual.orderId]);
    expect(listOrdersForUser("nobody")).toEqual([]);
  });
});
