// @module-tag shop
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cartCookie } from "@/lib/testing/cart-cookie";
import { createTestOrder } from "@/lib/testing/shop-fixtures";
import {
  actionId,
  createTestUser,
  linkedWallet,
  postAction,
  readRows,
  savedCard,
  serverUrl,
  signInOverHttp,
} from "@/lib/testing/web-fixtures";

/**
 * Another shopper's order, saved card or wallet answers exactly like one that does not exist
 * (404: its existence is not revealed) and nothing about it changes.
 */
describe("another shopper's things", () => {
  let owner: Awaited<ReturnType<typeof createTestUser>>;
  let otherCookie: string;
  let ownerOrder: string;

  /** Everything the shop holds about the owner: compared before and after each attempt. */
  const ownersRows = () => ({
    orders: readRows("select * from orders where user_id = ? order by id", owner.id),
    payments: readRows(
      "select p.* from payments p join orders o on o.id = p.order_id where o.user_id = ? order by p.id",
      owner.id,
    ),
    events: readRows(
      "select e.* from payment_events e join payments p on p.id = e.payment_id join orders o on o.id = p.order_id where o.user_id = ? order by e.id",
      owner.id,
    ),
    credentials: readRows("select * from stored_credentials where user_id = ? order by id", owner.id),
  });

  beforeAll(async () => {
    owner = await createTestUser();
    const other = await createTestUser();
    otherCookie = await signInOverHttp(other);
    ownerOrder = await createTestOrder({ amount: 2500, currency: "EUR", userId: owner.id });
  });

  it.each([
    ["the order page", (id: string) => `/orders/${id}`],
    ["the order's status API", (id: string) => `/api/orders/${id}/status`],
    ["the 3-D Secure hand-off page", (id: string) => `/orders/${id}/authenticate`],
  ])("%s of another shopper's order is a 404, the same as an order that does not exist", async (_name, path) => {
    const before = ownersRows();
    for (const cookie of [otherCookie, undefined]) {
      const theirs = await fetch(`${serverUrl()}${path(ownerOrder)}`, {
        headers: cookie ? { cookie } : {},
        redirect: "manual",
      });
      const missing = await fetch(`${serverUrl()}${path("ord_doesnotexist000")}`, {
        headers: cookie ? { cookie } : {},
        redirect: "manual",
      });
      expect(theirs.status).toBe(404);
      expect(missing.status).toBe(404);
      const page = await theirs.text();
      // The page names the id it was asked for (the URL), nothing of the order itself.
      expect(page).not.toContain("Merino beanie");
      expect(page).not.toContain("1 Test Street");
    }
    expect(ownersRows()).toEqual(before);
  });

  it("paying another shopper's order again is a 404 and starts no payment", async () => {
    const before = ownersRows();
    const answer = await postAction({
      page: `/orders/${ownerOrder}`,
      id: actionId("app/(shop)/checkout/actions.ts", "payAgain"),
      fields: { orderId: ownerOrder, attemptToken: randomUUID(), paymentMethod: "pingpayments:card" },
      withState: true,
      cookie: otherCookie,
    });
    expect(answer.status).toBe(404);
    expect(ownersRows()).toEqual(before);
  });

  it("removing another shopper's saved card is a 404 and the card stays", async () => {
    const card = await savedCard(owner.id, "1111");
    const before = ownersRows();
    const answer = await postAction({
      page: "/account",
      id: actionId("app/(shop)/account/actions.ts", "removeSavedCard"),
      fields: { credentialId: card.id },
      cookie: otherCookie,
    });
    expect(answer.status).toBe(404);
    expect(ownersRows()).toEqual(before);
  });

  it("unlinking another shopper's wallet is a 404 and the wallet stays linked", async () => {
    const wallet = await linkedWallet(owner.id, owner.id);
    const before = ownersRows();
    const answer = await postAction({
      page: "/account",
      id: actionId("app/(shop)/account/actions.ts", "unlinkWalletAction"),
      fields: { credentialId: wallet.id },
      cookie: otherCookie,
    });
    expect(answer.status).toBe(404);
    expect(ownersRows()).toEqual(before);
  });

  it("paying with another shopper's saved card is a 404 and places no order", async () => {
    const card = await savedCard(owner.id, "2222");
    const before = ownersRows();
    const ordersBefore = readRows("select count(*) as n from orders");
    const answer = await postAction({
      page: "/checkout",
      id: actionId("app/(shop)/checkout/actions.ts", "placeOrderAndPay"),
      fields: {
        checkoutToken: randomUUID(),
        email: "thief@example.test",
        name: "Tom Thief",
        addressLine: "1 Side Street",
        city: "Elsewhere",
        postalCode: "999",
        country: "SE",
        paymentMethod: `pingpong:card:${card.id}`,
      },
      withState: true,
      cookie: `${otherCookie}; ${cartCookie()}`,
    });
    expect(answer.status).toBe(404);
    expect(ownersRows()).toEqual(before);
    expect(readRows("select count(*) as n from orders")).toEqual(ordersBefore);
  });

  it("the owner still sees and changes their own things (the refusals above are not blanket ones)", async () => {
    const ownerCookie = await signInOverHttp(owner);
    expect((await fetch(`${serverUrl()}/orders/${ownerOrder}`, { headers: { cookie: ownerCookie } })).status).toBe(200);
    expect(
      (await fetch(`${serverUrl()}/api/orders/${ownerOrder}/status`, { headers: { cookie: ownerCookie } })).status,
    ).toBe(200);
    const card = await savedCard(owner.id, "3333");
    const answer = await postAction({
      page: "/account",
      id: actionId("app/(shop)/account/actions.ts", "removeSavedCard"),
      fields: { credentialId: card.id },
      cookie: ownerCookie,
    });
    expect(answer.status).toBe(200);
    expect(readRows("select status from stored_credentials where id = ?", card.id)).toEqual([{ status: "revoked" }]);
  });
});
