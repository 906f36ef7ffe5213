// @module-tag shop
import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSessionRevoked, revokeSession } from "@/lib/db/queries/sessions";
import { accountWithPassword } from "@/lib/sign-in-account";
import { PASSWORD_HASH_COST, type HashCheck } from "@/lib/passwords";
import { closeSqlite } from "@/lib/sqlite";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";
import {
  actionId,
  createTestUser,
  csrfOverHttp,
  postAction,
  postCredentials,
  redirectTarget,
  signInOverHttp,
} from "@/lib/testing/web-fixtures";

// Sign-in as an outsider probes it (issue 14): guessing passwords, telling known emails from
// unknown ones by the time the answer takes (here: by the hash work each costs), and replaying a
// session token after sign-out.
//
// A server of its own, with the test as its trusted proxy on loopback: each test names its own
// client addresses in X-Forwarded-For, so one test's failures never count against another's,
// and none reach the shared server (whose other files sign in from loopback).
const PORT = Number(process.env.SIGN_IN_TEST_PORT ?? Number(process.env.INTEGRATION_PORT ?? 3101) + 4);
const DATA_DIR = "data/test-sign-in";
const SHARED_DATABASE = process.env.DATABASE_PATH;
let server: { url: string; stop: () => Promise<void> };
let base: string;

beforeAll(async () => {
  server = await startTestServer({ port: PORT, dataDir: DATA_DIR, env: { TRUSTED_PROXIES: "127.0.0.1, ::1" } });
  base = server.url;
  // This file's accounts and revocations go to that server's database (lib/db/client.ts opens DATABASE_PATH).
  process.env.DATABASE_PATH = join(DATA_DIR, "shop.sqlite");
}, 90_000);

afterAll(async () => {
  closeSqlite(join(DATA_DIR, "shop.sqlite"));
  process.env.DATABASE_PATH = SHARED_DATABASE;
  await server?.stop();
});

type Outcome = "signed in" | "wrong" | "throttled";

/** One sign-in over Auth.js's endpoint from `address`: what came of it. */
async function attempt(
  account: { email: string; password: string },
  address: string,
): Promise<{ outcome: Outcome; cookie: string }> {
  const csrf = await csrfOverHttp(base);
  const { answer, cookie } = await postCredentials(account, csrf, { base, headers: { "x-forwarded-for": address } });
  const code = redirectTarget(answer, base)?.searchParams.get("code");
  if (/authjs\.session-token=/.test(cookie)) return { outcome: "signed in", cookie };
  if (code === "too_many_attempts") return { outcome: "throttled", cookie };
  expect(code, `an answer of neither kind: ${answer.status} ${answer.headers.get("location")}`).toBe("credentials");
  return { outcome: "wrong", cookie };
}

const wrong = (account: { email: string }) => ({ email: account.email, password: "not-the-password" });

describe("sign-in is throttled", () => {
  it("per account: the 11th wrong password in a minute is refused, and so is the right one after it, from any address", async () => {
    const account = await createTestUser();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 11; i++) outcomes.push((await attempt(wrong(account), "198.51.100.11")).outcome);
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("wrong"));
    expect(outcomes[10]).toBe("throttled");
    expect((await attempt(account, "198.51.100.11")).outcome).toBe("throttled");
    expect((await attempt(account, "198.51.100.12")).outcome).toBe("throttled");
  });

  it("per address: another account from the same address is refused once the address has used its failures", async () => {
    const address = "198.51.100.21";
    // Four accounts, five wrong passwords each: no account is over its own limit, the address is at 20.
    for (let i = 0; i < 4; i++) {
      const account = await createTestUser();
      for (let j = 0; j < 5; j++) expect((await attempt(wrong(account), address)).outcome).toBe("wrong");
    }
    const fresh = await createTestUser();
    expect((await attempt(fresh, address)).outcome).toBe("throttled");
    // The same account from another address: the account itself had done nothing wrong.
    expect((await attempt(fresh, "198.51.100.22")).outcome).toBe("signed in");
  });

  it("the shop's sign-in form says so (not a 500, not 'wrong password')", async () => {
    const account = await createTestUser();
    // Eight counted failures: the account then waits 8 s (1, 2, 4, 8 s after the free five), long
    // enough that the form's post below still falls inside it on a loaded machine. A refused try
    // is not counted, so the loop waits out the shorter waits in between.
    for (let failures = 0; failures < 8;) {
      if ((await attempt(wrong(account), "198.51.100.31")).outcome === "wrong") failures++;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const answer = await postAction(
      {
        page: "/login",
        id: actionId("app/(shop)/login/actions.ts", "logIn"),
        fields: { ...account, callbackUrl: "/account" },
        withState: true,
        headers: { "x-forwarded-for": "198.51.100.31" },
      },
      base,
    );
    expect(answer.status).toBe(200);
    const body = await answer.text();
    expect(body).toMatch(/Too many sign-in attempts\. Try again in \d+ (second|minute)s?\./);
    expect(redirectTarget(answer, base)).toBeUndefined();
  }, 60_000);
});

