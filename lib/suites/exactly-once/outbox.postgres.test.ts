// @module-tag emulator-internals
// Two instances serving the emulators from one database: each one's outbox worker looks for due
// notifications, and every attempt is sent once. An attempt sent by both would leave two attempt
// rows where the notification counts one (each sender writes the count it read plus one).
import Database from "better-sqlite3";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CARDS, newOrder, paymentUntil, startAttempt } from "@/lib/testing/attempt-fixtures";
import { waitForNotifications } from "@/lib/testing/control-fixtures";

/** Per notification of the emulators: the attempts it counts and the attempt rows it has. */
function attemptsPerNotification(ids: readonly number[]): { id: number; attempts: number; rows: number }[] {
  const file = resolve(process.cwd(), process.env.EMULATOR_DATABASE_PATH!);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(
        `select o.id, o.attempts, (select count(*) from outbox_attempts a where a.outbox_id = o.id) as rows
         from outbox o where o.id in (${ids.map(() => "?").join(",")}) order by o.id`,
      )
      .all(...ids) as { id: number; attempts: number; rows: number }[];
  } finally {
    sqlite.close();
  }
}

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
    const counted = attemptsPerNotification(notifications.map((n) => n.id));
    expect(counted).toHaveLength(notifications.length);
    expect(counted.filter((row) => row.rows !== row.attempts)).toEqual([]);
    expect(counted.every((row) => row.attempts >= 1)).toBe(true);
  });
});
