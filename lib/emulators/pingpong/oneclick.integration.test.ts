// @module-tag emulator-internals
// @module-tag pingpong
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import {
  bindBiz,
  bindWallet,
  envelope,
  parseNotification,
  payWithToken,
  pingpongApi,
  pingpongUrl,
  PINGPONG_MERCHANT,
  postForm,
  serverUrl,
  signingPath,
  signWallet,
  sleep,
  startCallbackCatcher,
  tokenOfBind,
} from "@/lib/testing/pingpong-fixtures";
import { documentedBindAnswer, documentedError, guessedBindingNotification } from "./documented-shapes";

const catchers: Awaited<ReturnType<typeof startCallbackCatcher>>[] = [];
afterEach(async () => {
  await Promise.all(catchers.splice(0).map((c) => c.close()));
});

async function catcher(statuses: number[] = [200]) {
  const started = await startCallbackCatcher(statuses);
  catchers.push(started);
  return started;
}

async function query(merchantTransactionId: unknown) {
  return pingpongApi("/v4/transaction/query", envelope({ merchantTransactionId }));
}

const user = () => `user-${randomUUID().slice(0, 8)}`;

/** A caught notification whose sign must verify: its envelope and its bizContent. */
function signedNotification(body: string) {
  const { envelope: sent, biz, verified } = parseNotification(body);
  expect(verified).toBe(true);
  return { envelope: sent, biz };
}

