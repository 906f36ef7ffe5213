import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite } from "@/lib/sqlite";
import { JSON_TYPE, serverUrl } from "@/lib/testing/control-fixtures";
import { PUBLIC_APP_URL, PUBLIC_MODE_CONTROL_TOKEN, publicModeDemoAccount } from "@/lib/testing/public-mode";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { signInOverHttp } from "@/lib/testing/web-fixtures";

// Public mode (APP_URL=https://shop.example.test): the control plane answers only an operator's
// session or the control token, reads included; /emulators shows its test data to anyone, the
// forms that force outcomes only to an operator.

const control = (path: string) => `${serverUrl()}/emulators/control/${path}`;
const BEARER = { authorization: `Bearer ${PUBLIC_MODE_CONTROL_TOKEN}` };
/** What the shop's own page sends when a browser on the public address posts. */
const FROM_THE_SHOP = { ...JSON_TYPE, origin: PUBLIC_APP_URL };
const DECLINE = JSON.stringify({ outcome: "decline" });

type Headers = Record<string, string>;
const CALLS: { name: string; send: (headers: Headers) => Promise<Response> }[] = [
  { name: "GET next-payment", send: (headers) => fetch(control("antom/next-payment"), { headers }) },
  {
    name: "GET notifications",
    send: (headers) => fetch(control("antom/notifications?reference=pay_public_1"), { headers }),
  },
  { name: "GET charges", send: (headers) => fetch(control("antom/charges?reference=pay_public_1"), { headers }) },
  {
    name: "POST next-payment",
    send: (headers) =>
      fetch(control("antom/next-payment"), {
        method: "POST",
        headers: { ...FROM_THE_SHOP, ...headers },
        body: DECLINE,
      }),
  },
  {
    name: "DELETE next-payment",
    send: (headers) =>
      fetch(control("antom/next-payment"), { method: "DELETE", headers: { origin: PUBLIC_APP_URL, ...headers } }),
  },
  {
    name: "POST replay",
    send: (headers) =>
      fetch(control("antom/notifications/999999999/replay"), {
        method: "POST",
        headers: { ...FROM_THE_SHOP, ...headers },
        body: "{}",
      }),
  },
  { name: "GET clock", send: (headers) => fetch(control("clock"), { headers }) },
  {
    name: "POST clock",
    send: (headers) =>
      fetch(control("clock"), {
        method: "POST",
        headers: { ...FROM_THE_SHOP, ...headers },
        body: JSON.stringify({ advance: "2 hours" }),
      }),
  },
  {
    name: "POST signing-secret",
    send: (headers) =>
      fetch(control("pingpong/signing-secret"), {
        method: "POST",
        headers: { ...FROM_THE_SHOP, ...headers },
        body: "{}",
      }),
  },
];

/** Who set the forced outcomes waiting at Antom, read with the token. */
async function settersAtAntom() {
  const answer = await fetch(control("antom/next-payment"), { headers: BEARER });
  return ((await answer.json()) as { forced: { setBy: string }[] }).forced.map((forced) => forced.setBy);
}

/** The pending Antom override, read with the token. */
async function pendingAtAntom() {
  const answer = await fetch(control("antom/next-payment"), { headers: BEARER });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { override: unknown }).override;
}

let operatorCookie: string;
let shopperCookie: string;
const created: string[] = [];

beforeAll(async () => {
  operatorCookie = await signInOverHttp(publicModeDemoAccount("operator"));
  shopperCookie = await signInOverHttp(publicModeDemoAccount("shopper"));
  await fetch(control("antom/next-payment"), { method: "DELETE", headers: BEARER });
});

afterAll(async () => {
  await fetch(control("antom/next-payment"), { method: "DELETE", headers: BEARER });
  for (const id of created) await transitionPayment(id, "failed", {}, { provider: "antom", summary: "test clean-up" });
  closeSqlite(process.env.DATABASE_PATH!);
});

