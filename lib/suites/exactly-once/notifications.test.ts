// @module-tag emulator-internals
// Exactly once: however often, in whatever order and alongside whatever else a notification
// comes, it moves a payment once; late ones never move it backwards; terminal states never move.
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { listPaymentEvents } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite } from "@/lib/sqlite";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";
import { consoleCounts, normalisedPayment, seededRandom, shopRowCounts } from "@/lib/testing/shop-observations";
import {
  DRIVERS,
  paymentNow,
  post,
  PROVIDERS,
  type NotificationRequest,
  type Outcome,
  type TestPayment,
} from "@/lib/testing/proof-drivers";

afterAll(() => {
  closeSqlite(process.env.DATABASE_PATH!);
  closeSqlite(process.env.EMULATOR_DATABASE_PATH!);
});

/** Status changes after the test's set-up (which is one status change itself). */
const changesAfterSetUp = async (payment: TestPayment) =>
  (await listPaymentEvents(payment.id)).filter((e) => e.type === "status_change" && e.summary !== "test set-up");
const keyedNotifications = async (payment: TestPayment) =>
  (await listPaymentEvents(payment.id)).filter((e) => e.type === "notification" && e.dedupeKey !== null);

/** Runs `tasks` with at most `limit` at once. */
async function withConcurrency<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

describe.each(PROVIDERS)("%s: the same notification 50 times at concurrency 10", (provider) => {
  it("makes one state change and one recorded notification, and every delivery is acknowledged", async () => {
    const driver = DRIVERS[provider];
    const payment = await driver.create({ amount: 4200, currency: "USD", status: "requires_action" });
    const notification = await driver.notification(payment, "succeeded");
    const rows = await shopRowCounts();
    const counted = await consoleCounts(provider);
    const answers = await withConcurrency(
      10,
      Array.from({ length: 50 }, () => () => post(provider, notification)),
    );
    for (const answer of answers) expect(driver.isAck(answer), `${answer.status} ${answer.text}`).toBe(true);
    const changes = await changesAfterSetUp(payment);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ fromStatus: "requires_action", toStatus: "succeeded" });
    expect(await keyedNotifications(payment)).toHaveLength(1);
    // Its notification and its status change, nothing else in any table: the 49 others are counted, not stored.
    expect(await shopRowCounts()).toEqual({ ...rows, payment_events: rows.payment_events + 2 });
    expect(await consoleCounts(provider)).toEqual({ ...counted, unchanged: counted.unchanged + 49 });
    expect(await paymentNow(payment)).toMatchObject({ status: "succeeded", capturedAmount: 4200 });
    expect((await findOrder(payment.orderId))!.status).toBe("paid");
  });
});

describe("100 seeded random interleavings of return redirect, notification and page polls", () => {
  const seed = Number(process.env.PROOF_SEED ?? Date.now() % 2 ** 31);
  it(
    `end in one transition and the same final row every time (seed ${seed}; rerun with PROOF_SEED=${seed})`,
    { timeout: 240_000 },
    async () => {
      console.log(`exactly-once interleavings: seed ${seed} (PROOF_SEED=${seed} replays them)`);
      const random = seededRandom(seed);
      const finals = new Set<string>();
      for (let run = 0; run < 100; run++) {
        const provider = PROVIDERS[run % PROVIDERS.length];
        const driver = DRIVERS[provider];
        const payment = await driver.create({ amount: 2500, currency: "USD", status: "requires_action" });
        const notification = await driver.notification(payment, "succeeded");
        type Step = { name: string; fire: () => Promise<{ status: number; text: string }> };
        const get = async (path: string) => {
          const response = await fetch(`${serverUrl()}${path}`, { redirect: "manual" });
          return { status: response.status, text: await response.text() };
        };
        const steps: Step[] = [
          { name: "return", fire: () => get(`/orders/${payment.orderId}?attempt=${payment.id}`) },
          { name: "notification", fire: () => post(provider, notification) },
          { name: "redelivery", fire: () => post(provider, notification) },
          { name: "poll", fire: () => get(`/api/orders/${payment.orderId}/status`) },
          { name: "poll", fire: () => get(`/api/orders/${payment.orderId}/status`) },
        ];
        // Fisher-Yates with the seeded generator, then fired in that order without waiting for answers.
        for (let i = steps.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [steps[i], steps[j]] = [steps[j], steps[i]];
        }
        const pending: Promise<{ name: string; status: number; text: string }>[] = [];
        for (const step of steps) {
          pending.push(step.fire().then((answer) => ({ name: step.name, ...answer })));
          const gap = Math.floor(random() * 3);
          if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
        }
        const answers = await Promise.all(pending);
        const order = steps.map((s) => s.name).join(",");
        for (const answer of answers) {
          if (answer.name === "notification" || answer.name === "redelivery")
            expect(driver.isAck(answer), `${provider} run ${run} (${order}): ${answer.status} ${answer.text}`).toBe(
              true,
            );
          else expect(answer.status, `${provider} run ${run} (${order}) ${answer.name}`).toBe(200);
          if (answer.name === "poll")
            expect(["pending", "paid"]).toContain((JSON.parse(answer.text) as { status: string }).status);
        }
        const changes = await changesAfterSetUp(payment);
        expect(changes, `${provider} run ${run} (${order})`).toHaveLength(1);
        expect(changes[0]).toMatchObject({ fromStatus: "requires_action", toStatus: "succeeded" });
        expect(await keyedNotifications(payment)).toHaveLength(1);
        expect((await findOrder(payment.orderId))!.status).toBe("paid");
        finals.add(JSON.stringify(normalisedPayment(await paymentNow(payment))));
      }
      // Every run, every provider, every order of arrival: the same final payment row.
      expect([...finals]).toHaveLength(1);
      expect(JSON.parse([...finals][0])).toMatchObject({
        status: "succeeded",
        amount: 2500,
        currency: "USD",
        capturedAmount: 2500,
        refundedAmount: 0,
        failureCode: null,
        nextActionType: "none",
      });
    },
  );
});

