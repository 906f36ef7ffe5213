// @module-tag shop
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/security/request-body";
import { DRIVERS, paymentNow, post, PROVIDERS } from "@/lib/testing/proof-drivers";
import { operatorCookie } from "@/lib/testing/shop-observations";
import { actionId, postAction, readRows, redirectTarget, serverUrl, shopperWithCard } from "@/lib/testing/web-fixtures";

// Each kind of bad input with the exact answer it gets (the fuzz test, malformed-input.test.ts,
// only shows that none gets a 5xx), and that nothing is written or lost.

const DEEP = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
/** A form cut off before its closing boundary (its fields as React encodes a form action's: `_1_<name>`, then `0`). */
const brokenMultipart = (fields: Record<string, string> = {}) => ({
  "content-type": "multipart/form-data; boundary=cut",
  body: [
    ...Object.entries(fields).map(
      ([name, value]) => `--cut\r\nContent-Disposition: form-data; name="_1_${name}"\r\n\r\n${value}\r\n`,
    ),
    '--cut\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]',
  ].join(""),
});
const BROKEN_MULTIPART = brokenMultipart();
const ACCOUNT = "app/(shop)/account/actions.ts";

describe("a notification nested 20,000 levels deep", () => {
  /** A notification's JSON with one more field, nested 20,000 levels. */
  const nested = (body: string) => `${body.slice(0, -1)},"nested":${DEEP}}`;
  /** What a notification about `paymentId` could write: its row and its timeline. */
  const rowsOf = (paymentId: string) => ({
    payment: readRows("select * from payments where id = ?", paymentId),
    events: readRows("select * from payment_events where payment_id = ?", paymentId),
  });

  it.each(PROVIDERS)(
    "%s: 400 before verification walks it, nothing written; the same notification unnested is then applied",
    async (provider) => {
      const driver = DRIVERS[provider];
      const payment = await driver.create({ amount: 1500, currency: "EUR" });
      const request = await driver.notification(payment, "succeeded");
      const before = rowsOf(payment.id);
      // Signed as the provider signs, where it signs the body: only its depth is wrong.
      const deep = driver.withBody(request, nested(request.body));
      const answer = await post(provider, deep);
      expect(answer).toEqual({ status: 400, text: JSON.stringify({ error: "Notification nested too deeply" }) });
      expect(rowsOf(payment.id)).toEqual(before);
      expect(driver.isAck(await post(provider, request))).toBe(true);
      expect((await paymentNow(payment)).status).toBe("succeeded");
    },
  );
});

