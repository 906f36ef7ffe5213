import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findCredential, insertCredential, listWalletBindings } from "@/lib/db/queries/credentials";
import { minor } from "@/lib/money";
import {
  CheckoutError,
  finishLegacyWalletAuthorization,
  linkWallet,
  startLegacyWalletAuthorization,
} from "@/lib/payments/service";
import { pingPong } from "@/lib/providers/pingpong/adapter";
import { closeSqlite } from "@/lib/sqlite";
import { pingPongWalletNotification } from "@/lib/emulators/pingpong/proof-driver";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";
import { envelope, pingpongApi } from "@/lib/testing/pingpong-fixtures";

const SHOPPER = "usr_demo_shopper";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));
afterEach(() => {
  delete process.env.PINGPONG_LEGACY_AUTH;
});

/** The shopper agrees on the emulator's wallet signing page (the form its authUrl shows). */
async function agreeOnWallet(authUrl: string) {
  const response = await fetch(`${authUrl}/agree`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
  expect(response.status).toBe(303);
}

async function waitForStatus(credentialId: string, status: string) {
  for (let i = 0; i < 100 && findCredential(credentialId)?.status !== status; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return findCredential(credentialId)?.status;
}

/** The shopper's newest wallet binding (the one linkWallet just made). */
const newestBinding = () => listWalletBindings(SHOPPER)[0];

const post = (body: unknown) =>
  fetch(`${serverUrl()}/api/webhooks/pingpong`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("PingPong one-click bindings", () => {
  it("links a wallet whose bind answer has no token: pending under the signing's requestId, then active with the token the signing notification brings", async () => {
    const authUrl = await linkWallet(SHOPPER, "AlipayHK");
    const binding = newestBinding();
    expect(binding).toMatchObject({
      status: "pending",
      kind: "wallet",
      brand: "AlipayHK",
      merchantUserId: SHOPPER,
      token: expect.stringMatching(/^pending-binding:bind-/),
    });
    await agreeOnWallet(authUrl);
    expect(await waitForStatus(binding.id, "active")).toBe("active");
    const token = findCredential(binding.id)!.token;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(authUrl).not.toContain(token);
  });

  it("makes one binding from a signing notification delivered three times", async () => {
    const token = randomUUID().replace(/-/g, "");
    const binding = insertCredential({
      userId: SHOPPER,
      provider: "pingpong",
      kind: "wallet",
      token,
      brand: "AlipayHK",
      merchantUserId: SHOPPER,
      status: "pending",
    });
    const body = pingPongWalletNotification(token, SHOPPER);
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(findCredential(binding.id)!.status).toBe("active");
    expect(listWalletBindings(SHOPPER).filter((b) => b.token === token)).toHaveLength(1);
  });

  it("refuses a tampered notification, or one for another shopper, and changes nothing", async () => {
    const token = randomUUID().replace(/-/g, "");
    const binding = insertCredential({
      userId: SHOPPER,
      provider: "pingpong",
      kind: "wallet",
      token,
      brand: "AlipayHK",
      merchantUserId: SHOPPER,
      status: "pending",
    });
    const body = pingPongWalletNotification(token, SHOPPER);
    expect(
      (await post({ ...body, bizContent: (body.bizContent as string).replace('"SUCCESS"', '"FAILED"') })).status,
    ).toBe(401);
    expect((await post(pingPongWalletNotification(token, "usr_someone_else"))).status).toBe(422);
    expect(findCredential(binding.id)!.status).toBe("pending");
  });

  it("answers 'token does not exist' to a payment with another merchantUserId, and makes no payment", async () => {
    const authUrl = await linkWallet(SHOPPER, "GCash");
    const binding = newestBinding();
    await agreeOnWallet(authUrl);
    expect(await waitForStatus(binding.id, "active")).toBe("active");
    const token = findCredential(binding.id)!.token;
    const merchantTransactionId = `pay_${randomUUID().slice(0, 16)}`;
    const outcome = await pingPong.createPayment({
      paymentId: merchantTransactionId,
      orderId: "ord_oneclick",
      method: "wallet",
      amount: minor(1000),
      currency: "HKD",
      items: [{ name: "Mug", unitAmount: minor(1000), quantity: 1 }],
      payer: { name: "Sam", email: "sam@example.com" },
      captureMode: "automatic",
      storedCredential: { token, kind: "wallet", walletType: "GCash", merchantUserId: "usr_someone_else" },
      returnUrl: `${serverUrl()}/orders/x`,
      errorUrl: `${serverUrl()}/orders/x`,
      notificationUrl: `${serverUrl()}/api/webhooks/pingpong`,
    });
    expect(outcome).toMatchObject({
      status: "failed",
      credentialInvalid: true,
      failure: { code: "wallet_link_invalid" },
    });
    expect(JSON.stringify(outcome.calls[0].response)).toContain("token does not exist");
    const query = await pingpongApi("/v4/transaction/query", envelope({ merchantTransactionId }));
    expect(query.body.code).toBe("100005");
  });
});

describe("the deprecated authorization flow", () => {
  it("yields an active token when PINGPONG_LEGACY_AUTH is on", async () => {
    process.env.PINGPONG_LEGACY_AUTH = "1";
    const authUrl = await startLegacyWalletAuthorization(SHOPPER, "AlipayHK");
    const answer = await fetch(`${authUrl}/authorize`, {
      method: "POST",
      body: new URLSearchParams(),
      redirect: "manual",
    });
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get("location")!);
    expect(back.pathname).toBe("/account/wallets/legacy");
    const code = back.searchParams.get("code")!;
    const binding = await finishLegacyWalletAuthorization(SHOPPER, "AlipayHK", code);
    expect(binding).toMatchObject({ status: "active", kind: "wallet", brand: "AlipayHK" });
  });

  it("is not offered when the setting is off", async () => {
    await expect(startLegacyWalletAuthorization(SHOPPER, "AlipayHK")).rejects.toBeInstanceOf(CheckoutError);
    await expect(finishLegacyWalletAuthorization(SHOPPER, "AlipayHK", "any-code")).rejects.toThrow(/turned off/);
  });
});