describe("PingPongCheckout emulator: one-click signing (bind)", () => {
  it("binds: the documented answer (authUrl only, no token in it); the signing page renders; agree sends a signed SIGN SUCCESS with the token and 303s to merchantResultUrl", async () => {
    const notify = await catcher();
    const merchantUserId = user();
    const { biz, answer } = await bindWallet({ merchantUserId, notificationUrl: notify.url, type: "TNG eWallet" });
    expect(answer.status).toBe(200);
    expect(answer.verified).toBe(true);
    expect(answer.body).toMatchObject({ code: "000000", accId: PINGPONG_MERCHANT.accId });
    expect(documentedBindAnswer.safeParse(answer.body).success).toBe(true);
    const token = tokenOfBind(biz.requestId);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.biz).toEqual({
      authUrl: expect.stringMatching(new RegExp(`^${pingpongUrl()}/wallet/sign/[0-9a-f]{32}$`)),
    });
    const authUrl = answer.biz!.authUrl as string;
    expect(authUrl).not.toContain(token);
    const signing = signingPath(authUrl);

    const page = await fetch(authUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const expected of [
      "Merchant Storefront",
      "TNG eWallet",
      "without asking each time",
      "Agree and link",
      "Decline",
    ])
      expect(html).toContain(expected);
    expect(html).not.toContain(token);

    // Still PENDING: the token cannot pay yet.
    expect((await payWithToken(token, merchantUserId, { type: "TNG eWallet" })).answer.body).toMatchObject({
      code: "300001",
      description: "token does not exist",
    });

    expect(await postForm(`${signing}/agree`)).toEqual({ status: 303, location: "http://localhost:9/wallet-linked" });
    const [delivered] = await notify.waitFor(1);
    const { envelope: sent, biz: body } = signedNotification(delivered.body);
    expect(sent).toMatchObject({ code: "000000", accId: PINGPONG_MERCHANT.accId, version: "1.0" });
    expect(guessedBindingNotification.safeParse(sent).success).toBe(true);
    expect(body).toEqual({
      notifyType: "SIGN",
      requestId: biz.requestId,
      merchantUserId,
      token,
      paymentMethod: { type: "TNG eWallet" },
      status: "SUCCESS",
    });

    // Answered: the page says so, and a second answer changes nothing (no second notification).
    expect(await (await fetch(authUrl)).text()).toContain("already answered");
    expect((await postForm(`${signing}/decline`)).status).toBe(303);
    await sleep(300);
    expect(notify.requests).toHaveLength(1);
  });

  it("retries a SIGN notification answered abnormally twice (seed 001), then gives up, shown on /emulators", async () => {
    const notify = await catcher([500, 500, 500, 500, 500]);
    const { biz } = await signWallet(true, { notificationUrl: notify.url });
    await notify.waitFor(3);
    // The emulator clock runs at 0.001: 5 s retries are 5 ms apart; any fourth attempt would long have come.
    await sleep(500);
    expect(notify.requests).toHaveLength(3);
    const token = tokenOfBind(biz.requestId);
    const html = await (await fetch(`${serverUrl()}/emulators`)).text();
    const row = html.split("<tr").find((cells) => cells.includes(`token ${token.slice(0, 12)}`));
    expect(row).toBeDefined();
    expect(row).toContain("gave_up");
  });

  it("decline: SIGN FAILED with code 300002, and the token cannot pay", async () => {
    const notify = await catcher();
    const merchantUserId = user();
    const { token, step } = await signWallet(false, {
      merchantUserId,
      notificationUrl: notify.url,
      merchantResultUrl: "http://localhost:9/back?x=1",
    });
    expect(step).toEqual({ status: 303, location: "http://localhost:9/back?x=1" });
    const [delivered] = await notify.waitFor(1);
    const { envelope: sent, biz } = signedNotification(delivered.body);
    expect(sent).toMatchObject({ code: "300002", description: "The user declined the signing" });
    expect(biz).toMatchObject({ notifyType: "SIGN", token, merchantUserId, status: "FAILED" });
    expect((await payWithToken(token, merchantUserId)).answer.body.code).toBe("300001");
  });

  it("answers a repeated bind requestId with the same signing", async () => {
    const biz = bindBiz();
    const first = await pingpongApi("/v4/paymethod/bind", envelope(biz));
    const second = await pingpongApi("/v4/paymethod/bind", envelope(biz));
    expect(second.biz!.authUrl).toBe(first.biz!.authUrl);
  });

  it("refuses a notificationUrl with query parameters with 100001 (documented)", async () => {
    const answer = await pingpongApi(
      "/v4/paymethod/bind",
      envelope(bindBiz({ notificationUrl: "http://127.0.0.1:9/notify?shop=1" })),
    );
    expect(answer.body).toMatchObject({
      code: "100001",
      description: "bizContent.notificationUrl must not carry query parameters",
    });
    expect(documentedError.safeParse(answer.body).success).toBe(true);
  });

  it("refuses a bad sign with 100002, an unknown wallet or bizType with 100001, and < > with 100004", async () => {
    const biz = bindBiz();
    const bad = await pingpongApi("/v4/paymethod/bind", { ...envelope(biz), sign: "0".repeat(64) });
    expect(bad.body).toMatchObject({ code: "100002" });
    expect(bad.body.bizContent).toBeUndefined();
    expect(bad.verified).toBe(true);
    expect((await pingpongApi("/v4/paymethod/bind", envelope(biz, {}, "other-salt"))).body.code).toBe("100002");
    expect((await pingpongApi("/v4/paymethod/bind", envelope(bindBiz({ type: "WeChatPay" })))).body).toMatchObject({
      code: "100001",
      description: expect.stringContaining("paymentMethod.type"),
    });
    expect(
      (await pingpongApi("/v4/paymethod/bind", envelope(bindBiz({ extra: { bizType: "Other" } })))).body.code,
    ).toBe("100001");
    const noUrl = bindBiz();
    delete noUrl.notificationUrl;
    expect((await pingpongApi("/v4/paymethod/bind", envelope(noUrl))).body).toMatchObject({
      code: "100001",
      description: "bizContent.notificationUrl is required",
    });
    expect((await pingpongApi("/v4/paymethod/bind", envelope(bindBiz({ merchantUserId: "<b>" })))).body.code).toBe(
      "100004",
    );
    expect((await pingpongApi("/v4/paymethod/bind", envelope(bindBiz(), { accId: "9999" }))).body.code).toBe("100003");
  });

  it("answers 404 for an unknown token's pages", async () => {
    expect((await fetch(`${pingpongUrl()}/wallet/sign/${"0".repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${pingpongUrl()}/wallet/app/${"0".repeat(64)}`)).status).toBe(404);
    expect((await postForm(`/wallet/sign/${"0".repeat(64)}/agree`)).status).toBe(404);
  });
});