/** Sends `outcome` and answers the HTTP status; the payment must not have changed status unless `to` says so. */
async function deliver(payment: TestPayment, outcome: Outcome) {
  const driver = DRIVERS[payment.provider];
  return post(payment.provider, await driver.notification(payment, outcome));
}

/**
 * A notification that can change nothing: a stale one (the payment has moved past what it
 * reports) is acknowledged and counted as a redelivery that changed nothing; a contradiction (what
 * it reports can never follow the payment's state) is refused with 422 and counted as refused.
 * Either way no row in any table, and the payment row as it was.
 */
async function changesNothing(
  payment: TestPayment,
  request: NotificationRequest | Outcome,
  kind: "stale" | "contradiction",
) {
  const driver = DRIVERS[payment.provider];
  const row = await paymentNow(payment);
  const rows = await shopRowCounts();
  const counted = await consoleCounts(payment.provider);
  const answer = typeof request === "string" ? await deliver(payment, request) : await post(payment.provider, request);
  if (kind === "stale") expect(driver.isAck(answer), `${answer.status} ${answer.text}`).toBe(true);
  else expect(answer.status, answer.text).toBe(422);
  expect(await shopRowCounts()).toEqual(rows);
  expect(await paymentNow(payment)).toEqual(row);
  expect(await consoleCounts(payment.provider)).toEqual(
    kind === "stale" ? { ...counted, unchanged: counted.unchanged + 1 } : { ...counted, refused: counted.refused + 1 },
  );
}

describe.each(PROVIDERS)("%s: out-of-order notifications never move a payment backwards", (provider) => {
  const driver = DRIVERS[provider];
  const { staleProgress } = driver;

  // Only for a provider that notifies progress (a PROCESSING) a success can leave behind.
  if (staleProgress)
    it("a PROCESSING after the success is acknowledged, counted and not stored", async () => {
      const payment = await driver.create({ amount: 1500, currency: "USD", status: "requires_action" });
      const success = await driver.notification(payment, "succeeded");
      expect(driver.isAck(await post(provider, success))).toBe(true);
      await changesNothing(payment, await staleProgress(payment), "stale");
      expect((await paymentNow(payment)).status).toBe("succeeded");
      expect(await changesAfterSetUp(payment)).toHaveLength(1);
    });

  it("a success for a failed payment can never follow: refused (422), nothing written, not even the provider's id", async () => {
    const payment = await driver.create({ amount: 1500, currency: "USD", status: "failed" });
    await changesNothing(payment, "succeeded", "contradiction");
    expect(await paymentNow(payment)).toMatchObject({ status: "failed", providerPaymentId: null });
  });
});

