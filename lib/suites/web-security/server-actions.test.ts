// @module-tag shop
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import {
  actionId,
  createTestUser,
  linkedWallet,
  postAction,
  readRows,
  redirectTarget,
  serverUrl,
  shopperWithCard,
  signInOverHttp,
} from "@/lib/testing/web-fixtures";

const ACCOUNT = "app/(shop)/account/actions.ts";
const ADMIN = "app/admin/actions.ts";

const removeCard = (
  credentialId: string,
  cookie: string | undefined,
  origin?: string | null,
  headers: Record<string, string> = {},
) =>
  postAction({
    page: "/account",
    id: actionId(ACCOUNT, "removeSavedCard"),
    fields: { credentialId },
    cookie,
    origin,
    headers,
  });

describe("server actions from another site", () => {
  it.each([
    ["another site's Origin", "https://evil.example"],
    ["a look-alike host", `${serverUrl()}.evil.example`],
    ["an opaque Origin (null)", "null"],
    ["no Origin at all", null],
    ["the shop's host and port on the other scheme", serverUrl().replace(/^http:/, "https:")],
    [
      "the shop's host on another port",
      serverUrl().replace(/:(\d+)$/, (_port, digits: string) => `:${Number(digits) + 1}`),
    ],
    // No trusted proxy is configured: a client's X-Forwarded-* cannot vouch for its own Origin.
    [
      "another site's Origin with X-Forwarded-Host and -Proto naming it",
      "https://evil.example",
      { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    ],
  ])(
    "refuses %s with 403 before the action runs (the card stays)",
    async (_name, origin, headers?: Record<string, string>) => {
      const { card, cookie, row } = await shopperWithCard();
      const before = row();
      const answer = await removeCard(card.id, cookie, origin, headers);
      expect(answer.status).toBe(403);
      expect(row()).toEqual(before);
    },
  );

  it("refuses the no-JavaScript form post (action named in the body, no Next-Action header) from another site", async () => {
    const { card, cookie, row } = await shopperWithCard();
    const before = row();
    const body = new FormData();
    body.set(`$ACTION_ID_${actionId(ACCOUNT, "removeSavedCard")}`, "");
    body.set("credentialId", card.id);
    const answer = await fetch(`${serverUrl()}/account`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body,
      redirect: "manual",
    });
    expect(answer.status).toBe(403);
    expect(row()).toEqual(before);
  });

  it("lets the same action through from the shop's own pages (so the refusals above are the Origin's doing)", async () => {
    const { card, cookie, row } = await shopperWithCard();
    const answer = await removeCard(card.id, cookie);
    expect(answer.status).toBe(200);
    expect(row()).toMatchObject([{ status: "revoked" }]);
  });

  it("does not apply to the providers' notifications (server to server, no Origin)", async () => {
    const answer = await fetch(`${serverUrl()}/api/webhooks/lesspay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).not.toBe(403);
  });
});

describe("server actions that need a session", () => {
  it("the account's actions change nothing without one", async () => {
    const { shopper, card, row } = await shopperWithCard();
    const wallet = await linkedWallet(shopper.id);
    const walletRow = () => readRows("select * from stored_credentials where id = ?", wallet.id);
    const [cardBefore, walletBefore] = [row(), walletRow()];
    expect((await removeCard(card.id, undefined)).status).toBe(200);
    await postAction({
      page: "/account",
      id: actionId(ACCOUNT, "unlinkWalletAction"),
      fields: { credentialId: wallet.id },
    });
    const link = await postAction({
      page: "/account",
      id: actionId(ACCOUNT, "linkWalletAction"),
      fields: { walletType: "AlipayHK" },
      withState: true,
    });
    expect(redirectTarget(link)?.pathname).toBe("/login");
    expect(row()).toEqual(cardBefore);
    expect(walletRow()).toEqual(walletBefore);
  });

  describe("the operator's actions", async () => {
    let shopperCookie: string;
    beforeAll(async () => {
      shopperCookie = await signInOverHttp(await createTestUser("shopper"));
    });

    /** A captured card payment: refundable, and, were it still authorized, voidable. */
    const payment = async (status: "succeeded" | "authorized") =>
      await createTestPayment({
        provider: "pingpayments",
        amount: 1000,
        currency: "EUR",
        status,
        providerPaymentId: `pp_${randomUUID()}`,
      });
    const rowsOf = (id: string) => ({
      payment: readRows("select * from payments where id = ?", id),
      events: readRows("select * from payment_events where payment_id = ? order by id", id),
    });

    it.each([
      ["refund", "refundAction", "succeeded", { amount: "10.00" }],
      ["void", "voidAction", "authorized", {}],
      ["capture", "captureAction", "authorized", { amount: "10.00" }],
      ["reconcile", "reconcileAction", "authorized", {}],
      ["settle", "settleAction", "succeeded", {}],
      ["replay", "replayAction", "succeeded", { notificationId: "1" }],
    ] as const)(
      "%s: a guest is sent to sign in and a shopper gets 403; the payment does not change",
      async (_name, action, status, extra) => {
        const { id } = await payment(status);
        const before = rowsOf(id);
        const post = (cookie?: string) =>
          postAction({
            page: `/admin/payments/${id}`,
            id: actionId(ADMIN, action),
            fields: { paymentId: id, ...extra },
            withState: true,
            cookie,
          });
        const asGuest = await post();
        expect(redirectTarget(asGuest)?.pathname).toBe("/login");
        const asShopper = await post(shopperCookie);
        expect(await asShopper.text()).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
        expect(rowsOf(id)).toEqual(before);
      },
    );

    it("demo reset: refused without the operator role, every order stays", async () => {
      const before = readRows("select id, status from orders order by id");
      const asGuest = await postAction({ page: "/admin", id: actionId(ADMIN, "resetDemoAction"), fields: {} });
      expect(redirectTarget(asGuest)?.pathname).toBe("/login");
      const asShopper = await postAction({
        page: "/admin",
        id: actionId(ADMIN, "resetDemoAction"),
        fields: {},
        cookie: shopperCookie,
      });
      expect(await asShopper.text()).toContain("NEXT_HTTP_ERROR_FALLBACK;403");
      expect(readRows("select id, status from orders order by id")).toEqual(before);
    });
  });
});
