// @module-tag shop
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrder } from "@/lib/testing/shop-fixtures";
import {
  actionId,
  createTestUser,
  postAction,
  redirectTarget,
  serverUrl,
  signInOverHttp,
} from "@/lib/testing/web-fixtures";

/** Every way a redirect parameter can try to leave the site (lib/safe-redirect.ts is the one gate). */
const OFF_SITE = [
  "https://evil.example",
  "//evil.example",
  "/\\evil.example",
  "javascript:alert(document.cookie)",
  "/%5Cevil.example",
  "\t//evil.example",
  "https:evil.example",
];

/** The browser stays on the shop: same origin, and a http(s) page. */
function expectOnSite(target: URL | undefined) {
  expect(target, "a redirect").toBeDefined();
  expect(target!.origin).toBe(new URL(serverUrl()).origin);
  expect(target!.protocol).toMatch(/^https?:$/);
}

/** Auth.js refuses some callback URLs outright (its InvalidCallbackUrl error page): also not followed. */
function expectNotFollowed(answer: Response) {
  const target = redirectTarget(answer);
  if (target) expectOnSite(target);
  else expect(answer.status).toBeGreaterThanOrEqual(400);
}

describe("redirects by a request parameter stay on the site", () => {
  let account: { email: string; password: string };
  beforeAll(async () => {
    account = await createTestUser();
  });

  it.each(OFF_SITE)("the sign-in page does not carry %s into its form", async (target) => {
    const page = await (await fetch(`${serverUrl()}/login?callbackUrl=${encodeURIComponent(target)}`)).text();
    const field = /name="callbackUrl" value="([^"]*)"/.exec(page)?.[1] ?? "";
    // A path on this site only (a browser reads `//host` and `/\host` as another host).
    expect(field).toMatch(/^\/(?![/\\])/);
    expectOnSite(new URL(field, serverUrl()));
  });

  it.each(OFF_SITE)("signing in (the shop's form) with callbackUrl %s lands on the site", async (target) => {
    const answer = await postAction({
      page: "/login",
      id: actionId("app/(shop)/login/actions.ts", "logIn"),
      fields: { ...account, callbackUrl: target },
      withState: true,
    });
    expectOnSite(redirectTarget(answer));
  });

  it.each(OFF_SITE)("Auth.js's own sign-in endpoint with callbackUrl %s lands on the site", async (target) => {
    const csrf = await fetch(`${serverUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const answer = await fetch(`${serverUrl()}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: serverUrl() },
      body: new URLSearchParams({ ...account, csrfToken, callbackUrl: target }),
    });
    expectNotFollowed(answer);
  });

  it.each(OFF_SITE)("Auth.js's sign-in and sign-out pages with callbackUrl %s stay on the site", async (target) => {
    const signInPage = await fetch(`${serverUrl()}/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`, {
      redirect: "manual",
    });
    expectNotFollowed(signInPage);
    const cookie = await signInOverHttp(account);
    const csrf = await fetch(`${serverUrl()}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const signOut = await fetch(`${serverUrl()}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${cookie}; ${csrfCookie}`,
        origin: serverUrl(),
      },
      body: new URLSearchParams({ csrfToken, callbackUrl: target }),
    });
    expectNotFollowed(signOut);
  });

  it.each(OFF_SITE)("the 3-D Secure hand-off page with attempt=%s goes back to its order", async (target) => {
    const orderId = await createTestOrder({ amount: 1500, currency: "EUR" });
    const answer = await fetch(`${serverUrl()}/orders/${orderId}/authenticate?attempt=${encodeURIComponent(target)}`, {
      redirect: "manual",
    });
    const to = redirectTarget(answer);
    expectOnSite(to);
    expect(to!.pathname).toBe(`/orders/${orderId}`);
  });

  it("a page that needs a session sends a guest to sign in on the site, with a same-site way back", async () => {
    const answer = await fetch(
      `${serverUrl()}/account/wallets/legacy?wallet=AlipayHK&code=x&next=${encodeURIComponent("https://evil.example")}`,
      { redirect: "manual" },
    );
    const to = redirectTarget(answer);
    expectOnSite(to);
    expect(to!.searchParams.get("callbackUrl")).toBe("/account");
  });
});
