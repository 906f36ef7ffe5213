// Public mode: the credentials published in .env.example sign nothing. The deployment generated
// its own at first start (data/test-public-mode/deployment-secrets.json): the emulators take
// requests signed with those, and the shop believes notifications signed with those, only.
import { afterAll, describe, expect, it } from "vitest";
import { transitionPayment } from "@/lib/payments/transitions";
import { DEMO_USERS } from "@/lib/db/seed";
import { everyDeploymentSecret } from "@/lib/deployment-check";
import { closeSqlite } from "@/lib/sqlite";
import { cashierBody, lesspayCall } from "@/lib/testing/lesspay-fixtures";
import { DRIVERS, paymentNow, post, type TestPayment } from "@/lib/testing/proof-drivers";
import { lesspayPayload, lesspayRequest } from "@/lib/emulators/lesspay/proof-driver";
import { pingPongAmount, pingPongEnvelope } from "@/lib/emulators/pingpong/proof-driver";
import { EMULATOR_SPLIT_TREE_ID, EMULATOR_TENANT, pingApi } from "@/lib/testing/pingpayments-fixtures";
import { envelope, pingpongApi } from "@/lib/testing/pingpong-fixtures";
import { publicModeDemoAccount, publicModeSecret } from "@/lib/testing/public-mode";
import { csrfOverHttp, postCredentials } from "@/lib/testing/web-fixtures";

const created: TestPayment[] = [];

afterAll(async () => {
  for (const payment of created)
    await transitionPayment(payment.id, "failed", {}, { provider: payment.provider, summary: "test clean-up" });
  closeSqlite(process.env.DATABASE_PATH!);
});

describe("the emulators in public mode", () => {
  it("generated credentials of their own, not the published ones", () => {
    const secrets = everyDeploymentSecret();
    expect(secrets.map((secret) => secret.name)).toEqual(
      expect.arrayContaining(["pingpong-salt", "lesspay-app-secret", "pingpayments-api-secret"]),
    );
    for (const { name, published } of secrets) {
      if (published !== undefined) expect(publicModeSecret(name), name).not.toBe(published);
    }
    // All made at start, so whoever runs the deployment finds them in one file.
    for (const { name } of secrets) expect(publicModeSecret(name).length, name).toBeGreaterThanOrEqual(24);
  });

  it("Lesspay refuses a create-order signed with the published app secret and takes the deployment's", async () => {
    const published = await lesspayCall("create-order", cashierBody());
    expect(published.status).toBe(401);
    const own = await lesspayCall("create-order", cashierBody(), { secret: publicModeSecret("lesspay-app-secret") });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });

  it("PingPong refuses a request signed with the published salt and takes the deployment's", async () => {
    const query = { merchantTransactionId: `public-${Date.now()}` };
    const published = await pingpongApi("/v4/transaction/query", envelope(query));
    expect(published.body.code).toBe("100002");
    const own = await pingpongApi("/v4/transaction/query", envelope(query, {}, publicModeSecret("pingpong-salt")));
    expect(own.body.code).not.toBe("100002");
  });

  it("Ping Payments refuses the published API secret and takes the deployment's", async () => {
    const order = { split_tree_id: EMULATOR_SPLIT_TREE_ID, currency: "SEK" };
    expect((await pingApi("POST", "/payment_orders", order)).status).toBe(403);
    const own = await pingApi("POST", "/payment_orders", order, {
      ...EMULATOR_TENANT,
      "x-api-secret": publicModeSecret("pingpayments-api-secret"),
    });
    expect(own.status).toBe(200);
  });
});

describe("the shop in public mode", () => {
  it.each(["operator", "shopper"] as const)(
    "signs no one in as the %s with the README's password; the deployment's own works",
    async (role) => {
      const published = DEMO_USERS.find((user) => user.role === role)!;
      const refused = await postCredentials(published, await csrfOverHttp());
      expect(refused.cookie).not.toMatch(/session-token=/);
      const own = await postCredentials(publicModeDemoAccount(role), await csrfOverHttp());
      expect(own.cookie).toMatch(/session-token=/);
    },
  );

  it("does not believe a PingPong SUCCESS signed with the published salt", async () => {
    const payment = await DRIVERS.pingpong.create({ amount: 2599, currency: "USD", status: "requires_action" });
    created.push(payment);
    const biz = {
      merchantTransactionId: payment.id,
      transactionId: payment.ref,
      amount: pingPongAmount(payment.amount, payment.currency),
      currency: payment.currency,
      notifyType: "PAYMENT",
      status: "SUCCESS",
      captureDelayHours: 0,
    };
    const forged = await post("pingpong", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(pingPongEnvelope(biz)),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect((await paymentNow(payment)).status).toBe("requires_action");
  });

  it("does not believe a Lesspay SUCCEED signed with the published app secret", async () => {
    const payment = await DRIVERS.lesspay.create({ amount: 2599, currency: "USD", status: "requires_action" });
    created.push(payment);
    const forged = await post("lesspay", lesspayRequest(lesspayPayload(payment, "succeeded")));
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect((await paymentNow(payment)).status).toBe("requires_action");
  });
});
