// @module-tag control-plane
// @module-tag clock
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { verifyFields } from "@/lib/emulators/pingpong/signature";
import {
  advanceEmulatorClock,
  clearSigningSecret,
  resetEmulatorClock,
  rotateSigningSecret,
  signingSecretState,
} from "@/lib/testing/clock-fixtures";
import { LESSPAY_APP_SECRET, lesspayCall } from "@/lib/testing/lesspay-fixtures";
import { EMULATOR_TENANT, pingApi } from "@/lib/testing/pingpayments-fixtures";
import {
  apmBiz,
  envelope,
  payByApm,
  PINGPONG_MERCHANT,
  pingpongApi,
  startCallbackCatcher,
} from "@/lib/testing/pingpong-fixtures";

const ROTATING = ["pingpong", "lesspay", "pingpayments"] as const;

const catchers: Awaited<ReturnType<typeof startCallbackCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
  await Promise.all(ROTATING.map((provider) => clearSigningSecret(provider)));
  await resetEmulatorClock();
});

/** A signed PingPong request that needs no state: its answer's code says whether the signature passed. */
async function pingpongQueryCode(salt: string) {
  const answer = await pingpongApi(
    "/v4/transaction/query",
    envelope({ transactionId: `tx-${randomUUID()}` }, {}, salt),
  );
  return { code: answer.body.code, answer };
}

async function rotated(provider: string, body: Record<string, unknown> = {}) {
  const { status, json } = await rotateSigningSecret(provider, body);
  expect(status).toBe(200);
  expect(json.secret).toBeTruthy();
  return json.secret!;
}

describe("signing-secret rotation", () => {
  it("PingPong: the old salt is accepted inside the window and refused with 100002 after it; the new one throughout", async () => {
    const salt = await rotated("pingpong", { window: "24 hours" });
    const old = PINGPONG_MERCHANT.salt;
    // Signature passed: the transaction is simply unknown (100005).
    expect((await pingpongQueryCode(old)).code).toBe("100005");
    const withNew = await pingpongQueryCode(salt);
    expect(withNew.code).toBe("100005");
    // The answer is signed with the salt the request used.
    expect(verifyFields(withNew.answer.body, salt)).toBe(true);

    await advanceEmulatorClock("23 hours");
    expect((await pingpongQueryCode(old)).code).toBe("100005");

    await advanceEmulatorClock("2 hours");
    expect((await pingpongQueryCode(old)).code).toBe("100002");
    expect((await pingpongQueryCode(salt)).code).toBe("100005");
    expect((await signingSecretState("pingpong")).json).toMatchObject({ rotated: true, previousValid: false });
  });

  it("PingPong: notifications are signed with the old salt until the merchant uses the new one", async () => {
    const shop = await startCallbackCatcher([200]);
    catchers.push(shop);
    const salt = await rotated("pingpong", { secret: "a-new-pingpong-salt-0001" });
    expect(salt).toBe("a-new-pingpong-salt-0001");
    expect((await signingSecretState("pingpong")).json).toMatchObject({ notificationsSignedWith: "previous" });
    await payByApm("AlipayHK", { notificationUrl: shop.url });
    await advanceEmulatorClock("1 hour"); // its QR code expires: a CLOSE notification
    expect(verifyFields(JSON.parse(shop.requests[0].body), PINGPONG_MERCHANT.salt)).toBe(true);

    expect((await pingpongQueryCode(salt)).code).toBe("100005"); // the merchant switched
    expect((await signingSecretState("pingpong")).json).toMatchObject({ notificationsSignedWith: "new" });
    const second = await pingpongApi(
      "/v4/payment/unifiedPay",
      envelope(apmBiz("AlipayHK", { notificationUrl: shop.url }), {}, salt),
    );
    expect(second.biz?.status).toBe("PROCESSING");
    await advanceEmulatorClock("1 hour");
    expect(shop.requests).toHaveLength(2);
    expect(verifyFields(JSON.parse(shop.requests[1].body), salt)).toBe(true);
  });

  it("Lesspay: the old app secret passes inside the window and gets 401 after it", async () => {
    const secret = await rotated("lesspay", { window: 3600 });
    const query = (appSecret: string) =>
      lesspayCall("query-order", { request_id: "M-unknown-1" }, { secret: appSecret });
    expect((await query(LESSPAY_APP_SECRET)).status).toBe(200);
    expect((await query(secret)).status).toBe(200);
    await advanceEmulatorClock("61 minutes");
    const refused = await query(LESSPAY_APP_SECRET);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 401, msg: "signature verification failed" });
    expect((await query(secret)).status).toBe(200);
  });

  it("Ping Payments: the old x-api-secret passes inside the window and gets 403 forbidden after it", async () => {
    const secret = await rotated("pingpayments", { window: "2 days" });
    const get = (apiSecret: string) =>
      pingApi("GET", "/payment_orders/no-such-order", undefined, { ...EMULATOR_TENANT, "x-api-secret": apiSecret });
    expect((await get(EMULATOR_TENANT["x-api-secret"])).status).toBe(404);
    expect((await get(secret)).status).toBe(404);
    await advanceEmulatorClock("3 days");
    const refused = await get(EMULATOR_TENANT["x-api-secret"]);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ errors: [{ error: "forbidden" }] });
    expect((await get(secret)).status).toBe(404);
  });

  it.each([
    ["antom", {}, "key pairs"],
    ["pingpong", { window: "-1 hours" }, "must not be negative"],
    ["pingpong", { window: "40 days" }, "at most"],
    ["pingpong", { secret: "short" }, "16 to 128"],
    ["lesspay", { keep: true }, "keep: unknown field"],
  ])("refuses %s %j with 422 (%s)", async (provider, body, message) => {
    const { status, json } = await rotateSigningSecret(provider, body);
    expect(status).toBe(422);
    expect(json.issues?.join(" ")).toContain(message);
  });
});
