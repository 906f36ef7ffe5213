// @module-tag control-plane
import { testBuildDir } from "@/lib/testing/build-dir";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/db/seed";
import { antomSign, antomSignatureHeader } from "@/lib/providers/antom/signature";
import { MAX_BODY_BYTES } from "@/lib/security/request-body";
import { ANTOM_CLIENT_ID, merchantPrivateKey } from "@/lib/testing/antom-fixtures";
import { routesOf } from "@/lib/testing/build-routes";
import { clearOverride, pendingOverride } from "@/lib/testing/control-fixtures";
import { ANTOM } from "@/lib/emulators/antom/proof-driver";
import { LESSPAY } from "@/lib/emulators/lesspay/proof-driver";
import { PROVIDERS } from "@/lib/testing/proof-drivers";
import { pingEmulatorPayment } from "@/lib/emulators/pingpayments/proof-driver";
import { EMULATOR_TENANT } from "@/lib/testing/pingpayments-fixtures";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { serverUrl, signInOverHttp } from "@/lib/testing/web-fixtures";

// Every route handler, page and server action of the build, from its own manifests, gets
// malformed bodies and hostile query strings: whatever the answer, it is never a 5xx.

const manifest = <T>(file: string): T => JSON.parse(readFileSync(join(testBuildDir(), file), "utf8")) as T;

/** App paths of the build (`/(shop)/account/page`, `/api/health/route`) and the URL pattern each serves. */
const APP_PATHS = Object.entries(manifest<Record<string, string>>("app-path-routes-manifest.json")).filter(
  ([, route]) => !route.startsWith("/_"),
);
const HANDLERS = APP_PATHS.filter(([appPath]) => appPath.endsWith("/route")).flatMap(([, route]) => routesOf(route));
const PAGES = APP_PATHS.filter(([appPath]) => appPath.endsWith("/page")).map(([, route]) => route);
const routeOfAppPath = new Map(APP_PATHS);

/** Every server action, posted to the first page that serves it (`workers`: the pages whose forms post it; Next hands an action to its worker from any page). */
const ACTIONS = Object.entries(
  manifest<{ node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }>(
    "server/server-reference-manifest.json",
  ).node,
).map(([id, action]) => {
  const worker = Object.keys(action.workers)[0];
  const route = routeOfAppPath.get(worker.replace(/^app/, ""));
  if (!route) throw new Error(`no route for ${worker} (${action.exportedName})`);
  return { id, label: `${action.filename} ${action.exportedName}`, route };
});

/** Real ids where the shop or an emulator has them (so the handlers get past "not found"), well-formed ones elsewhere. */
let ids: { order: string; payment: string; pingOrder: string; pingPayment: string };

/** Plausible values of a dynamic segment: each provider, each kind of call, each Auth.js endpoint. */
function segmentValues(route: string, name: string): string[] {
  if (name === "provider") return [...PROVIDERS];
  if (name === "nextauth") return ["signin", "callback/credentials", "session", "signout"];
  if (name === "action")
    return route.includes("/lesspay/") ? ["create-order", "query-order"] : ["pay", "inquiryPayment"];
  if (name === "slug") return ["merino-beanie"];
  if (name === "id")
    return [route.startsWith("/admin/payments") ? ids.payment : route.includes("/notifications/") ? "1" : ids.order];
  if (name === "orderId") return [ids.pingOrder];
  if (name === "paymentId")
    return [route.includes("/pingpayments/") ? ids.pingPayment : "2026120100000000000000000001"];
  return [
    { transactionId: "TX2026120100000001", payOrderId: "P1999999999999999999", token: "wtk_fuzz", authId: "auth_fuzz" }[
      name
    ] ?? "fuzz",
  ];
}

/** A route pattern with its dynamic segments filled, once for each plausible value. */
function fill(route: string): string[] {
  const segment = /\[(?:\.\.\.)?([^\]]+)\]/.exec(route);
  if (!segment) return [route];
  return segmentValues(route, segment[1]).flatMap((value) => fill(route.replace(segment[0], value)));
}