describe("PingPongCheckout emulator: paying with a one-click token", () => {
  it("pays at once with an ACTIVE token: SUCCESS and a PAYMENT notification; idempotent on merchantTransactionId", async () => {
    const merchantUserId = user();
    const { token } = await signWallet(true, { merchantUserId });
    const notify = await catcher();
    const { biz, answer } = await payWithToken(token, merchantUserId, { notificationUrl: notify.url, amount: "42.50" });
    expect(answer.verified).toBe(true);
    expect(answer.body.code).toBe("000000");
    expect(answer.biz).toMatchObject({
      merchantTransactionId: biz.merchantTransactionId,
      status: "SUCCESS",
      amount: "42.500000",
      currency: "PHP",
      paymentMethod: { type: "GCash" },
    });
    expect(answer.biz!.paymentRedirectUrl).toBeUndefined();
    const [delivered] = await notify.waitFor(1);
    const { biz: body } = signedNotification(delivered.body);
    expect(body).toMatchObject({
      notifyType: "PAYMENT",
      status: "SUCCESS",
      transactionId: answer.biz!.transactionId,
      merchantTransactionId: biz.merchantTransactionId,
    });
    // The same merchantTransactionId again: the same transaction.
    const again = await pingpongApi("/v4/payment/unifiedPay", envelope(biz));
    expect(again.biz!.transactionId).toBe(answer.biz!.transactionId);
    expect((await query(biz.merchantTransactionId)).biz!.status).toBe("SUCCESS");
  });

  it("answers 300001 for another merchantUserId or an unknown token, creating no transaction", async () => {
    const merchantUserId = user();
    const { token } = await signWallet(true, { merchantUserId });
    const other = await payWithToken(token, `${merchantUserId}-other`);
    expect(other.answer.body).toMatchObject({ code: "300001", description: "token does not exist" });
    expect(other.answer.biz).toBeUndefined();
    expect(other.answer.verified).toBe(true);
    expect((await query(other.biz.merchantTransactionId)).body.code).toBe("100005");
    const unknown = await payWithToken("f".repeat(64), merchantUserId);
    expect(unknown.answer.body.code).toBe("300001");
    expect((await query(unknown.biz.merchantTransactionId)).body.code).toBe("100005");
  });

  it("answers 300001 for a PENDING token", async () => {
    const merchantUserId = user();
    const { biz } = await bindWallet({ merchantUserId });
    const paid = await payWithToken(tokenOfBind(biz.requestId), merchantUserId);
    expect(paid.answer.body).toMatchObject({ code: "300001", description: "token does not exist" });
    expect((await query(paid.biz.merchantTransactionId)).body.code).toBe("100005");
  });

  it("waits on the wallet page when customer.email contains confirm: PROCESSING, then approve → SUCCESS", async () => {
    const merchantUserId = user();
    const { token } = await signWallet(true, { merchantUserId, type: "DANA" });
    const notify = await catcher();
    const { answer } = await payWithToken(token, merchantUserId, {
      type: "DANA",
      currency: "IDR",
      amount: "15000",
      email: "confirm@example.com",
      notificationUrl: notify.url,
    });
    expect(answer.biz).toMatchObject({ status: "PROCESSING" });
    const transactionId = answer.biz!.transactionId as string;
    expect(answer.biz!.paymentRedirectUrl).toBe(`${pingpongUrl()}/apm/${transactionId}/pay`);
    const page = await (await fetch(answer.biz!.paymentRedirectUrl as string)).text();
    expect(page).toContain("DANA");
    expect(page).toContain("Approve payment");
    expect(await postForm(`/apm/${transactionId}/approve`)).toEqual({
      status: 303,
      location: "http://localhost:9/result",
    });
    const [delivered] = await notify.waitFor(1);
    expect(parseNotification(delivered.body).biz).toMatchObject({
      notifyType: "PAYMENT",
      status: "SUCCESS",
      transactionId,
    });
  });

  it("refuses a CodeGrant payment without a token, or with a wallet type other than the token's, with 100001", async () => {
    const merchantUserId = user();
    const { token } = await signWallet(true, { merchantUserId });
    expect((await payWithToken("", merchantUserId)).answer.body).toMatchObject({
      code: "100001",
      description: "bizContent.token is required",
    });
    expect((await payWithToken(token, merchantUserId, { type: "Boost" })).answer.body.code).toBe("100001");
    expect((await payWithToken(token, merchantUserId, { type: "WeChatPay" })).answer.body.code).toBe("100001");
  });
});

