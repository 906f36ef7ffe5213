// Test helpers of the web-security suite: accounts, a signed-in session over HTTP, and server
// actions posted the way the browser posts them (the `Next-Action` header and React's encoding).
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeTransaction } from "@/lib/db/client";
import { insertCredential } from "@/lib/db/queries/credentials";
import { users } from "@/lib/db/tables";
import { randomId } from "@/lib/ids";
import { serverUrl } from "./server-url";
import { testBuildDir } from "./build-dir";
export { serverUrl } from "./server-url";

/**
 * A fresh account (its own email) to sign in with; the password is "correct-horse-battery". Its
 * hash is cheap (cost 4) unless `hashCost` says otherwise (the shop's real cost, for timing).
 */
export async function createTestUser(
  role: "shopper" | "operator" = "shopper",
  { hashCost = 4 }: { hashCost?: number } = {},
): Promise<{ id: string; email: string; password: string }> {
  const id = randomId("usr");
  const email = `${id}@example.test`;
  const password = "correct-horse-battery";
  await writeTransaction(async (tx) => {
    await tx
      .insert(users)
      .values({ id, email, name: `Test ${role}`, passwordHash: bcrypt.hashSync(password, hashCost), role });
  });
  return { id, email, password };
}

/** Cookies of a `set-cookie` list, as one `cookie` header (name=value pairs only). */
function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair]),
  );
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()].join("; ");
}

/** Auth.js's CSRF token and the cookie that goes with it (`cookie`: cookies the client already has). */
export async function csrfOverHttp(base = serverUrl(), cookie = ""): Promise<{ csrfToken: string; cookie: string }> {
  const answer = await fetch(`${base}/api/auth/csrf`, { headers: cookie ? { cookie } : {} });
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookieHeader(answer, cookie) };
}

/**
 * Posts email and password to Auth.js's credentials endpoint as its sign-in page does, with a
 * CSRF token from csrfOverHttp; `headers` adds request headers (e.g. the forwarded client address).
 * Returns the answer and the cookies the client then holds.
 */
export async function postCredentials(
  account: { email: string; password: string },
  csrf: { csrfToken: string; cookie: string },
  { base = serverUrl(), headers = {} }: { base?: string; headers?: Record<string, string> } = {},
) {
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, origin: base },
    body: new URLSearchParams({
      email: account.email,
      password: account.password,
      csrfToken: csrf.csrfToken,
      callbackUrl: `${base}/account`,
    }),
  });
  return { answer, cookie: cookieHeader(answer, csrf.cookie) };
}

/** Signs in through Auth.js's own endpoints (CSRF token, then credentials) and returns the session cookie header. */
export async function signInOverHttp(
  account: { email: string; password: string },
  base = serverUrl(),
): Promise<string> {
  const { answer, cookie } = await postCredentials(account, await csrfOverHttp(base), { base });
  if (!/authjs\.session-token=/.test(cookie)) throw new Error(`sign-in failed for ${account.email}: ${answer.status}`);
  return cookie;
}

/** An active saved Visa card of `userId` at PingPong (the provider that keeps cards), ending in `last4`. */
export function savedCard(userId: string, last4: string) {
  return insertCredential({
    userId,
    provider: "pingpong",
    kind: "card",
    token: `tok_${randomUUID()}`,
    brand: "Visa",
    last4,
    status: "active",
  });
}

/** An active linked AlipayHK wallet of `userId` at PingPong, bound for `merchantUserId` when given. */
export function linkedWallet(userId: string, merchantUserId?: string) {
  return insertCredential({
    userId,
    provider: "pingpong",
    kind: "wallet",
    token: `wtk_${randomUUID()}`,
    brand: "AlipayHK",
    merchantUserId,
    status: "active",
  });
}

/** A card of a fresh shopper, the shopper's session, and a reader of the card's row. */
export async function shopperWithCard() {
  const shopper = await createTestUser();
  const card = await savedCard(shopper.id, "4242");
  const cookie = await signInOverHttp(shopper);
  return { shopper, card, cookie, row: () => readRows("select * from stored_credentials where id = ?", card.id) };
}

/** A server action's id in the tests' build (`.next-test/server/server-reference-manifest.json`). */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(join(testBuildDir(), "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${file}; run \`next build\``);
  return found[0];
}

export interface ActionPost {
  /** The page the form is on (the action runs there). */
  page: string;
  id: string;
  fields: Record<string, string>;
  /** `useActionState` actions take the previous state first. */
  withState?: boolean;
  cookie?: string;
  /** The Origin header; `null` sends none. Defaults to the server's own origin. */
  origin?: string | null;
  /** More request headers (e.g. the client address a proxy would forward). */
  headers?: Record<string, string>;
}

/**
 * Posts a server action as React's client does: `Next-Action: <id>` and the arguments encoded
 * as multipart form data (`0` holds the argument list, `_1_<name>` the form's fields).
 */
export async function postAction(
  { page, id, fields, withState = false, cookie, origin, headers: extra = {} }: ActionPost,
  base = serverUrl(),
): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(`_1_${name}`, value);
  // The argument list comes last, as React sends it: the server resolves it once the fields are in.
  body.set("0", JSON.stringify(withState ? [{}, "$K1"] : ["$K1"]));
  const headers: Record<string, string> = { ...extra, "next-action": id, accept: "text/x-component" };
  if (cookie) headers.cookie = cookie;
  if (origin !== null) headers.origin = origin ?? base;
  return fetch(`${base}${page}`, { method: "POST", headers, body, redirect: "manual" });
}

/** Rows as the database holds them now (read-only, its own connection): for "nothing changed" checks. */
export function readRows(query: string, ...params: unknown[]): unknown[] {
  const database = new Database(process.env.DATABASE_PATH ?? "data/test-integration/shop.sqlite", {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return database.prepare(query).all(...params);
  } finally {
    database.close();
  }
}

/** Where an answer sends the browser: a redirect's Location or a server action's redirect, resolved. */
export function redirectTarget(answer: Response, base = serverUrl()): URL | undefined {
  const raw =
    answer.headers.get("x-action-redirect")?.replace(/;(push|replace)$/, "") ?? answer.headers.get("location");
  return raw ? new URL(raw, base) : undefined;
}