const DEEP = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
/** Bytes that are no UTF-8, no form and no JSON (and hold no digit: nothing a card scan could take for a number). */
const GARBAGE = Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 73) % 128));
const OVERSIZED = `["${"x".repeat(MAX_BODY_BYTES)}"]`;

interface Malformed {
  name: string;
  contentType?: string;
  body?: string | Uint8Array;
  /** Another body of a kind already in the list, not multipart: a page never reads it (see PAGE_BODIES). */
  variant?: true;
}

const BODIES: Malformed[] = [
  { name: "invalid JSON", contentType: "application/json", body: '{"event": [1, 2' },
  { name: "20,000-level nested JSON", contentType: "application/json", body: `{"event":${DEEP}}` },
  {
    name: "20,000-level nested JSON as plain text",
    contentType: "text/plain;charset=UTF-8",
    body: DEEP,
    variant: true,
  },
  {
    name: "broken multipart",
    contentType: "multipart/form-data; boundary=fuzz",
    body: '--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]',
  },
  { name: "multipart without a boundary", contentType: "multipart/form-data", body: "code=123456" },
  {
    name: "a form sent as JSON",
    contentType: "application/json",
    body: "code=123456&event=payment_declined",
    variant: true,
  },
  {
    name: "JSON sent as a form",
    contentType: "application/x-www-form-urlencoded",
    body: '["not", "a", "form"]',
    variant: true,
  },
  { name: "an unknown content type", contentType: "application/x-fuzz", body: "code=123456" },
  { name: "binary garbage", contentType: "application/octet-stream", body: GARBAGE },
  { name: "binary garbage as multipart", contentType: "multipart/form-data; boundary=fuzz", body: GARBAGE },
  { name: "an empty body", contentType: "application/json", body: "" },
  { name: "no body and no content type", variant: true },
  { name: "a body over the 1 MB limit", contentType: "application/json", body: OVERSIZED },
  {
    name: "a multipart body over the 1 MB limit",
    contentType: "multipart/form-data; boundary=fuzz",
    body: `--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n${OVERSIZED}\r\n--fuzz--\r\n`,
  },
];

/**
 * A page reads a POST body only as multipart (Next decodes it as a no-JavaScript form action);
 * any other body goes unread and the page renders as for a GET. Pages get every multipart body
 * and one body of each other kind (invalid JSON, nested JSON, unknown type, garbage, empty, oversized).
 */
const PAGE_BODIES = BODIES.filter((body) => !body.variant);

/**
 * What a real client sends beside the body where a handler checks it before the body: the
 * provider's credentials (Ping Payments' tenant, Lesspay's app id, Antom's signature over these
 * very bytes), so that the malformed body reaches the parser instead of the 401/403.
 */
function credentials(path: string, body: string | Uint8Array | undefined): Record<string, string> {
  const text = typeof body === "string" ? body : new TextDecoder().decode(body ?? new Uint8Array(0));
  const antom = (signedPath: string, clientId: string, key: string) => {
    const time = String(Date.now());
    return {
      "client-id": clientId,
      "request-time": time,
      signature: antomSignatureHeader(antomSign({ path: signedPath, clientId, time, body: text }, key)),
    };
  };
  if (path.startsWith("/emulators/pingpayments/api/")) return EMULATOR_TENANT;
  if (path.startsWith("/emulators/lesspay/api/") || path === "/api/webhooks/lesspay")
    return {
      "x-auth-appid": LESSPAY.appId,
      "x-auth-timestamp": String(Date.now()),
      "x-auth-signature": "0".repeat(64),
    };
  if (path.startsWith("/emulators/antom/ams/"))
    return antom(path.slice("/emulators/antom".length), ANTOM_CLIENT_ID, merchantPrivateKey());
  if (path === "/api/webhooks/antom") return antom(ANTOM.path, ANTOM.clientId, ANTOM.antomPrivateKey());
  return {};
}

