// @module-tag emulator-internals
// @module-tag pingpong
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findCredential, insertCredential, listWalletBindings } from "@/lib/db/queries/credentials";
import { minor } from "@/lib/money";
import { CheckoutError } from "@/lib/payments/checkout-error";
import { savedCardsFor } from "@/lib/checkout-config";
import { finishLegacyWalletAuthorization, linkWallet, startLegacyWalletAuthorization } from "@/lib/payments/wallets";
import { pingPong } from "@/lib/providers/pingpong/adapter";
import { closeSqlite } from "@/lib/sqlite";
import { pingPongWalletNotification } from "@/lib/emulators/pingpong/proof-driver";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";
import { envelope, pingpongApi, walletTokenStatus } from "@/lib/testing/pingpong-fixtures";
import { createTestUser } from "@/lib/testing/web-fixtures";

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

/** Polls `read` until it answers `wanted` (or gives up after about 5 s) and returns its last answer. */
async function until<T>(read: () => Promise<T>, wanted: T): Promise<T> {
  for (let i = 0; i < 100 && (await read()) !== wanted; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return read();
}

const waitForStatus = async (credentialId: string, status: string) =>
  await until(async () => (await findCredential(credentialId))?.status, status);

/** The shopper's newest wallet binding (the one linkWallet just made). */
const newestBinding = async () => (await listWalletBindings(SHOPPER))[0];

const post = (body: unknown) =>
  fetch(`${serverUrl()}/api/webhooks/pingpong`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** The shopper's AlipayHK binding, pending until the signing notification for `token` comes. */
async function pendingBinding(token: string) {
  return await insertCredential({
    userId: SHOPPER,
    provider: "pingpong",
    kind: "wallet",
    token,
    brand: "AlipayHK",
    merchantUserId: SHOPPER,
    status: "pending",
  });
}

describe("PingPong one-click bindings", () => {
  it("links a wallet whose bind answer has no token: pending under the signing's requestId, then active with the token the signing notification brings", async () => {
    const authUrl = await linkWallet(SHOPPER, "AlipayHK");
    const binding = await newestBinding();
    expect(binding).toMatchObject({
      status: "pending",
      kind: "wallet",
      brand: "AlipayHK",
      merchantUserId: SHOPPER,
      token: expect.stringMatching(/^pending-binding:bind-/),
    });
    await agreeOnWallet(authUrl);
    expect(await waitForStatus(binding.id, "active")).toBe("active");
    const token = (await findCredential(binding.id))!.token;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(authUrl).not.toContain(token);
  });

  it("makes one binding from a signing notification delivered three times", async () => {
    const token = randomUUID().replace(/-/g, "");
    const binding = await pendingBinding(token);
    const body = pingPongWalletNotification(token, SHOPPER);
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await findCredential(binding.id))!.status).toBe("active");
    expect((await listWalletBindings(SHOPPER)).filter((b) => b.token === token)).toHaveLength(1);
  });

  it("refuses a tampered notification, or one for another shopper, and changes nothing", async () => {
    const token = randomUUID().replace(/-/g, "");
    const binding = await pendingBinding(token);
    const body = pingPongWalletNotification(token, SHOPPER);
    expect(
      (await post({ ...body, bizContent: (body.bizContent as string).replace('"SUCCESS"', '"FAILED"') })).status,
    ).toBe(401);
    expect((await post(pingPongWalletNotification(token, "usr_someone_else"))).status).toBe(422);
    expect((await findCredential(binding.id))!.status).toBe("pending");
  });

  it("answers 'token does not exist' to a payment with another merchantUserId, and makes no payment", async () => {
    const authUrl = await linkWallet(SHOPPER, "GCash");
    const binding = await newestBinding();
    await agreeOnWallet(authUrl);
    expect(await waitForStatus(binding.id, "active")).toBe("active");
    const token = (await findCredential(binding.id))!.token;
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

describe("one link per wallet", () => {
  it("two signings of one wallet agreed at once make one active link: the newest replaces the other, which the provider unbinds; checkout lists it once and it is not linked again", async () => {
    const shopper = (await createTestUser()).id;
    const authUrls = [await linkWallet(shopper, "GCash"), await linkWallet(shopper, "GCash")];
    expect((await listWalletBindings(shopper)).map((b) => b.status)).toEqual(["pending", "pending"]);
    await Promise.all(authUrls.map(agreeOnWallet));
    const settled = async () =>
      (await listWalletBindings(shopper))
        .map((b) => b.status)
        .sort()
        .join();
    expect(await until(settled, "active,revoked")).toBe("active,revoked");

    const replaced = (await listWalletBindings(shopper)).find((b) => b.status === "revoked")!;
    expect(replaced.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await until(async () => walletTokenStatus(replaced.token), "REVOKED")).toBe("REVOKED");
    const active = (await listWalletBindings(shopper)).find((b) => b.status === "active")!;
    expect(walletTokenStatus(active.token)).toBe("ACTIVE");
    expect((await savedCardsFor(shopper)).filter((c) => c.kind === "wallet")).toEqual([
      expect.objectContaining({ id: active.id, brand: "GCash" }),
    ]);

    await expect(linkWallet(shopper, "GCash")).rejects.toThrow(new CheckoutError("GCash is already linked."));
    expect(await listWalletBindings(shopper)).toHaveLength(2);
  });
});

describe("the deprecated authorization flow", () => {
  /** Starts the legacy authorization and authorizes on the wallet's page: the code it returns with. */
  async function authorizedCode(shopper: string) {
    const authUrl = await startLegacyWalletAuthorization(shopper, "AlipayHK");
    const answer = await fetch(`${authUrl}/authorize`, {
      method: "POST",
      body: new URLSearchParams(),
      redirect: "manual",
    });
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get("location")!);
    expect(back.pathname).toBe("/account/wallets/legacy");
    return back.searchParams.get("code")!;
  }

  it("yields an active token when PINGPONG_LEGACY_AUTH is on, and a wallet it linked is not linked again", async () => {
    process.env.PINGPONG_LEGACY_AUTH = "1";
    const shopper = (await createTestUser()).id;
    const binding = await finishLegacyWalletAuthorization(shopper, "AlipayHK", await authorizedCode(shopper));
    expect(binding).toMatchObject({ status: "active", kind: "wallet", brand: "AlipayHK" });
    await expect(startLegacyWalletAuthorization(shopper, "AlipayHK")).rejects.toThrow(/AlipayHK is already linked/);
    await expect(linkWallet(shopper, "AlipayHK")).rejects.toThrow(/AlipayHK is already linked/);
  });

  it("two authorizations of one wallet started together make one active link: the newest replaces the other, which the provider unbinds", async () => {
    process.env.PINGPONG_LEGACY_AUTH = "1";
    const shopper = (await createTestUser()).id;
    const codes = [await authorizedCode(shopper), await authorizedCode(shopper)];
    const older = await finishLegacyWalletAuthorization(shopper, "AlipayHK", codes[0]);
    const newer = await finishLegacyWalletAuthorization(shopper, "AlipayHK", codes[1]);
    expect((await findCredential(older.id))!.status).toBe("revoked");
    expect((await findCredential(newer.id))!.status).toBe("active");
    expect(walletTokenStatus(older.token)).toBe("REVOKED");
    expect((await savedCardsFor(shopper)).map((c) => c.id)).toEqual([newer.id]);
  });

  it("is not offered when the setting is off", async () => {
    await expect(startLegacyWalletAuthorization(SHOPPER, "AlipayHK")).rejects.toBeInstanceOf(CheckoutError);
    await expect(finishLegacyWalletAuthorization(SHOPPER, "AlipayHK", "any-code")).rejects.toThrow(/turned off/);
  });
});
