// @module-tag shop
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listOrdersForUser, listOrdersPage } from "@/lib/db/queries/orders";
import { closeSqlite } from "@/lib/sqlite";
import { createTestPayment } from "@/lib/testing/shop-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

/** An order of `email` with one Antom payment: still created, or authorized with its capture mode. */
async function orderWithPayment(email: string, authorized?: "manual" | "automatic") {
  const { id, orderId } = await createTestPayment({
    provider: "antom",
    amount: 100,
    currency: "SEK",
    status: authorized ? "authorized" : "created",
    providerPaymentId: `antom-${randomUUID()}`,
    captureMode: authorized ?? "automatic",
    email,
  });
  return { orderId, paymentId: id };
}

describe("the console's orders pages", () => {
  it("walks every matching order once, newest first, with a keyset cursor", async () => {
    const email = `order-paging-${randomUUID().slice(0, 8)}@example.com`;
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await orderWithPayment(email)).orderId);
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listOrdersPage({ q: email }, after, 3);
      if (page.length === 0) break;
      seen.push(...page.map((o) => o.id));
      after = page.at(-1)!;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
    const times = (await listOrdersPage({ q: email }, undefined, 10)).map((o) => o.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("an authorized order is not paid: manual capture is To capture, a provider's own later capture apart", async () => {
    const email = `order-states-${randomUUID().slice(0, 8)}@example.com`;
    const manual = await orderWithPayment(email, "manual");
    const automatic = await orderWithPayment(email, "automatic");
    const open = await orderWithPayment(email);
    const states = Object.fromEntries((await listOrdersPage({ q: email })).map((o) => [o.id, o.state]));
    expect(states).toEqual({
      [manual.orderId]: "to_capture",
      [automatic.orderId]: "capture_pending",
      [open.orderId]: "pending",
    });
    expect((await listOrdersPage({ q: email, state: "to_capture" })).map((o) => o.id)).toEqual([manual.orderId]);
    expect(await listOrdersPage({ q: email, state: "paid" })).toEqual([]);
    expect((await listOrdersPage({ state: "to_capture" }, undefined, 500)).every((o) => o.state === "to_capture")).toBe(
      true,
    );
    // A payment's references find its order.
    expect((await listOrdersPage({ q: manual.paymentId })).map((o) => o.id)).toEqual([manual.orderId]);
    expect(await listOrdersForUser("nobody")).toEqual([]);
  });
});