interface Probe {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Malformed;
}

const EVIL = "https://evil.example";

async function status({ method, path, headers = {}, body }: Probe): Promise<number> {
  const sent: Record<string, string> = { origin: serverUrl(), ...credentials(path, body?.body), ...headers };
  if (body?.contentType) sent["content-type"] = body.contentType;
  const answer = await fetch(`${serverUrl()}${path}`, {
    method,
    headers: sent,
    body: body?.body as BodyInit | undefined,
    redirect: "manual",
  });
  // Read to the end: a client hanging up mid-answer makes Next log an uncaught "aborted" of its own.
  await answer.arrayBuffer();
  return answer.status;
}

/** `work` on every item, a few at a time; the results in the items' order. */
async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>, concurrency = 8): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

/** Sends every probe; the ones answered 5xx, as "<probe> → <status>". */
async function fiveHundreds(probes: Probe[]): Promise<string[]> {
  const answers = await inParallel(probes, status);
  return probes.flatMap((probe, index) => (answers[index] >= 500 ? [`${probe.label} → ${answers[index]}`] : [])).sort();
}

/** The methods a route handler takes a body on (its own Allow, from Next's OPTIONS), POST always. */
async function bodyMethods(path: string): Promise<string[]> {
  const answer = await fetch(`${serverUrl()}${path}`, { method: "OPTIONS" });
  await answer.arrayBuffer();
  const allow = answer.headers
    .get("allow")
    ?.split(",")
    .map((method) => method.trim()) ?? ["POST", "PUT", "PATCH", "DELETE"];
  return ["POST", ...allow.filter((method) => ["PUT", "PATCH", "DELETE"].includes(method))];
}

/** Query parameters the pages and handlers read, each set to a hostile value. */
const PARAMETERS = [
  "callbackUrl",
  "reference",
  "code",
  "wallet",
  "error",
  "storyline",
  "attempt",
  "linked",
  "provider",
  "method",
  "status",
  "currency",
  "from",
  "to",
  "q",
  "after",
];
const QUERIES: Record<string, string> = {
  "javascript: URLs": PARAMETERS.map(
    (name) => `${name}=${encodeURIComponent("javascript:alert(document.cookie)")}`,
  ).join("&"),
  "very long values": PARAMETERS.map((name) => `${name}=${"a".repeat(800)}`).join("&"),
  // Twice each: a page reading one value gets the bad escape, one reading them all gets a list.
  "invalid percent-encoding, every parameter twice": PARAMETERS.flatMap((name) => [
    `${name}=%E0%A4%A`,
    `${name}=%ZZ%`,
  ]).join("&"),
};

/** Routes whose answer depends on who is signed in: probed as a guest and as the operator. */
const SESSION_ROUTES = /^\/(admin|account|orders|checkout|api\/orders|api\/auth)\b/;

