// @module-tag emulator-internals
// Two instances serving the emulators from one PostgreSQL database: each one's outbox worker looks
// for due notifications, and every attempt is sent once. An attempt sent by both would leave two
// attempt rows (the view's deliveries) where the notification counts one (each sender writes the
// count it read plus one).
import { describe, expect, it } from "vitest";
import { CARDS, newOrder, paymentUntil, startAttempt } from "@/lib/testing/attempt-fixtures";
import { waitForNotifications } from "@/lib/testing/control-fixtures";

describe("the emulators' outbox, served by two instances", () => {
  it("sends each attempt of every notification once", { timeout: 60_000 }, async () => {
    const payments = await Promise.all(
      Array.from({ length: 12 }, async () => startAttempt(await newOrder("antom"), "antom", "card", CARDS.approve)),
    );
    for (const payment of payments) await paymentUntil(payment.id, (p) => p.status === "succeeded", "paid");
    const notifications = (
      await Promise.all(
        payments.map((payment) =>
          waitForNotifications(
            "antom",
            payment.id,
            (list) => list.length > 0 && list.every((n) => n.status !== "pending"),
          ),
        ),
      )
    ).flat();
    const counted = notifications.map((n) => ({ id: n.id, attempts: n.attempts, rows: n.deliveries.length }));
    expect(counted.length).toBeGreaterThanOrEqual(payments.length);
    expect(counted.filter((row) => row.rows !== row.attempts)).toEqual([]);
    expect(counted.every((row) => row.attempts >= 1)).toBe(true);
  });
});
