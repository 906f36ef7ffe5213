// @module-tag emulator-internals
import { testBuildDir } from "@/lib/testing/build-dir";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/db/seed";
import { routesOf } from "@/lib/testing/build-routes";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { serverUrl, signInOverHttp } from "@/lib/testing/web-fixtures";

/** Every route of the build (pages and route handlers, each emulator API pattern), from Next's own manifest. */
const ROUTES: string[] = [
  ...new Set(
    Object.values(
      JSON.parse(readFileSync(join(testBuildDir(), "app-path-routes-manifest.json"), "utf8")) as Record<string, string>,
    ).flatMap(routesOf),
  ),
]
  .filter((route) => !route.startsWith("/_"))
  .sort();

/** Routes that render for real here (a 200 page, not a 404 or a redirect): the nonce check bites on them. */
const RENDERED = [
  "/",
  "/cart",
  "/checkout",
  "/demo",
  "/login",
  "/products/[slug]",
  "/orders/[id]",
  "/admin",
  "/admin/payments",
  "/admin/payments/[id]",
  "/admin/orders/[id]",
  "/emulators",
  "/api/health",
];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** The headers every answer carries, and a strict policy; returns the policy's nonce. */
function expectProtected(answer: Response, label: string): string {
  const headers = answer.headers;
  expect(headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(headers.get("x-frame-options"), label).toBe("DENY");
  expect(headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), label).toContain("camera=()");
  expect(headers.get("x-powered-by"), label).toBeNull();
  const policy = headers.get("content-security-policy");
  expect(policy, `${label}: Content-Security-Policy`).toBeTruthy();
  const csp = directives(policy!);
  const scripts = csp.get("script-src") ?? [];
  const nonce = scripts.find((value) => value.startsWith("'nonce-"));
  expect(nonce, `${label}: script-src nonce`).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(scripts, label).toContain("'strict-dynamic'");
  expect(scripts, `${label}: no inline or eval'd scripts in production`).not.toContain("'unsafe-inline'");
  expect(scripts, label).not.toContain("'unsafe-eval'");
  expect(csp.get("default-src"), label).toEqual(["'self'"]);
  expect(csp.get("object-src"), label).toEqual(["'none'"]);
  expect(csp.get("base-uri"), label).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
  const formAction = csp.get("form-action") ?? [];
  expect(formAction, label).toContain("'self'");
  for (const source of formAction)
    expect(source, `${label}: form-action names origins, no wildcards`).toMatch(/^('self'|https?:\/\/[^*\s/]+)$/);
  return nonce!.slice("'nonce-".length, -1);
}

/** Every <script> of a page carries the answer's nonce (Next stamps its own scripts with it). */
function expectScriptsNonced(html: string, nonce: string, label: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  for (const tag of scripts) expect(tag, `${label}: ${tag.slice(0, 80)}`).toContain(`nonce="${nonce}"`);
}

describe("security headers and a Content-Security-Policy on every answer", () => {
  let operatorCookie: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const operator = DEMO_USERS.find((user) => user.role === "operator")!;
    operatorCookie = await signInOverHttp(operator);
    const payment = await createTestPayment({
      provider: "pingpayments",
      amount: 1200,
      currency: "EUR",
      status: "succeeded",
      providerPaymentId: `pp_headers_${Date.now()}`,
    });
    ids = { order: payment.orderId, payment: payment.id };
  });

  /** A route with its dynamic segments filled: real ids where the shop has them, fakes (404s) elsewhere. */
  function fill(route: string): string {
    return route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_all, _rest, name: string) => {
      if (route.startsWith("/admin/payments")) return ids.payment;
      if (
        name === "id" &&
        (route.startsWith("/orders") || route.startsWith("/admin/orders") || route.startsWith("/api/orders"))
      )
        return ids.order;
      return (
        { slug: "merino-beanie", nextauth: "session", provider: "pingpong", action: "inquiryPayment" }[name] ??
        "does-not-exist"
      );
    });
  }

  it("walks a route list that is the build's (sanity: pages, APIs and emulators are in it)", () => {
    expect(ROUTES).toEqual(
      expect.arrayContaining([
        "/",
        "/checkout",
        "/account",
        "/admin",
        "/orders/[id]",
        "/api/health",
        "/api/webhooks/[provider]",
        "/emulators",
      ]),
    );
    expect(ROUTES.length).toBeGreaterThan(60);
  });

  it.each(ROUTES)("%s", async (route) => {
    const path = fill(route);
    const answer = await fetch(`${serverUrl()}${path}`, {
      redirect: "manual",
      headers: route.startsWith("/admin") ? { cookie: operatorCookie } : {},
    });
    if (RENDERED.includes(route)) expect(answer.status, route).toBe(200);
    const nonce = expectProtected(answer, `${route} (${answer.status})`);
    if (answer.headers.get("content-type")?.startsWith("text/html"))
      expectScriptsNonced(await answer.text(), nonce, route);
    else await answer.body?.cancel();
  });

  it.each([
    ["a page that does not exist", "/no-such-page", {}],
    ["an API that does not exist", "/api/no-such-thing", {}],
    ["an operator page refused to a guest", "/admin/payments", {}],
    [
      "a refused cross-site form post",
      "/account",
      { method: "POST", headers: { origin: "https://evil.example", "next-action": "0" }, body: "x" },
    ],
    [
      "a refused oversized notification",
      "/api/webhooks/lesspay",
      { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(1024 * 1024 + 1) },
    ],
  ] as const)("%s", async (label, path, init) => {
    const answer = await fetch(`${serverUrl()}${path}`, { redirect: "manual", ...init });
    expect(answer.status).toBeGreaterThanOrEqual(300);
    expectProtected(answer, label);
    await answer.body?.cancel();
  });

  it("gives every request a nonce of its own", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) nonces.add(expectProtected(await fetch(`${serverUrl()}/`), "/"));
    expect(nonces.size).toBe(3);
  });
});
