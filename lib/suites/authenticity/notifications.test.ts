// @module-tag emulator-internals
// Authenticity: a notification the shop cannot believe is refused with the provider's status,
// writes no row in any table of the shop's database, and leaves the payment as it was.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findCredential, insertCredential } from "@/lib/db/queries/credentials";
import { transitionPayment } from "@/lib/payments/transitions";
import { antomKey } from "@/lib/providers/antom/dev-keys";
import { closeSqlite } from "@/lib/sqlite";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";
import { antomPayload, antomRequest } from "@/lib/emulators/antom/proof-driver";
import { consoleCounts, operatorCookie, serverRequestsSoFar, shopRowCounts } from "@/lib/testing/shop-observations";
import {
  DRIVERS,
  paymentNow,
  post,
  PROVIDERS,
  type NotificationRequest,
  type TestPayment,
} from "@/lib/testing/proof-drivers";
import { lesspayPayload, lesspayRequest } from "@/lib/emulators/lesspay/proof-driver";
import {
  pingCallback,
  pingEmulatorPayment,
  setPingStatus,
  paymentOrderOf,
} from "@/lib/emulators/pingpayments/proof-driver";
import { pingPongEnvelope, pingPongWalletNotification } from "@/lib/emulators/pingpong/proof-driver";

const created: TestPayment[] = [];

afterEach(async () => {
  // Leave nothing pending behind for the background reconciliation (it writes the calls it makes
  // about pending payments, which a later test's row counts would see).
  for (const payment of created.splice(0))
    await transitionPayment(payment.id, "failed", {}, { provider: payment.provider, summary: "test clean-up" });
});

afterAll(() => {
  closeSqlite(process.env.DATABASE_PATH!);
  closeSqlite(process.env.EMULATOR_DATABASE_PATH!);
});

/** A fresh payment waiting for the provider (so a believed success would move it). */
async function waiting(provider: string, currency = "USD"): Promise<TestPayment> {
  const payment = await DRIVERS[provider].create({ amount: 2599, currency, status: "requires_action" });
  created.push(payment);
  return payment;
}

/**
 * Sends `attack` and proves it was refused with `status`, wrote no row anywhere, moved nothing
 * (of `payment`, or of each of several), and was counted on the console.
 */
async function refused(
  provider: string,
  payment: TestPayment | TestPayment[],
  attack: NotificationRequest,
  status: number,
) {
  const payments = [payment].flat();
  const before = payments.map(paymentNow);
  const rows = await shopRowCounts();
  const counted = await consoleCounts(provider);
  const answer = await post(provider, attack);
  expect(answer.status, answer.text).toBe(status);
  expect(await shopRowCounts()).toEqual(rows);
  expect(payments.map(paymentNow)).toEqual(before);
  expect(await consoleCounts(provider)).toEqual({ ...counted, refused: counted.refused + 1 });
}

const otherKeyPair = () => antomKey("merchantPrivate", "ANTOM_MERCHANT_PRIVATE_KEY");

