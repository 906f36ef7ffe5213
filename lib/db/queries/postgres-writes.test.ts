import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newOrderId } from "@/lib/ids";
import { postgresAvailable, startThrowawayPostgres } from "@/lib/testing/throwaway-postgres.mjs";

/**
 * The shop's writes on PostgreSQL, raced on separate connections of the pool (as two instances'
 * connections would race): the named queries lock what they decide on, so the guarantees SQLite
 * gives by its one writer hold here too. The queries are imported once DATABASE_URL names the
 * throwaway cluster (the dialect is chosen when lib/db/tables.ts loads).
 */
const PORT = Number(process.env.POSTGRES_TEST_PORT ?? 5433) + 8;

type Queries = {
  orders: typeof import("./orders");
  payments: typeof import("./payments");
  credentials: typeof import("./credentials");
  transitions: typeof import("@/lib/payments/transitions");
  client: typeof import("../client");
  shared: typeof import("./shared-state");
  payAttempts: typeof import("@/lib/payments/pay-attempts");
};

describe.skipIf(!postgresAvailable())("the shop's writes on PostgreSQL, raced", () => {
  let cluster: ReturnType<typeof startThrowawayPostgres>;
  let q: Queries;

  beforeAll(async () => {
    cluster = startThrowawayPostgres({ port: PORT, databases: ["shop"] });
    process.env.DATABASE_URL = cluster.urls.shop;
    process.env.DATABASE_POOL_SIZE = "12";
    q = {
      orders: await import("./orders"),
      payments: await import("./payments"),
      credentials: await import("./credentials"),
      transitions: await import("@/lib/payments/transitions"),
      client: await import("../client"),
      shared: await import("./shared-state"),
      payAttempts: await import("@/lib/payments/pay-attempts"),
    };
    expect(q.client.shopDialect()).toBe("postgres");
  }, 60_000);

  afterAll(async () => {
    await q?.client.closeShopDatabase();
    delete process.env.DATABASE_URL;
    cluster?.stop();
  });

  async function order(amount = 4200, checkoutToken = randomUUID()) {
    const { order } = await q.orders.insertOrderOnce({
      id: newOrderId(),
      checkoutToken,
      userId: null,
      email: "race@example.com",
      name: "Race Tester",
      addressLine: "1 Test Street",
      city: "Testville",
      postalCode: "12345",
      country: "SE",
      currency: "EUR",
      totalAmount: amount,
      items: [{ productId: "prd_merino-beanie", name: "Merino beanie", unitAmount: amount, quantity: 1 }],
    });
    return order;
  }

  const attempt = (orderId: string, amount: number, idempotencyKey = randomUUID()) => ({
    id: `pay_${randomUUID()}`,
    orderId,
    provider: "antom",
    method: "card",
    idempotencyKey,
    amount,
    currency: "EUR",
    captureMode: "automatic" as const,
  });

  it("migrates and seeds once, whoever opens it first", async () => {
    const { listProducts } = await import("./products");
    const products = await Promise.all(Array.from({ length: 5 }, () => listProducts("EUR")));
    expect(new Set(products.map((list) => list.length))).toEqual(new Set([12]));
  });

  it("twenty pay attempts of one order at once: one starts, every other is told which one is live", async () => {
    const placed = await order();
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => q.payments.claimOrderForAttempt(attempt(placed.id, placed.totalAmount))),
    );
    const created = claims.filter((claim) => claim.outcome === "created");
    expect(created).toHaveLength(1);
    const live = created[0]!.outcome === "created" ? created[0]!.payment.id : "";
    expect(
      claims
        .filter((claim) => claim.outcome === "live_attempt")
        .map((claim) => claim.outcome === "live_attempt" && claim.live.id),
    ).toEqual(Array(19).fill(live));
    expect(await q.payments.listPaymentsForOrder(placed.id)).toHaveLength(1);
    expect((await q.orders.findOrder(placed.id))!.currentPaymentId).toBe(live);
  });

  it("one pay form submitted five times at once: one attempt, the others find it", async () => {
    const placed = await order();
    const key = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => q.payments.claimOrderForAttempt(attempt(placed.id, placed.totalAmount, key))),
    );
    expect(claims.map((claim) => claim.outcome).sort()).toEqual([
      "created",
      "repeated",
      "repeated",
      "repeated",
      "repeated",
    ]);
    expect(await q.payments.listPaymentsForOrder(placed.id)).toHaveLength(1);
  });

  it("one checkout token placed five times at once: one order", async () => {
    const token = randomUUID();
    const placed = await Promise.all(Array.from({ length: 5 }, () => order(4200, token)));
    expect(new Set(placed.map((o) => o.id)).size).toBe(1);
  });

  it("fifty deliveries of one notification at once: one state change, one event", async () => {
    const placed = await order();
    const claim = await q.payments.claimOrderForAttempt(attempt(placed.id, placed.totalAmount));
    if (claim.outcome !== "created") throw new Error(claim.outcome);
    const applied = await Promise.all(
      Array.from({ length: 50 }, () =>
        q.transitions.applyPaymentEvent(
          claim.payment.id,
          { kind: "status", status: "succeeded" },
          { provider: "antom", dedupeKey: `antom:race:${claim.payment.id}`, summary: "paid", detail: null, patch: {} },
        ),
      ),
    );
    expect(applied.filter((a) => a.outcome === "moved")).toHaveLength(1);
    expect(applied.filter((a) => a.outcome === "duplicate")).toHaveLength(49);
    const events = await q.payments.listPaymentEvents(claim.payment.id);
    expect(events.filter((event) => event.type === "status_change")).toHaveLength(1);
    expect((await q.orders.findOrder(placed.id))!.status).toBe("paid");
  });

  it("ten partial refunds notified at once (each twice): the refunded amount is their sum", async () => {
    const placed = await order(10_000);
    const claim = await q.payments.claimOrderForAttempt(attempt(placed.id, placed.totalAmount));
    if (claim.outcome !== "created") throw new Error(claim.outcome);
    await q.transitions.transitionPayment(claim.payment.id, "succeeded", {}, { provider: "antom", summary: "paid" });
    const refunds = Array.from({ length: 10 }, (_, i) => i);
    await Promise.all(
      [...refunds, ...refunds].map((i) =>
        q.transitions.applyPaymentEvent(
          claim.payment.id,
          { kind: "refund", amount: 700 },
          {
            provider: "antom",
            dedupeKey: `antom:refund:${claim.payment.id}:${i}`,
            summary: "refund",
            detail: null,
            patch: {},
          },
        ),
      ),
    );
    const payment = (await q.payments.findPayment(claim.payment.id))!;
    expect(payment.refundedAmount).toBe(7_000);
    expect(payment.status).toBe("partially_refunded");
  });

  it("two attempts of one order succeeding at once: the second is recorded as a second charge, once", async () => {
    const placed = await order();
    const first = await q.payments.insertPaymentOnce(attempt(placed.id, placed.totalAmount));
    const second = await q.payments.insertPaymentOnce(attempt(placed.id, placed.totalAmount));
    await Promise.all(
      [first.payment.id, second.payment.id].map((id) =>
        q.transitions.applyPaymentEvent(
          id,
          { kind: "status", status: "succeeded" },
          { provider: "antom", dedupeKey: `antom:paid:${id}`, summary: "paid", detail: null, patch: {} },
        ),
      ),
    );
    const marked = await Promise.all([first.payment.id, second.payment.id].map((id) => q.payments.hasExtraCharge(id)));
    expect(marked.filter(Boolean)).toHaveLength(1);
    expect((await q.orders.findOrder(placed.id))!.status).toBe("paid");
  });

  it("a wallet binding activated by ten deliveries at once: moved once", async () => {
    const userId = "usr_demo_shopper";
    const credential = await q.credentials.insertCredential({
      userId,
      provider: "pingpong",
      kind: "wallet",
      token: `pending-binding:${randomUUID()}`,
      brand: `Wallet-${randomUUID().slice(0, 6)}`,
      merchantUserId: userId,
      status: "pending",
    });
    const moves = await Promise.all(
      Array.from({ length: 10 }, () =>
        q.credentials.activateWalletLink(credential.id, {
          provider: "pingpong",
          summary: "signed",
          dedupeKey: `pingpong:bind:${credential.id}`,
        }),
      ),
    );
    expect(moves.filter((move) => move.result === "moved")).toHaveLength(1);
    expect(moves.filter((move) => move.result === "duplicate")).toHaveLength(9);
    expect((await q.credentials.findCredential(credential.id))!.status).toBe("active");
  });

  it("the limit and ten more pay attempts from one address at once: exactly the limit goes through", async () => {
    const { settings } = await import("@/lib/env");
    const limit = settings().PAY_ATTEMPTS_PER_IP;
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}:${randomUUID()}`;
    const verdicts = await Promise.all(
      Array.from({ length: limit + 10 }, () => q.payAttempts.refusePayAttempt({ ip })),
    );
    expect(verdicts.filter((verdict) => verdict === undefined)).toHaveLength(limit);
  });

  it("the limit and ten more checkouts from one address at once, each counted in its order's transaction: exactly the limit's orders are placed", async () => {
    const { settings } = await import("@/lib/env");
    const { placeOrder } = await import("@/lib/orders");
    const limit = settings().PAY_ATTEMPTS_PER_IP;
    const ip = `203.0.113.${Math.floor(Math.random() * 200)}:${randomUUID()}`;
    const email = `limit-${randomUUID()}@example.com`;
    const placed = await Promise.all(
      Array.from({ length: limit + 10 }, () => {
        const checkoutToken = randomUUID();
        return placeOrder(
          {
            cart: [{ productId: "prd_merino-beanie", quantity: 1 }],
            currency: "EUR",
            contact: {
              email,
              name: "Limit Tester",
              addressLine: "1 Test Street",
              city: "Testville",
              postalCode: "12345",
              country: "SE",
            },
            userId: null,
            checkoutToken,
          },
          (tx) => q.payAttempts.refusePayAttempt({ guestKey: `checkout:${checkoutToken}`, ip }, tx),
        );
      }),
    );
    expect(placed.filter((answer) => !("refused" in answer))).toHaveLength(limit);
    const { orders } = await import("../tables");
    const { eq } = await import("drizzle-orm");
    const rows = await (await q.client.db()).select({ id: orders.id }).from(orders).where(eq(orders.email, email));
    expect(rows).toHaveLength(limit);
    // The address has used its limit: the next attempt is refused as well.
    expect(await q.payAttempts.refusePayAttempt({ ip })).toBeDefined();
  });

  it("fifty refused notifications counted at once: fifty", async () => {
    const provider = `provider-${randomUUID().slice(0, 8)}`;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => q.shared.countNotification("refused", provider, 401, `bad signature ${i}`)),
    );
    const [row] = (await q.shared.listNotificationCounts("refused")).filter((count) => count.provider === provider);
    expect(row!.count).toBe(50);
  });

  it("ten instances asking for one lease at once: one holds it, and nobody before it lapses", async () => {
    const name = `lease-${randomUUID()}`;
    const until = new Date(Date.now() + 60_000);
    const taken = await Promise.all(
      Array.from({ length: 10 }, (_, i) => q.shared.takeLease(name, `instance-${i}`, until)),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = `instance-${taken.indexOf(true)}`;
    expect(await q.shared.takeLease(name, "late-instance", until)).toBe(false);
    await q.shared.endLease(name, holder);
    expect(await q.shared.takeLease(name, "late-instance", until)).toBe(true);
  });
});