describe("unknown emails cost the same password-hash work as known ones", () => {
  // What the sign-in endpoint runs (lib/auth.ts), with bcrypt's check counted: the same work for
  // both means the answer's time does not tell which emails have accounts. No clock involved.
  it("a wrong password for a known email and any password for an unknown one: one bcrypt check each, at the shop's cost", async () => {
    const checks: { password: string; cost: number }[] = [];
    const counted: HashCheck = (password, hash) => {
      checks.push({ password, cost: bcrypt.getRounds(hash) });
      return bcrypt.compare(password, hash);
    };
    const known = await createTestUser("shopper", { hashCost: PASSWORD_HASH_COST });
    expect(await accountWithPassword(known.email, "not-the-password", counted)).toBeNull();
    expect(await accountWithPassword(`nobody-${randomUUID()}@example.test`, "not-the-password", counted)).toBeNull();
    const oneCheckAtTheShopsCost = { password: "not-the-password", cost: PASSWORD_HASH_COST };
    expect(checks).toEqual([oneCheckAtTheShopsCost, oneCheckAtTheShopsCost]);
    // The same check lets the right password in.
    expect(await accountWithPassword(known.email, known.password, counted)).toMatchObject({ id: known.id });
    expect(checks).toHaveLength(3);
  });
});

describe("sign-out ends the session", () => {
  const sessionUser = async (cookie: string) => {
    const answer = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { user?: { email?: string } } | null)?.user?.email;
  };

  it("a session cookie copied before Auth.js's sign-out is refused after it", async () => {
    const account = await createTestUser();
    const cookie = await signInOverHttp(account, base);
    expect(await sessionUser(cookie)).toBe(account.email);
    const csrf = await csrfOverHttp(base, cookie);
    const signOut = await fetch(`${base}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, origin: base },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: "/" }),
    });
    expect(signOut.status).toBe(302);
    expect(await sessionUser(cookie)).toBeUndefined();
  });

  it("an operator's session cookie copied before the shop's sign-out button no longer opens an operator page", async () => {
    const operator = await createTestUser("operator");
    const cookie = await signInOverHttp(operator, base);
    expect((await fetch(`${base}/admin`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
    const signOut = await postAction(
      { page: "/", id: actionId("app/actions/session.ts", "logOut"), fields: {}, cookie },
      base,
    );
    expect(redirectTarget(signOut, base)?.pathname).toBe("/");
    const after = await fetch(`${base}/admin`, { headers: { cookie }, redirect: "manual" });
    expect(redirectTarget(after, base)?.pathname).toBe("/login");
  });

  it("revocations whose sessions have expired anyway are pruned", async () => {
    const now = new Date();
    const expired = `sid-${randomUUID()}`;
    await revokeSession(expired, new Date(now.getTime() - 1000), new Date(now.getTime() - 2000));
    expect(await isSessionRevoked(expired)).toBe(true);
    const current = `sid-${randomUUID()}`;
    await revokeSession(current, new Date(now.getTime() + 60_000), now);
    expect(await isSessionRevoked(expired)).toBe(false);
    expect(await isSessionRevoked(current)).toBe(true);
  });
});