describe("the control plane of a public deployment", () => {
  it.each<[string, () => Headers]>([
    ["a guest", () => ({})],
    ["a signed-in shopper", () => ({ cookie: shopperCookie })],
    ["a wrong token", () => ({ authorization: `Bearer ${PUBLIC_MODE_CONTROL_TOKEN.replace(/.$/, "x")}` })],
  ])("answers 401 to %s, on every route, saying how to authenticate", async (_who, headersOf) => {
    const sent = headersOf();
    for (const call of CALLS) {
      const answer = await call.send(sent);
      expect(answer.status, call.name).toBe(401);
      expect(await answer.json(), call.name).toEqual({
        error: expect.stringContaining("Authorization: Bearer <EMULATOR_CONTROL_TOKEN>"),
      });
    }
    const reset = await fetch(control("reset"), { method: "POST", headers: { ...FROM_THE_SHOP, ...sent }, body: "{}" });
    expect(reset.status).toBe(401);
    expect(await pendingAtAntom()).toBeNull();
  });

  it("works with Authorization: Bearer $EMULATOR_CONTROL_TOKEN (no Origin: a QA engineer's script)", async () => {
    expect((await fetch(control("antom/notifications?reference=pay_public_1"), { headers: BEARER })).status).toBe(200);
    expect((await fetch(control("antom/charges?reference=pay_public_1"), { headers: BEARER })).status).toBe(200);
    const set = await fetch(control("antom/next-payment"), {
      method: "POST",
      headers: { ...JSON_TYPE, ...BEARER },
      body: DECLINE,
    });
    expect(set.status).toBe(200);
    expect(await pendingAtAntom()).toMatchObject({ outcome: "decline" });
    expect(await settersAtAntom()).toEqual(["control token"]);
    expect((await fetch(control("antom/next-payment"), { method: "DELETE", headers: BEARER })).status).toBe(204);
    expect(await pendingAtAntom()).toBeNull();
    expect(
      (
        await fetch(control("antom/notifications/999999999/replay"), {
          method: "POST",
          headers: { ...JSON_TYPE, ...BEARER },
        })
      ).status,
    ).toBe(404);
  });

  it("works with a signed-in operator's session from the shop's own pages", async () => {
    expect(
      (await fetch(control("antom/notifications?reference=pay_public_1"), { headers: { cookie: operatorCookie } }))
        .status,
    ).toBe(200);
    const set = await fetch(control("antom/next-payment"), {
      method: "POST",
      headers: { ...FROM_THE_SHOP, cookie: operatorCookie },
      body: DECLINE,
    });
    expect(set.status).toBe(200);
    expect(await pendingAtAntom()).toMatchObject({ outcome: "decline" });
    expect(await settersAtAntom()).toEqual([publicModeDemoAccount("operator").email]);
    expect(
      (
        await fetch(control("antom/next-payment"), {
          method: "DELETE",
          headers: { origin: PUBLIC_APP_URL, cookie: operatorCookie },
        })
      ).status,
    ).toBe(204);
    expect(await pendingAtAntom()).toBeNull();
  });

  it("still refuses another site's request, even with the operator's cookie (403), and a change on the cookie with no Origin", async () => {
    const fromEvil = await fetch(control("antom/next-payment"), {
      method: "POST",
      headers: { ...JSON_TYPE, origin: "https://evil.example", cookie: operatorCookie },
      body: DECLINE,
    });
    expect(fromEvil.status).toBe(403);
    const noOrigin = await fetch(control("antom/next-payment"), {
      method: "POST",
      headers: { ...JSON_TYPE, cookie: operatorCookie },
      body: DECLINE,
    });
    expect(noOrigin.status).toBe(403);
    expect(await pendingAtAntom()).toBeNull();
  });

  it("the shop's own calls carry the token: the console lists a payment's emulator notifications", async () => {
    const payment = await createTestPayment({
      provider: "antom",
      amount: 1500,
      currency: "USD",
      status: "succeeded",
      providerPaymentId: `pub_${Date.now()}`,
    });
    created.push(payment.id);
    const page = await (
      await fetch(`${serverUrl()}/admin/payments/${payment.id}`, { headers: { cookie: operatorCookie } })
    ).text();
    expect(page).toContain("Notifications the emulator sent");
    expect(page).not.toContain("control plane did not answer");
  });
});

describe("/emulators on a public deployment", () => {
  it("shows a guest the test data, without the forms that force outcomes", async () => {
    const answer = await fetch(`${serverUrl()}/emulators`);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('data-testid="test-cards"');
    expect(html).toContain("Sign in as an operator to force outcomes");
    expect(html).not.toContain('data-testid="forced-antom"');
    expect(html).not.toContain("Force next payment");
  });

  it("shows a signed-in operator the forms", async () => {
    const html = await (await fetch(`${serverUrl()}/emulators`, { headers: { cookie: operatorCookie } })).text();
    expect(html).toContain('data-testid="forced-antom"');
    expect(html).toContain("Force next payment");
    expect(html).not.toContain("Sign in as an operator to force outcomes");
  });
});
