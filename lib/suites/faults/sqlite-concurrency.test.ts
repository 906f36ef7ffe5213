// @module-tag emulator-internals
// SQLite under concurrent writes: notifications for many payments (and redeliveries), order status
// polls that reconcile, checkouts that start payments, all at once against the server, while this
// process writes to the same database file. No busy error reaches a shopper or a provider: every
// answer is the expected 2xx/3xx/4xx, and the server's log has no SQLITE_BUSY or "database is locked".
import { randomUUID } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPayment, recordPaymentEvent } from "@/lib/db/queries/payments";
import { proofDriver as pingpong } from "@/lib/emulators/pingpong/proof-driver";
import { transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite } from "@/lib/sqlite";
import { serverUrl } from "@/lib/testing/control-fixtures";
import { sleep } from "@/lib/testing/fault-fixtures";
import { checkoutForm } from "@/lib/testing/server-action";
import { actionId, postAction } from "@/lib/testing/web-fixtures";
import { createTestOrder, createTestPayment } from "@/lib/testing/shop-fixtures";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

const LOG = join(process.cwd(), "data/test-integration/server.log");
const BUSY = /SQLITE_BUSY|database is locked/i;

/** What the server logged since `offset`. */
function logSince(offset: number): string {
  const size = statSync(LOG).size;
  if (size <= offset) return "";
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(LOG, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

/** PingPong's signed notification that the payment of 19.99 USD succeeded (its proof driver's). */
async function pingPongNotification(id: string, ref: string): Promise<string> {
  const payment = { id, orderId: "", provider: "pingpong", ref, amount: 1999, currency: "USD" };
  return (await pingpong.notification(payment, "succeeded")).body;
}

describe("SQLite under concurrent writes", () => {
  it("no busy error reaches a shopper or a provider", { timeout: 120_000 }, async () => {
    const offset = statSync(LOG).size;
    const base = serverUrl();
    const payments = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const transactionId = `TXC${Date.now()}${i}${Math.floor(Math.random() * 1000)}`;
        const { id, orderId } = await createTestPayment({
          provider: "pingpong",
          amount: 1999,
          currency: "USD",
          status: "requires_action",
          providerPaymentId: transactionId,
        });
        return { id, orderId, transactionId };
      }),
    );
    const checkoutAction = actionId("app/(shop)/checkout/actions.ts", "placeOrderAndPay");

    const answers: { what: string; status: number }[] = [];
    const track = async (what: string, request: Promise<Response>) => {
      const response = await request;
      await response.arrayBuffer();
      answers.push({ what, status: response.status });
    };

    // Writers in this process: new orders, events and moves on the same file, while the server writes.
    let writing = true;
    const localWrites = (async () => {
      let count = 0;
      while (writing) {
        const orderId = await createTestOrder({ amount: 500, currency: "USD" });
        const { id } = await createTestPayment({
          provider: "lesspay",
          amount: 500,
          currency: "USD",
          status: "processing",
          providerPaymentId: `LP${randomUUID()}`,
        });
        await recordPaymentEvent({
          paymentId: id,
          provider: "lesspay",
          type: "error",
          summary: `concurrency test write ${count} (${orderId})`,
          detail: null,
        });
        await transitionPayment(id, "succeeded", {}, { provider: "lesspay", summary: "concurrency test" });
        count++;
        await sleep(2);
      }
      return count;
    })();

    const requests: Promise<void>[] = [];
    for (const payment of payments) {
      const body = await pingPongNotification(payment.id, payment.transactionId);
      // Each notification twice (a redelivery racing the first), plus the order page's polls.
      for (let copy = 0; copy < 2; copy++)
        requests.push(
          track(
            "notification",
            fetch(`${base}/api/webhooks/pingpong`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body,
            }),
          ),
        );
      requests.push(track("status poll", fetch(`${base}/api/orders/${payment.orderId}/status`)));
    }
    for (let i = 0; i < 8; i++) {
      const { fields, cookie } = checkoutForm("lesspay:cashier", randomUUID());
      requests.push(
        track("checkout", postAction({ page: "/checkout", id: checkoutAction, fields, withState: true, cookie }, base)),
      );
    }
    await Promise.all(requests);
    writing = false;
    const localCount = await localWrites;

    expect(localCount).toBeGreaterThan(0);
    const unexpected = answers.filter((a) => a.status >= 500 || a.status < 200);
    expect(unexpected).toEqual([]);
    expect(answers.filter((a) => a.what === "notification").every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.what === "status poll").every((a) => a.status === 200)).toBe(true);
    for (const payment of payments) expect((await findPayment(payment.id))!.status).toBe("succeeded");
    expect(logSince(offset)).not.toMatch(BUSY);
  });
});
