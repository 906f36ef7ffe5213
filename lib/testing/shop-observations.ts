// What the proof suites observe of the shop besides its answers: row counts, normalised payments,
// the console's counters, the server's request log; and a seeded PRNG and the operator's sign-in.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Payment } from "@/lib/db/schema";
import { count, getTableName } from "drizzle-orm";
import { db } from "@/lib/db/client";
import * as tables from "@/lib/db/tables";
import { serverUrl } from "./server-url";

/**
 * Row counts of every table of the shop's data (what "0 rows written" is checked against), on
 * either dialect. The bookkeeping tables are left out: the counters of limits and of notifications
 * not stored, and the leases, are counted or taken by exactly the requests that may write nothing
 * else (one row per key, provider or lease, whatever the traffic).
 */
export async function shopRowCounts(): Promise<Record<string, number>> {
  const { leases, limitCounters, notificationCounts, ...data } = tables;
  void [leases, limitCounters, notificationCounts];
  const database = await db();
  const counts = await Promise.all(
    Object.values(data).map(async (table) => {
      const [row] = await database.select({ n: count() }).from(table as typeof tables.orders);
      return [getTableName(table), row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts.sort(([a], [b]) => a.localeCompare(b)));
}

/** A payment row with what differs between two equal runs (ids, references, times) normalised. */
export function normalisedPayment(payment: Payment | undefined): Record<string, unknown> {
  if (!payment) return { missing: true };
  return {
    ...payment,
    id: "<id>",
    orderId: "<order>",
    idempotencyKey: "<key>",
    provider: "<provider>",
    providerPaymentId: payment.providerPaymentId ? "<ref>" : null,
    providerData: "<data>",
    createdAt: "<t>",
    updatedAt: "<t>",
  };
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Signs in over HTTP as the seeded operator (next-auth's credentials callback); answers the Cookie header to send. */
export async function operatorCookie(email = "operator@example.com", password = "operator-demo"): Promise<string> {
  const csrf = await fetch(`${serverUrl()}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signIn = await fetch(`${serverUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${serverUrl()}/admin` }),
  });
  const session = signIn.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (!session.some((c) => c.includes("session-token")))
    throw new Error(`Operator sign-in failed: ${signIn.status} ${signIn.headers.get("location")}`);
  return [...cookies, ...session].join("; ");
}

let operatorSession: Promise<string> | undefined;

/**
 * What the console's payments list counts for `provider` since the server started (GET
 * /admin/payments as the operator): notifications refused, and redeliveries that changed nothing.
 */
export async function consoleCounts(provider: string): Promise<{ refused: number; unchanged: number }> {
  operatorSession ??= operatorCookie();
  const response = await fetch(`${serverUrl()}/admin/payments?q=no-such-payment`, {
    headers: { cookie: await operatorSession },
    redirect: "manual",
  });
  if (response.status !== 200) throw new Error(`GET /admin/payments answered ${response.status}`);
  const html = await response.text();
  const count = (panel: string) => {
    const start = html.indexOf(`data-testid="${panel}"`);
    if (start < 0) return 0;
    const items = html.slice(start, html.indexOf("</ul>", start));
    const match = new RegExp(`<li[^>]*data-provider="${provider}"[^>]*data-count="(\\d+)"`).exec(items);
    return match ? Number(match[1]) : 0;
  };
  return { refused: count("rejected-notifications"), unchanged: count("unchanged-redeliveries") };
}

/**
 * How many `method path` requests the test server has been asked since it started: counted in its
 * request log (lib/testing/request-log.mjs, in <dataDir>/server.log). A marker request first, and
 * the count once the log shows it, so that every request before it is in the file.
 */
export async function serverRequestsSoFar(method: string, path: string): Promise<number> {
  const marker = `/api/health?marker=${randomUUID()}`;
  await fetch(`${serverUrl()}${marker}`);
  const logFile = join(process.cwd(), "data/test-integration/server.log");
  for (let wait = 0; wait < 50; wait++) {
    const requests = readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{") && line.includes('"message":"request"'))
      .map((line) => JSON.parse(line) as { method: string; url: string });
    if (requests.some((r) => r.url === marker))
      return requests.filter((r) => r.method === method && r.url === path).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server log never showed the marker request ${marker}`);
}