describe("PingPongCheckout emulator: unbinding", () => {
  it("unbind by the merchant: UNBIND MERCHANT notification, then paying answers 300001; a second unbind 300001", async () => {
    const notify = await catcher();
    const merchantUserId = user();
    const { token, biz: bind } = await signWallet(true, { merchantUserId, notificationUrl: notify.url });
    await notify.waitFor(1);
    // Another merchantUserId cannot unbind it.
    expect(
      (await pingpongApi("/v4/paymethod/unbind", envelope({ requestId: "r-x", merchantUserId: "someone-else", token })))
        .body.code,
    ).toBe("300001");
    const unbound = await pingpongApi(
      "/v4/paymethod/unbind",
      envelope({ requestId: `unbind-${randomUUID()}`, merchantUserId, token }),
    );
    expect(unbound.verified).toBe(true);
    expect(unbound.body.code).toBe("000000");
    expect(unbound.biz).toEqual({ token, merchantUserId, status: "SUCCESS" });
    const requests = await notify.waitFor(2);
    const { biz, envelope: sent } = signedNotification(requests[1].body);
    expect(sent.code).toBe("000000");
    expect(biz).toEqual({
      notifyType: "UNBIND",
      requestId: bind.requestId,
      merchantUserId,
      token,
      paymentMethod: { type: "GCash" },
      status: "SUCCESS",
      unbindSource: "MERCHANT",
    });
    expect((await payWithToken(token, merchantUserId)).answer.body).toMatchObject({
      code: "300001",
      description: "token does not exist",
    });
    expect(
      (await pingpongApi("/v4/paymethod/unbind", envelope({ requestId: "r-2", merchantUserId, token }))).body,
    ).toMatchObject({
      code: "300001",
      description: "token does not exist",
    });
  });

  it("unlink in the wallet app: UNBIND WALLET notification, the page says unlinked, paying answers 300001", async () => {
    const notify = await catcher();
    const merchantUserId = user();
    const { token } = await signWallet(true, { merchantUserId, notificationUrl: notify.url, type: "Kakaopay" });
    await notify.waitFor(1);
    const app = await (await fetch(`${pingpongUrl()}/wallet/app/${token}`)).text();
    expect(app).toContain("Linked merchants");
    expect(app).toContain("Unlink");
    expect(await postForm(`/wallet/app/${token}/unlink`)).toEqual({
      status: 303,
      location: `${pingpongUrl()}/wallet/app/${token}`,
    });
    const requests = await notify.waitFor(2);
    const { biz } = signedNotification(requests[1].body);
    expect(biz).toMatchObject({
      notifyType: "UNBIND",
      token,
      merchantUserId,
      status: "SUCCESS",
      unbindSource: "WALLET",
      paymentMethod: { type: "Kakaopay" },
    });
    expect(await (await fetch(`${pingpongUrl()}/wallet/app/${token}`)).text()).toContain("Unlinked");
    expect((await payWithToken(token, merchantUserId, { type: "Kakaopay" })).answer.body.code).toBe("300001");
  });
});