describe("PingPong: sign with our salt over every field, our accId and clientId", () => {
  const biz = (p: TestPayment) => ({
    notifyType: "PAYMENT",
    merchantTransactionId: p.id,
    transactionId: p.ref,
    amount: "25.990000",
    currency: "USD",
    status: "SUCCESS",
  });
  const json = (body: Record<string, unknown>): NotificationRequest => ({
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

  it("refuses a tampered body (401)", async () => {
    const p = await waiting("pingpong");
    const genuine = pingPongEnvelope({ ...biz(p), status: "FAILED" });
    await refused(
      "pingpong",
      p,
      json({ ...genuine, bizContent: (genuine.bizContent as string).replace('"FAILED"', '"SUCCESS"') }),
      401,
    );
  });

  it("refuses a sign made with another salt (401)", async () => {
    const p = await waiting("pingpong");
    await refused("pingpong", p, json(pingPongEnvelope(biz(p), { salt: "not-our-salt" })), 401);
  });

  it("refuses a notification without a sign (401)", async () => {
    const p = await waiting("pingpong");
    const unsigned = pingPongEnvelope(biz(p));
    delete unsigned.sign;
    await refused("pingpong", p, json(unsigned), 401);
  });

  it("refuses a malformed sign (401)", async () => {
    const p = await waiting("pingpong");
    for (const sign of ["not-a-sign", "", "A".repeat(64), "<script>"])
      await refused("pingpong", p, json({ ...pingPongEnvelope(biz(p)), sign }), 401);
  });

  it("refuses a validly signed notification for another merchant's accId or clientId (401)", async () => {
    const p = await waiting("pingpong");
    await refused("pingpong", p, json(pingPongEnvelope(biz(p), { accId: "2018092714313010099999" })), 401);
    await refused("pingpong", p, json(pingPongEnvelope(biz(p), { clientId: "2018092714313019999" })), 401);
  });

  it("refuses a signed notification for a payment the shop does not know (404)", async () => {
    const p = await waiting("pingpong");
    await refused(
      "pingpong",
      p,
      json(
        pingPongEnvelope({ ...biz(p), merchantTransactionId: "pay_unknown000000000", transactionId: "TX-not-ours" }),
      ),
      404,
    );
  });

  it("refuses a body that is not JSON (400)", async () => {
    const p = await waiting("pingpong");
    await refused("pingpong", p, { headers: { "content-type": "application/json" }, body: "{not json" }, 400);
  });
});

describe("Antom: RSA signature by Antom's key over our path, our client-id, the time and the body", () => {
  it("refuses a tampered body (401)", async () => {
    const p = await waiting("antom");
    const genuine = antomRequest(JSON.stringify(antomPayload(p, "failed")));
    await refused("antom", p, { ...genuine, body: JSON.stringify(antomPayload(p, "succeeded")) }, 401);
  });

  it("refuses a signature made with another key (401)", async () => {
    const p = await waiting("antom");
    await refused("antom", p, antomRequest(JSON.stringify(antomPayload(p, "succeeded")), { key: otherKeyPair() }), 401);
  });

  it("refuses a notification without a signature header (401)", async () => {
    const p = await waiting("antom");
    const headers = antomRequest(JSON.stringify(antomPayload(p, "succeeded"))).headers;
    delete headers.signature;
    await refused("antom", p, { headers, body: JSON.stringify(antomPayload(p, "succeeded")) }, 401);
  });

  it("refuses a malformed signature header (401)", async () => {
    const p = await waiting("antom");
    const genuine = antomRequest(JSON.stringify(antomPayload(p, "succeeded")));
    for (const signature of [
      "garbage",
      "algorithm=RSA256,keyVersion=1",
      "algorithm=RSA256,keyVersion=1,signature=%%%",
      "algorithm=RSA256,keyVersion=1,signature=AAAA",
    ]) {
      await refused("antom", p, { ...genuine, headers: { ...genuine.headers, signature } }, 401);
    }
  });

  it("refuses a notification Antom signed for another client id (401)", async () => {
    const p = await waiting("antom");
    await refused(
      "antom",
      p,
      antomRequest(JSON.stringify(antomPayload(p, "succeeded")), { clientId: "SANDBOX_SOMEONE_ELSE" }),
      401,
    );
  });

  it("refuses a notification signed for another path (401)", async () => {
    const p = await waiting("antom");
    await refused(
      "antom",
      p,
      antomRequest(JSON.stringify(antomPayload(p, "succeeded")), { path: "/someone/else/webhook" }),
      401,
    );
  });

  it("refuses a signed notification for a payment the shop does not know (404)", async () => {
    const p = await waiting("antom");
    const stranger = { ...p, id: "pay_unknown000000000", ref: "2026-not-ours" };
    await refused("antom", p, antomRequest(JSON.stringify(antomPayload(stranger, "succeeded"))), 404);
  });
});

describe("Lesspay: x-auth-signature with our app secret, our x-auth-appid", () => {
  it("refuses a tampered body (401)", async () => {
    const p = await waiting("lesspay");
    const genuine = lesspayRequest(lesspayPayload(p, "failed"));
    await refused(
      "lesspay",
      p,
      {
        ...genuine,
        body: JSON.stringify({ ...lesspayPayload(p, "failed"), order_status: "SUCCEED", order_status_int: 2 }),
      },
      401,
    );
  });

  it("refuses a signature made with another secret (401)", async () => {
    const p = await waiting("lesspay");
    await refused("lesspay", p, lesspayRequest(lesspayPayload(p, "succeeded"), { secret: "not-our-secret" }), 401);
  });

  it("refuses a callback without x-auth-signature (401)", async () => {
    const p = await waiting("lesspay");
    await refused("lesspay", p, lesspayRequest(lesspayPayload(p, "succeeded"), { signature: null }), 401);
  });

  it("refuses a malformed x-auth-signature (401)", async () => {
    const p = await waiting("lesspay");
    for (const signature of ["xyz", "0".repeat(64), "-"])
      await refused("lesspay", p, lesspayRequest(lesspayPayload(p, "succeeded"), { signature }), 401);
  });

  it("refuses a validly signed callback for another app, or naming none (401)", async () => {
    const p = await waiting("lesspay");
    await refused("lesspay", p, lesspayRequest(lesspayPayload(p, "succeeded"), { appId: "lp_app_someone_else" }), 401);
    await refused("lesspay", p, lesspayRequest(lesspayPayload(p, "succeeded"), { appId: null }), 401);
  });

  it("refuses a signed callback for a payment the shop does not know (404)", async () => {
    const p = await waiting("lesspay");
    await refused(
      "lesspay",
      p,
      lesspayRequest(lesspayPayload({ ...p, id: "pay_unknown000000000", ref: "P-not-ours" }, "succeeded")),
      404,
    );
  });
});

describe("Ping Payments: unsigned callbacks, believed only through the GET with our tenant", () => {
  it("refuses a forged callback for a payment the provider does not know (404)", async () => {
    const p = await waiting("pingpayments", "SEK");
    await refused(
      "pingpayments",
      p,
      pingCallback({
        payment_id: "4c1f5f0e-0000-4000-8000-000000000000",
        payment_order_id: paymentOrderOf(p),
        status: "COMPLETED",
      }),
      404,
    );
    await refused(
      "pingpayments",
      p,
      pingCallback({
        payment_id: p.ref,
        payment_order_id: "4c1f5f0e-0000-4000-8000-000000000001",
        status: "COMPLETED",
      }),
      404,
    );
  });

  it("refuses a callback whose confirming GET disagrees (409): it says COMPLETED, Ping still waits", async () => {
    const p = await waiting("pingpayments", "SEK");
    await setPingStatus(p.ref, "INITIATED");
    await refused(
      "pingpayments",
      p,
      pingCallback({ payment_id: p.ref, payment_order_id: paymentOrderOf(p), status: "COMPLETED" }),
      409,
    );
  });

  it("refuses a callback for another tenant's payment, even one naming our payment (404)", async () => {
    const p = await waiting("pingpayments", "SEK");
    const theirs = await pingEmulatorPayment(
      { amount: p.amount, currency: p.currency },
      { tenantId: "9d2c7e3a-0000-4000-8000-0000000000aa", merchantReference: p.id },
    );
    await refused(
      "pingpayments",
      p,
      pingCallback({ payment_id: theirs.paymentId, payment_order_id: theirs.paymentOrderId, status: "COMPLETED" }),
      404,
    );
  });

  it("refuses a completed payment of our tenant that is not this shop's (404)", async () => {
    const p = await waiting("pingpayments", "SEK");
    const stranger = await pingEmulatorPayment({ amount: 100, currency: "SEK" });
    await setPingStatus(stranger.paymentId, "COMPLETED");
    await refused(
      "pingpayments",
      p,
      pingCallback({ payment_id: stranger.paymentId, payment_order_id: stranger.paymentOrderId, status: "COMPLETED" }),
      404,
    );
  });

  it("refuses a body that is not a status callback (400)", async () => {
    const p = await waiting("pingpayments", "SEK");
    await refused("pingpayments", p, pingCallback("{not json"), 400);
    await refused("pingpayments", p, pingCallback({ status: "COMPLETED" }), 400);
  });
});

describe("PingPong wallet bindings: believed only for a token the shop asked for, of the same shopper", () => {
  const json = (body: Record<string, unknown>): NotificationRequest => ({
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const shopper = "usr_demo_shopper";

  it("refuses a signed binding notification for a token the shop never asked for (404)", async () => {
    const p = await waiting("pingpong");
    await refused(
      "pingpong",
      p,
      json(pingPongWalletNotification(`tok${randomUUID().replace(/-/g, "")}`, shopper)),
      404,
    );
  });

  it("refuses a signed binding notification whose token belongs to another shopper (422), and the binding stays pending", async () => {
    const p = await waiting("pingpong");
    const binding = await insertCredential({
      userId: shopper,
      provider: "pingpong",
      kind: "wallet",
      token: randomUUID().replace(/-/g, ""),
      brand: "AlipayHK",
      merchantUserId: shopper,
      status: "pending",
    });
    await refused("pingpong", p, json(pingPongWalletNotification(binding.token, "usr_someone_else")), 422);
    await refused("pingpong", p, json(pingPongWalletNotification(binding.token, "usr_someone_else", "UNBIND")), 422);
    expect(await findCredential(binding.id)).toEqual(binding);
  });
});

describe.each(PROVIDERS)(
  "%s: a notification naming a payment twice (the provider's id and our reference) must name one payment",
  (provider) => {
    const driver = DRIVERS[provider];

    it("refuses one whose provider id is one payment's and whose reference is another's (422), and moves neither", async () => {
      const named = await driver.create({ amount: 2599, currency: "SEK", status: "requires_action", withRef: true });
      const other = await waiting(provider, "SEK");
      created.push(named);
      await refused(provider, [named, other], await driver.crossedNames(named, other), 422);
    });

    it("refuses one whose reference names a payment that already has another provider id (422), and moves it not", async () => {
      const named = await driver.create({ amount: 2599, currency: "SEK", status: "requires_action", withRef: true });
      created.push(named);
      await refused(provider, named, await driver.strangerNamingOurs(named), 422);
    });
  },
);

describe("Ping Payments: 100 concurrent unsigned callbacks with a real payment's two ids", () => {
  it(
    "make one state change and far fewer confirming GETs than callbacks; once the payment is final, no GET at all",
    { timeout: 60_000 },
    async () => {
      const p = await waiting("pingpayments", "SEK");
      await setPingStatus(p.ref, "COMPLETED");
      const callback = pingCallback({ payment_id: p.ref, payment_order_id: paymentOrderOf(p), status: "COMPLETED" });
      const confirmingGet = `/emulators/pingpayments/api/v1/payment_orders/${paymentOrderOf(p)}/payments/${p.ref}`;
      const burst = async () => {
        const answers = await Promise.all(Array.from({ length: 100 }, () => post("pingpayments", callback)));
        for (const answer of answers) expect(answer.status, answer.text).toBe(204);
      };

      const rows = await shopRowCounts();
      const counted = await consoleCounts("pingpayments");
      const getsBefore = await serverRequestsSoFar("GET", confirmingGet);
      await burst();
      // The one legitimate change: its notification and its status change, nothing else anywhere.
      expect(await shopRowCounts()).toEqual({ ...rows, payment_events: rows.payment_events + 2 });
      expect(await paymentNow(p)).toMatchObject({ status: "succeeded", providerPaymentId: p.ref });
      const gets = (await serverRequestsSoFar("GET", confirmingGet)) - getsBefore;
      expect(gets).toBeGreaterThanOrEqual(1);
      expect(gets).toBeLessThanOrEqual(10);
      expect(await consoleCounts("pingpayments")).toEqual({ ...counted, unchanged: counted.unchanged + 99 });

      // The payment is final in the state they claim: nothing they could confirm would change it.
      const final = await paymentNow(p);
      await burst();
      expect(await shopRowCounts()).toEqual({ ...rows, payment_events: rows.payment_events + 2 });
      expect(await paymentNow(p)).toEqual(final);
      expect((await serverRequestsSoFar("GET", confirmingGet)) - getsBefore).toBe(gets);
      expect(await consoleCounts("pingpayments")).toEqual({ ...counted, unchanged: counted.unchanged + 199 });
    },
  );
});

describe("the operator still hears of refused notifications", () => {
  it("as one redacted warn line in the server log per refusal, with no card data", async () => {
    const p = await waiting("pingpong");
    const marker = "2018092714313077777777";
    await refused(
      "pingpong",
      p,
      {
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          pingPongEnvelope(
            {
              notifyType: "PAYMENT",
              merchantTransactionId: p.id,
              transactionId: p.ref,
              amount: "25.990000",
              currency: "USD",
              status: "SUCCESS",
              cardNo: "4111111111111111",
            },
            { accId: marker },
          ),
        ),
      },
      401,
    );
    // The server writes its output to <dataDir>/server.log (lib/testing/test-server.mjs).
    const logFile = join(process.cwd(), "data/test-integration/server.log");
    let line: string | undefined;
    for (let i = 0; i < 20 && !line; i++) {
      line = readFileSync(logFile, "utf8")
        .split("\n")
        .find((l) => l.includes('"notification rejected"') && l.includes(marker));
      if (!line) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: "warn", provider: "pingpong", status: 401 });
    expect(line).not.toContain("4111111111111111");
  });

  it("as a count per provider on the console's payments list", async () => {
    const p = await waiting("lesspay");
    await refused(
      "lesspay",
      p,
      lesspayRequest(lesspayPayload(p, "succeeded"), { appId: "lp_app_counted_elsewhere" }),
      401,
    );
    const response = await fetch(`${serverUrl()}/admin/payments`, {
      headers: { cookie: await operatorCookie() },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const panel = html.slice(html.indexOf('data-testid="rejected-notifications"'));
    expect(panel).toContain("lesspay");
    expect(panel).toContain("lp_app_counted_elsewhere");
  });
});