describe.each(PROVIDERS.filter((p) => DRIVERS[p].outcomes.includes("refunded")))(
  "%s: refunds out of place",
  (provider) => {
    const driver = DRIVERS[provider];

    it("a refund of a failed payment can never follow: refused (422), nothing written, not even the provider's id", async () => {
      // A refund that names only the provider's payment id needs the shop to have that id to find the payment.
      const payment = await driver.create({
        amount: 1500,
        currency: "USD",
        status: "failed",
        withRef: driver.refundsNameOnlyItsId === true,
      });
      const before = await paymentNow(payment);
      await changesNothing(payment, "refunded", "contradiction");
      expect(await paymentNow(payment)).toMatchObject({
        status: "failed",
        providerPaymentId: before.providerPaymentId,
        refundedAmount: 0,
      });
    });

    it("a success after the refund is stale: acknowledged, counted and not stored", async () => {
      const payment = await driver.create({ amount: 1500, currency: "USD", status: "succeeded", withRef: true });
      await transitionPayment(payment.id, "refunded", { refundedAmount: 1500 }, { provider, summary: "test set-up" });
      await changesNothing(payment, "succeeded", "stale");
      expect(await paymentNow(payment)).toMatchObject({ status: "refunded", refundedAmount: 1500 });
    });
  },
);

describe.each(PROVIDERS.filter((p) => DRIVERS[p].outcomes.includes("refunded")))(
  "%s: a notification that comes before the one it follows",
  (provider) => {
    const driver = DRIVERS[provider];

    it("a refund before the success waits (not acknowledged, nothing written) and applies once the success has come", async () => {
      // With the provider's reference, as after its first answer (some refunds name only the provider's id).
      const payment = await driver.create({ amount: 1500, currency: "USD", status: "requires_action", withRef: true });
      const before = (await listPaymentEvents(payment.id)).length;
      const early = await deliver(payment, "refunded");
      expect(early.status).toBe(409);
      expect(driver.isAck(early)).toBe(false);
      expect((await paymentNow(payment)).status).toBe("requires_action");
      expect(await listPaymentEvents(payment.id)).toHaveLength(before);
      expect(driver.isAck(await deliver(payment, "succeeded"))).toBe(true);
      // The provider's redelivery of the refund, now in its place.
      expect(driver.isAck(await deliver(payment, "refunded"))).toBe(true);
      expect(await paymentNow(payment)).toMatchObject({ status: "refunded" });
      expect((await changesAfterSetUp(payment)).map((e) => e.toStatus)).toEqual(["succeeded", "refunded"]);
      // And a late success after the refund never brings the payment back.
      expect(driver.isAck(await deliver(payment, "succeeded"))).toBe(true);
      expect((await paymentNow(payment)).status).toBe("refunded");
    });
  },
);

describe.each(PROVIDERS.filter((p) => DRIVERS[p].outcomes.includes("captured")))(
  "%s: a capture notified twice",
  (provider) => {
    const driver = DRIVERS[provider];

    it("a second capture changes nothing", async () => {
      const payment = await driver.create({
        amount: 1500,
        currency: "USD",
        status: "authorized",
        captureMode: "manual",
        withRef: true,
      });
      expect(driver.isAck(await deliver(payment, "captured"))).toBe(true);
      expect(await paymentNow(payment)).toMatchObject({ status: "succeeded", capturedAmount: 1500 });
      expect(driver.isAck(await deliver(payment, "captured"))).toBe(true);
      expect(await paymentNow(payment)).toMatchObject({ status: "succeeded", capturedAmount: 1500 });
      expect(await changesAfterSetUp(payment)).toHaveLength(1);
    });
  },
);

/**
 * Later outcomes that can never follow each terminal state (refused with 422); every other later
 * one reports a state the payment has moved past (stale: acknowledged). The state machine has no
 * way from processing to expired, so a PROCESSING after the expiry is a contradiction too.
 */
const CONTRADICTIONS: Record<string, Outcome[]> = {
  failed: ["succeeded", "refunded", "canceled", "expired", "captured"],
  expired: ["processing", "succeeded", "failed", "refunded", "canceled", "captured"],
  canceled: ["succeeded", "failed", "refunded", "expired", "captured"],
  refunded: ["failed", "canceled", "expired"],
};

describe.each(PROVIDERS)("%s: terminal states never move", (provider) => {
  const driver = DRIVERS[provider];
  it.each(driver.terminals.map((t) => [t.reach, t.from] as const))(
    "%s (from %s) stays on every later notification, which writes nothing",
    async (terminal, from) => {
      const payment = await driver.create({ amount: 1800, currency: "USD", status: from, withRef: true });
      const reached = await deliver(payment, terminal);
      expect(driver.isAck(reached), `${reached.status} ${reached.text}`).toBe(true);
      expect((await paymentNow(payment)).status).toBe(terminal);
      // Ping's GET now says something else (it should not, but the shop must not follow).
      for (const later of driver.outcomes.filter((o) => o !== terminal)) {
        await changesNothing(payment, later, CONTRADICTIONS[terminal].includes(later) ? "contradiction" : "stale");
      }
      expect(await changesAfterSetUp(payment)).toHaveLength(1);
    },
  );
});