describe("PingPongCheckout emulator: legacy authorization (deprecated)", () => {
  async function authorizeLink(merchantUserId: string, merchantResultUrl: string, notificationUrl?: string) {
    const auth = await pingpongApi(
      "/v4/paymethod/auth",
      envelope({
        requestId: `auth-${randomUUID()}`,
        merchantUserId,
        paymentMethod: { type: "AlipayHK" },
        merchantResultUrl,
        bizType: "CodeGrant",
        ...(notificationUrl ? { notificationUrl } : {}),
      }),
    );
    expect(auth.body.code).toBe("000000");
    expect(auth.verified).toBe(true);
    const authUrl = auth.biz!.authUrl as string;
    expect(authUrl).toMatch(new RegExp(`^${pingpongUrl()}/wallet/auth/\\w+$`));
    const page = await (await fetch(authUrl)).text();
    expect(page).toContain("Authorize");
    expect(page).toContain("Deprecated");
    const step = await postForm(`${new URL(authUrl).pathname.replace("/emulators/pingpong", "")}/authorize`);
    expect(step.status).toBe(303);
    return { authUrl, location: step.location! };
  }

  it("auth → Authorize → ?code= → authorize → an ACTIVE token that pays; the code works once", async () => {
    const merchantUserId = user();
    const { location } = await authorizeLink(merchantUserId, "http://localhost:9/authorized?order=7");
    expect(location).toMatch(/^http:\/\/localhost:9\/authorized\?order=7&code=[0-9a-f]{32}$/);
    const code = new URL(location).searchParams.get("code")!;

    // Another merchantUserId cannot redeem the code.
    expect(
      (await pingpongApi("/v4/paymethod/authorize", envelope({ requestId: "a-x", merchantUserId: "other", code }))).body
        .code,
    ).toBe("300003");
    const authorized = await pingpongApi(
      "/v4/paymethod/authorize",
      envelope({ requestId: `authorize-${randomUUID()}`, merchantUserId, code }),
    );
    expect(authorized.verified).toBe(true);
    expect(authorized.body.code).toBe("000000");
    const token = authorized.biz!.token as string;
    expect(authorized.biz).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      merchantUserId,
      paymentMethod: { type: "AlipayHK" },
      status: "SUCCESS",
    });

    const again = await pingpongApi(
      "/v4/paymethod/authorize",
      envelope({ requestId: `authorize-${randomUUID()}`, merchantUserId, code }),
    );
    expect(again.body).toMatchObject({ code: "300003", description: "code is invalid or used" });

    const paid = await payWithToken(token, merchantUserId, { type: "AlipayHK", currency: "HKD" });
    expect(paid.answer.biz).toMatchObject({ status: "SUCCESS" });
  });

  it("appends ?code= to a URL without a query, and the answered auth page says so", async () => {
    const { authUrl, location } = await authorizeLink(user(), "http://localhost:9/authorized");
    expect(location).toMatch(/^http:\/\/localhost:9\/authorized\?code=[0-9a-f]{32}$/);
    expect(await (await fetch(authUrl)).text()).toContain("already answered");
  });

  it("cancelAuthorization revokes the token (UNBIND MERCHANT notification), then paying answers 300001", async () => {
    const notify = await catcher();
    const merchantUserId = user();
    const { location } = await authorizeLink(merchantUserId, "http://localhost:9/authorized", notify.url);
    const code = new URL(location).searchParams.get("code")!;
    const token = (await pingpongApi("/v4/paymethod/authorize", envelope({ requestId: "az", merchantUserId, code })))
      .biz!.token as string;
    await notify.waitFor(1);
    const cancelled = await pingpongApi(
      "/v4/paymethod/cancelAuthorization",
      envelope({ requestId: `cancel-${randomUUID()}`, merchantUserId, token }),
    );
    expect(cancelled.body.code).toBe("000000");
    expect(cancelled.biz).toEqual({ token, merchantUserId, status: "SUCCESS" });
    const requests = await notify.waitFor(2);
    expect(parseNotification(requests[1].body).biz).toMatchObject({
      notifyType: "UNBIND",
      unbindSource: "MERCHANT",
      token,
      status: "SUCCESS",
    });
    expect((await payWithToken(token, merchantUserId, { type: "AlipayHK" })).answer.body.code).toBe("300001");
    expect(
      (await pingpongApi("/v4/paymethod/cancelAuthorization", envelope({ requestId: "c2", merchantUserId, token })))
        .body.code,
    ).toBe("300001");
  });
});

describe("/emulators lists the one-click wallets", () => {
  it("shows the flows, codes, guessed paths and the deprecated legacy flow", async () => {
    const html = await (await fetch(`${new URL(pingpongUrl()).origin}/emulators`)).text();
    for (const expected of [
      "One-click wallets",
      "300001",
      "300002",
      "300003",
      "/v4/paymethod/unbind",
      "/wallet/app/",
      "deprecated",
      "/v4/paymethod/cancelAuthorization",
    ]) {
      expect(html).toContain(expected);
    }
  });
});
