import { describe, expect, it } from "vitest";
import { canonicalHostLocation, canonicalHostRedirect, type VisitRequest } from "./canonical-host";

const APP_URL = "http://localhost:3000";

/** A browser's page visit (GET, Sec-Fetch-Mode: navigate) to `url`, with `changes` on top. */
function visit(
  url: string,
  changes: Partial<Omit<VisitRequest, "headers">> & { headers?: Record<string, string> } = {},
) {
  const { host, pathname, search } = new URL(url);
  return {
    method: changes.method ?? "GET",
    pathname: changes.pathname ?? pathname,
    search: changes.search ?? search,
    headers: new Headers({ host, "sec-fetch-mode": "navigate", ...changes.headers }),
  };
}

describe("canonicalHostRedirect", () => {
  it("sends a page visit on another loopback name to APP_URL's origin, same path and query", () => {
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/orders/ord_1?paid=1"), APP_URL)).toBe(
      "http://localhost:3000/orders/ord_1?paid=1",
    );
    expect(canonicalHostRedirect(visit("http://[::1]:3000/"), APP_URL)).toBe("http://localhost:3000/");
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/login", { method: "HEAD" }), APP_URL)).toBe(
      "http://localhost:3000/login",
    );
    // The emulators' hosted pages are page visits too.
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/emulators/lesspay/cashier/p1"), APP_URL)).toBe(
      "http://localhost:3000/emulators/lesspay/cashier/p1",
    );
  });

  it("works the other way round, and for the same host spelt otherwise", () => {
    expect(canonicalHostRedirect(visit("http://localhost:3000/cart"), "http://127.0.0.1:3000")).toBe(
      "http://127.0.0.1:3000/cart",
    );
    expect(canonicalHostRedirect(visit("http://localhost.:3000/cart"), APP_URL)).toBe("http://localhost:3000/cart");
  });

  it("keeps the path a path: a visit to //elsewhere stays on APP_URL's host", () => {
    const target = canonicalHostRedirect(
      visit("http://127.0.0.1:3000/", { pathname: "//elsewhere.example/x" }),
      APP_URL,
    );
    expect(target).toBe("http://localhost:3000//elsewhere.example/x");
    expect(new URL(target!).host).toBe("localhost:3000");
  });

  it("answers a request already on APP_URL's host", () => {
    expect(canonicalHostRedirect(visit("http://localhost:3000/"), APP_URL)).toBeUndefined();
    expect(
      canonicalHostRedirect(visit("http://localhost:3000/", { headers: { host: "LOCALHOST:3000" } }), APP_URL),
    ).toBeUndefined();
  });

  it("answers LAN and public hosts, and any host when APP_URL is not a loopback URL", () => {
    expect(canonicalHostRedirect(visit("http://192.168.1.20:3000/"), APP_URL)).toBeUndefined();
    expect(canonicalHostRedirect(visit("http://shop.example.test/"), APP_URL)).toBeUndefined();
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/"), "https://shop.example.test")).toBeUndefined();
    expect(canonicalHostRedirect(visit("http://192.168.1.20:3000/"), "http://192.168.1.20:3000")).toBeUndefined();
  });

  it("answers a loopback name on another port (another server, or a port the shop does not know)", () => {
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3001/"), APP_URL)).toBeUndefined();
    expect(canonicalHostRedirect(visit("http://127.0.0.1/"), APP_URL)).toBeUndefined();
  });

  it("answers posts and other methods (server actions, webhooks) as before", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
      expect(
        canonicalHostRedirect(visit("http://127.0.0.1:3000/checkout", { method }), APP_URL),
        method,
      ).toBeUndefined();
  });

  it("answers the APIs (webhooks, health), even when a browser opens one", () => {
    for (const path of ["/api/health", "/api/webhooks/x", "/api"])
      expect(canonicalHostRedirect(visit(`http://127.0.0.1:3000${path}`), APP_URL), path).toBeUndefined();
    // Only the folder: a page whose name starts with "api" is a page.
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/apiary"), APP_URL)).toBe("http://localhost:3000/apiary");
  });

  it("answers calls that are not a browser's navigation (scripts, servers, the page's own fetches)", () => {
    const call = (mode?: string) => {
      const request = visit("http://127.0.0.1:3000/emulators/x/v1/payments/1");
      if (mode) request.headers.set("sec-fetch-mode", mode);
      else request.headers.delete("sec-fetch-mode");
      return canonicalHostRedirect(request, APP_URL);
    };
    expect(call()).toBeUndefined();
    expect(call("cors")).toBeUndefined();
    expect(call("same-origin")).toBeUndefined();
    expect(call("no-cors")).toBeUndefined();
  });

  it("goes by the host a trusted proxy names (X-Forwarded-Host), as the origin check does", () => {
    expect(
      canonicalHostRedirect(
        visit("http://127.0.0.1:3000/", { headers: { "x-forwarded-host": "localhost:3000" } }),
        APP_URL,
      ),
    ).toBeUndefined();
  });

  it("answers when APP_URL or the host is unreadable", () => {
    expect(canonicalHostRedirect(visit("http://127.0.0.1:3000/"), "not a url")).toBeUndefined();
    expect(
      canonicalHostRedirect(visit("http://127.0.0.1:3000/", { headers: { host: "bad host" } }), APP_URL),
    ).toBeUndefined();
  });
});

describe("the route that answers the 307", () => {
  it("answers the address the proxy decided on", () => {
    const target = canonicalHostRedirect(visit("http://127.0.0.1:3000/orders/ord_1?a=1&b=%2F"), APP_URL)!;
    expect(canonicalHostLocation(target, APP_URL)).toBe("http://localhost:3000/orders/ord_1?a=1&b=%2F");
  });

  it("sends nowhere but APP_URL's origin, whoever asks it", () => {
    for (const to of [
      "https://elsewhere.example/",
      "http://127.0.0.1:3000/",
      "http://localhost:3001/",
      "https://localhost:3000/",
      "//elsewhere.example/",
      "/relative",
      "javascript:alert(1)",
      "",
      null,
    ])
      expect(canonicalHostLocation(to, APP_URL), String(to)).toBeUndefined();
    expect(canonicalHostLocation("http://localhost:3000/x", "not a url")).toBeUndefined();
  });
});
