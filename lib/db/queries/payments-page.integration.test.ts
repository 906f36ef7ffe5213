// @module-tag shop
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { insertOrderOnce } from "@/lib/db/queries/orders";
import { insertPaymentOnce, listPaymentsPage } from "@/lib/db/queries/payments";
import { newOrderId, newPaymentId } from "@/lib/ids";
import { closeSqlite } from "@/lib/sqlite";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

describe("the console's payments pages", () => {
  it("walks every matching payment once, newest first, with a keyset cursor", async () => {
    const email = `paging-${randomUUID().slice(0, 8)}@example.com`;
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const orderId = newOrderId();
      await insertOrderOnce({
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
        totalAmount: 100 + i,
        items: [{ productId: "prd_merino-beanie", name: "B", unitAmount: 100 + i, quantity: 1 }],
      });
      created.push(
        (
          await insertPaymentOnce({
            id: newPaymentId(),
            orderId,
            provider: "lesspay",
            method: "card",
            idempotencyKey: randomUUID(),
            amount: 100 + i,
            currency: "SEK",
          })
        ).payment.id,
      );
    }
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listPaymentsPage({ q: email }, after, 3);
      if (page.length === 0) break;
      seen.push(...page.map((p) => p.id));
      const last = page.at(-1)!;
      after = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created));
    const times = (await listPaymentsPage({ q: email }, undefined, 10)).map((p) => p.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by provider, status and currency together", async () => {
    const rows = await listPaymentsPage({ provider: "lesspay", status: "created", currency: "SEK" }, undefined, 20);
    for (const row of rows) expect(row).toMatchObject({ provider: "lesspay", status: "created", currency: "SEK" });
  });
});