describe("a server action's body Next cannot decode", () => {
  const removeCard = (cookie: string, init: { headers?: Record<string, string>; body: BodyInit }) =>
    fetch(`${serverUrl()}/account`, {
      method: "POST",
      redirect: "manual",
      ...init,
      headers: { cookie, origin: serverUrl(), ...init.headers },
      duplex: "half",
    } as RequestInit);

  it.each([
    ["broken multipart (the card's id in it)", (credentialId: string) => brokenMultipart({ credentialId })],
    ["an argument list that is not JSON", () => ({ "content-type": "text/plain;charset=UTF-8", body: '["$K1"' })],
    ["an argument list nested 20,000 levels", () => ({ "content-type": "text/plain;charset=UTF-8", body: DEEP })],
    [
      "an argument list that is not a list",
      () => ({ "content-type": "text/plain;charset=UTF-8", body: '{"0": "$K1"}' }),
    ],
    [
      "a well-formed argument list without the form",
      () => ({ "content-type": "text/plain;charset=UTF-8", body: "[1]" }),
    ],
    ["an empty argument list", () => ({ "content-type": "text/plain;charset=UTF-8", body: "[]" })],
    [
      "a multipart argument list without the form",
      () => ({
        "content-type": "multipart/form-data; boundary=x",
        body: '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n["card"]\r\n--x--\r\n',
      }),
    ],
  ])("%s: 400, the action does not run (the card stays)", async (_name, bodyFor) => {
    const { card, cookie, row } = await shopperWithCard();
    const before = row();
    const { body, ...headers } = bodyFor(card.id);
    const answer = await removeCard(cookie, {
      headers: { ...headers, "next-action": actionId(ACCOUNT, "removeSavedCard") },
      body,
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/^This form could not be read: /);
    expect(row()).toEqual(before);
  });

  it("the no-JavaScript form post, broken: 400 (the card stays)", async () => {
    const { card, cookie, row } = await shopperWithCard();
    const before = row();
    const { body, ...headers } = brokenMultipart({ credentialId: card.id });
    expect(
      (
        await removeCard(cookie, {
          headers,
          body: body
            .replaceAll("_1_", "")
            .replace('name="0"', `name="$ACTION_ID_${actionId(ACCOUNT, "removeSavedCard")}"`),
        })
      ).status,
    ).toBe(400);
    expect(row()).toEqual(before);
  });

  /** The card-removal form with a field of `padding` bytes, encoded as the browser does. */
  async function paddedForm(credentialId: string, padding: number) {
    const form = new FormData();
    form.set(`_1_credentialId`, credentialId);
    form.set(`_1_padding`, "x".repeat(padding));
    form.set("0", JSON.stringify(["$K1"]));
    const encoded = new Response(form);
    return { type: encoded.headers.get("content-type")!, bytes: new Uint8Array(await encoded.arrayBuffer()) };
  }

  it("over the 1 MB limit: 413, whether Content-Length says so or the body is chunked (the card stays)", async () => {
    const { card, cookie, row } = await shopperWithCard();
    const before = row();
    const { type, bytes } = await paddedForm(card.id, MAX_BODY_BYTES);
    const headers = { "content-type": type, "next-action": actionId(ACCOUNT, "removeSavedCard") };
    expect((await removeCard(cookie, { headers, body: bytes })).status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    expect((await removeCard(cookie, { headers, body: chunked })).status).toBe(413);
    expect(row()).toEqual(before);
  });

  it("just under the limit the action runs (the limit is Next's own, not a lower one)", async () => {
    const { card, cookie, row } = await shopperWithCard();
    const { type, bytes } = await paddedForm(card.id, MAX_BODY_BYTES - 1024);
    const answer = await removeCard(cookie, {
      headers: {
        "content-type": type,
        "next-action": actionId(ACCOUNT, "removeSavedCard"),
        accept: "text/x-component",
      },
      body: bytes,
    });
    expect(answer.status).toBe(200);
    expect(row()).toMatchObject([{ status: "revoked" }]);
  });

  it("a well-formed action still runs (so the 400s above are the body's doing)", async () => {
    const { card, cookie, row } = await shopperWithCard();
    expect(
      (
        await postAction({
          page: "/account",
          id: actionId(ACCOUNT, "removeSavedCard"),
          fields: { credentialId: card.id },
          cookie,
        })
      ).status,
    ).toBe(200);
    expect(row()).toMatchObject([{ status: "revoked" }]);
  });
});

describe("sign-in's callbackUrl that is not on this site", () => {
  const signIn = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${serverUrl()}/api/auth/signin?${query}`, { redirect: "manual", headers });
  /** Where a sign-in redirect goes, and the callbackUrl it carries there. */
  const followed = (answer: Response) => {
    const target = redirectTarget(answer)!;
    return { status: answer.status, path: target.pathname, callbackUrl: target.searchParams.get("callbackUrl") };
  };

  it.each(["javascript:alert(document.cookie)", "javascript://%0aalert(1)", "%ZZ", "https://evil.example/phish"])(
    "%s: a redirect to sign in that comes back to the shop's home",
    async (callbackUrl) => {
      expect(followed(await signIn(`callbackUrl=${encodeURIComponent(callbackUrl)}`))).toEqual({
        status: 302,
        path: "/login",
        callbackUrl: `${serverUrl()}/`,
      });
    },
  );

  it("keeps a same-site callbackUrl as it is", async () => {
    expect(followed(await signIn("callbackUrl=%2Forders%3Fpage%3D2"))).toEqual({
      status: 302,
      path: "/login",
      callbackUrl: `${serverUrl()}/orders?page=2`,
    });
  });

  it("a javascript: URL in Auth.js's callback-URL cookie: the session endpoint still answers 200", async () => {
    const answer = await fetch(`${serverUrl()}/api/auth/session`, {
      headers: { cookie: `authjs.callback-url=${encodeURIComponent("javascript:alert(1)")}` },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toBeNull();
  });
});

describe("the emulators' hosted pages take forms only", () => {
  /** POST handlers of the hosted pages that read a form. */
  const FORMS = [
    "/emulators/antom/3ds/2026120100000000000000000001/submit",
    "/emulators/pingpong/3ds/TX2026120100000001/submit",
    "/emulators/lesspay/3ds/P1999999999999999999/submit",
    "/emulators/lesspay/cashier/P1999999999999999999/submit",
    "/emulators/pingpayments/paymentiq/checkout/00000000-0000-4000-8000-000000000000/submit",
    "/emulators/pingpayments/paymentiq/checkout/00000000-0000-4000-8000-000000000000/challenge/submit",
  ];
  /** Their buttons: no field read, but a form (or nothing) all the same; with what a press answers for an unknown payment or token. */
  const BUTTONS: [string, number][] = [
    ["/emulators/pingpong/apm/TX2026120100000001/approve", 404],
    ["/emulators/pingpong/apm/TX2026120100000001/cancel", 404],
    ["/emulators/pingpong/apm/TX2026120100000001/expire", 404],
    ["/emulators/pingpong/wallet/sign/wtk_fuzz/agree", 404],
    ["/emulators/pingpong/wallet/sign/wtk_fuzz/decline", 404],
    ["/emulators/pingpong/wallet/app/wtk_fuzz/unlink", 404],
    ["/emulators/pingpong/wallet/auth/auth_fuzz/authorize", 404],
    // PaymentIQ sends the payer back to its page with the error shown.
    ["/emulators/pingpayments/paymentiq/checkout/00000000-0000-4000-8000-000000000000/cancel", 303],
  ];
  /** The pages themselves (a POST to a page is a possible no-JavaScript form action to Next). */
  const PAGES = [
    "/emulators/pingpong/apm/TX2026120100000001/scan",
    "/emulators/pingpong/wallet/sign/wtk_fuzz",
    "/emulators/lesspay/cashier/P1999999999999999999",
    "/emulators/pingpayments/paymentiq/checkout/00000000-0000-4000-8000-000000000000",
    "/emulators/antom/3ds/2026120100000000000000000001",
  ];
  const send = (path: string, headers: Record<string, string>, body: string) =>
    fetch(`${serverUrl()}${path}`, { method: "POST", headers, body, redirect: "manual" });

  it.each([...FORMS, ...BUTTONS.map(([path]) => path)])(
    "%s: 415 with what to send for JSON, plain text or no content type; 400 for broken multipart",
    async (path) => {
      const answers = await Promise.all([
        send(path, { "content-type": "application/json" }, '{"code":"123456"}'),
        send(path, { "content-type": "text/plain" }, "code=123456"),
        fetch(`${serverUrl()}${path}`, {
          method: "POST",
          body: new Uint8Array([0xff, 0xfe, 0x00, 0x01]),
          redirect: "manual",
        }),
      ]);
      for (const answer of answers)
        expect({ status: answer.status, body: await answer.json() }).toEqual({
          status: 415,
          body: { error: expect.stringMatching(/form|JSON/) },
        });
      const broken = await send(path, { "content-type": BROKEN_MULTIPART["content-type"] }, BROKEN_MULTIPART.body);
      expect(broken.status).toBe(400);
    },
  );

  it.each(BUTTONS)("%s: a form or an empty body is a press of the button (%i)", async (path, pressed) => {
    expect((await send(path, { "content-type": "application/x-www-form-urlencoded" }, "")).status).toBe(pressed);
    expect((await fetch(`${serverUrl()}${path}`, { method: "POST", redirect: "manual" })).status).toBe(pressed);
  });

  it.each(PAGES)("%s: broken multipart posted to the page is 400", async (path) => {
    expect((await send(path, { "content-type": BROKEN_MULTIPART["content-type"] }, BROKEN_MULTIPART.body)).status).toBe(
      400,
    );
  });
});

describe("addresses Next cannot decode", () => {
  it.each([
    "/products/%E0%A4%A",
    "/orders/%ZZ",
    "/api/orders/%ZZ/status",
    "/api/webhooks/%E0%A4%A",
    "/emulators/lesspay/cashier/%ZZ",
  ])("%s: 400", async (path) => {
    const answer = await fetch(`${serverUrl()}${path}`, { redirect: "manual" });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-security-policy")).toContain("script-src");
  });

  it("a repeated filter on the operator's payments list reads its first value (200)", async () => {
    const answer = await fetch(`${serverUrl()}/admin/payments?q=a&q=b&method=card&method=wallet`, {
      headers: { cookie: await operatorCookie() },
      redirect: "manual",
    });
    expect(answer.status).toBe(200);
  });
});