describe("malformed input to every route handler, page and server action of the build: never a 5xx", () => {
  let operatorCookie: string;

  beforeAll(async () => {
    // No forced fault (the control plane's deliberate 500s) may be pending at any emulator.
    for (const provider of PROVIDERS) {
      expect(await clearOverride(provider)).toBe(204);
      expect((await pendingOverride(provider)).json.override).toBeNull();
    }
    operatorCookie = await signInOverHttp(DEMO_USERS.find((user) => user.role === "operator")!);
    const payment = await createTestPayment({
      provider: "pingpayments",
      amount: 1200,
      currency: "EUR",
      status: "succeeded",
      providerPaymentId: `pp_fuzz_${Date.now()}`,
    });
    const remote = await pingEmulatorPayment({ amount: 1200, currency: "EUR" });
    ids = {
      order: payment.orderId,
      payment: payment.id,
      pingOrder: remote.paymentOrderId,
      pingPayment: remote.paymentId,
    };
  });

  it("walks the build's own lists (sanity: handlers of every kind, pages, and every action)", () => {
    expect(HANDLERS).toEqual(
      expect.arrayContaining([
        "/api/webhooks/[provider]",
        "/api/auth/[...nextauth]",
        "/emulators/antom/3ds/[paymentId]/submit",
        "/emulators/control/reset",
      ]),
    );
    expect(HANDLERS.length).toBeGreaterThanOrEqual(50);
    expect(PAGES).toEqual(
      expect.arrayContaining(["/", "/checkout", "/account", "/emulators/pingpong/apm/[transactionId]/scan"]),
    );
    expect(ACTIONS.length).toBe(
      Object.keys(manifest<{ node: object }>("server/server-reference-manifest.json").node).length,
    );
    expect(ACTIONS.length).toBeGreaterThan(15);
  });

  it.each([
    ["the shop's", (route: string) => !route.startsWith("/emulators/")],
    ["the emulators'", (route: string) => route.startsWith("/emulators/")],
  ])(
    "%s route handlers: every malformed body, by every method each takes one",
    // Thousands of requests, more with each emulator: the budget of a sweep, not a speed limit.
    { timeout: 120_000 },
    async (_whose, whose) => {
      const paths = HANDLERS.filter(whose).flatMap(fill);
      const methods = await inParallel(paths, bodyMethods);
      const probes = paths.flatMap((path, index) =>
        methods[index].flatMap((method) =>
          BODIES.map((body) => ({ label: `${method} ${path} [${body.name}]`, method, path, body })),
        ),
      );
      expect(await fiveHundreds(probes)).toEqual([]);
    },
  );

  it("server actions: every malformed body, to every action (same Origin, and a few from another site)", async () => {
    const probes = ACTIONS.flatMap(({ id, label, route }) =>
      fill(route).flatMap((path) => [
        ...BODIES.map((body) => ({
          label: `${label} on ${path} [${body.name}]`,
          method: "POST",
          path,
          headers: { "next-action": id, accept: "text/x-component" },
          body,
        })),
        ...BODIES.slice(0, 4).map((body) => ({
          label: `${label} on ${path} from ${EVIL} [${body.name}]`,
          method: "POST",
          path,
          headers: { "next-action": id, origin: EVIL },
          body,
        })),
      ]),
    );
    expect(await fiveHundreds(probes)).toEqual([]);
  });

  it("pages: every multipart body and one of each other kind, as a no-JavaScript form post", async () => {
    const probes = PAGES.flatMap(fill).flatMap((path) =>
      PAGE_BODIES.map((body) => ({ label: `POST ${path} [${body.name}]`, method: "POST", path, body })),
    );
    expect(await fiveHundreds(probes)).toEqual([]);
  });

  it("pages and route handlers: GET with hostile query strings, and paths with invalid percent-encoding (as a guest, and as the operator where a session matters)", async () => {
    const paths = [...PAGES, ...HANDLERS].flatMap(fill);
    const dynamic = [...PAGES, ...HANDLERS]
      .filter((route) => route.includes("["))
      .map((route) => route.replace(/\[[^\]]+\]/g, "%E0%A4%A"));
    const probes = [
      ...paths.flatMap((path) =>
        Object.entries(QUERIES).map(([name, query]) => ({ label: `GET ${path} [${name}]`, path: `${path}?${query}` })),
      ),
      ...dynamic.map((path) => ({ label: `GET ${path}`, path })),
    ].flatMap((probe) => [
      { ...probe, method: "GET" },
      ...(SESSION_ROUTES.test(probe.path)
        ? [{ ...probe, label: `${probe.label} as the operator`, method: "GET", headers: { cookie: operatorCookie } }]
        : []),
    ]);
    expect(await fiveHundreds(probes)).toEqual([]);
  });
});
