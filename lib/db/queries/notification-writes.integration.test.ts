// @module-tag shop
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { applyPaymentEvent, transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite, openSqlite } from "@/lib/sqlite";
import { createTestPayment } from "@/lib/testing/shop-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

/** The detail column as SQLite holds it (the prepared writes encode it themselves). */
function rawDetails(paymentId: string): { type: string; detail: string | null }[] {
  const { sqlite } = openSqlite(process.env.DATABASE_PATH!);
  return sqlite.prepare("SELECT type, detail FROM payment_events WHERE payment_id = ? ORDER BY id").all(paymentId) as {
    type: string;
    detail: string | null;
  }[];
}

// The notification path's writes are prepared statements (lib/db/queries/payments.ts): they must
// write what drizzle's query builder wrote before, value for value.
describe("the notification path's prepared writes", () => {
  it("apply a notification once: the row, its events (JSON detail, or NULL), and the order's status", async () => {
    const { id, orderId } = await createTestPayment({
      provider: "lesspay",
      amount: 2500,
      currency: "SEK",
      status: "requires_action",
      providerPaymentId: `LP-${randomUUID()}`,
    });
    const dedupeKey = `lesspay:test:${randomUUID()}`;
    const paid = { kind: "status", status: "succeeded" } as const;
    const notification = {
      provider: "lesspay",
      dedupeKey,
      summary: "paid",
      detail: { tradeStatus: "SUCCESS", amount: 2500 },
      patch: { failureCode: null, nextActionType: "none" as const, nextActionUrl: null },
    };
    const first = await applyPaymentEvent(id, paid, notification);
    expect(first.outcome).toBe("moved");
    const payment = (await findPayment(id))!;
    expect(payment).toMatchObject({
      status: "succeeded",
      capturedAmount: 2500,
      failureCode: null,
      nextActionType: "none",
      nextActionUrl: null,
    });
    expect((await findOrder(orderId))?.status).toBe("paid");
    // The redelivery changes nothing.
    expect((await applyPaymentEvent(id, paid, notification)).outcome).toBe("duplicate");
    const events = (await listPaymentEvents(id)).filter((e) => e.summary !== "test set-up");
    expect(events.filter((e) => e.type === "status_change" && e.toStatus === "succeeded")).toHaveLength(1);
    expect(events.find((e) => e.dedupeKey === dedupeKey)?.detail).toEqual(notification.detail);
    // NULL, not the JSON text "null", where there is no detail.
    const raw = rawDetails(id);
    expect(raw.filter((row) => row.type === "status_change").map((row) => row.detail)).toEqual([null, null]);
    expect(
      JSON.parse(raw.find((row) => row.type === "notification" && row.detail?.includes("tradeStatus"))!.detail!),
    ).toEqual(notification.detail);
  });

  it("moves only from a state that allows the target, whatever fields the move patches", async () => {
    // Left in `created` (the set-up's own move to `created` is refused).
    const { id } = await createTestPayment({
      provider: "antom",
      amount: 900,
      currency: "EUR",
      status: "created",
      providerPaymentId: `AN-${randomUUID()}`,
    });
    const expires = new Date(Date.now() + 60_000);
    /** The move to a 3-D Secure challenge at `url`, with its expiry and the provider's data. */
    const toChallenge = async (url: string, summary: string) =>
      await transitionPayment(
        id,
        "requires_action",
        {
          nextActionType: "redirect",
          nextActionUrl: url,
          nextActionExpiresAt: expires,
          providerData: { vendorReference: "ref-1" },
        },
        { provider: "antom", summary },
      );
    const moved = await toChallenge("https://example.com/3ds", "challenge");
    expect(moved.changed).toBe(true);
    expect(await findPayment(id)).toMatchObject({
      status: "requires_action",
      nextActionUrl: "https://example.com/3ds",
      nextActionExpiresAt: expires,
      providerData: { vendorReference: "ref-1" },
    });
    const failed = await transitionPayment(
      id,
      "failed",
      { failureCode: "DECLINED", failureMessage: "Declined" },
      { provider: "antom", summary: "declined" },
    );
    expect(failed.changed).toBe(true);
    // Terminal: the same prepared compare-and-set refuses to move it again.
    const back = await toChallenge("https://example.com/other", "again");
    expect(back).toMatchObject({ changed: false, from: "failed" });
    expect(await findPayment(id)).toMatchObject({
      status: "failed",
      failureCode: "DECLINED",
      nextActionUrl: "https://example.com/3ds",
    });
  });
});
