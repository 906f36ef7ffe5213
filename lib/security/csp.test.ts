import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, originOf } from "./csp";
import { isSameOrigin, mayBeServerAction, originMatchesHost } from "./origin-check";

const origins = {
  app: "https://shop.example",
  connect: ["https://risk.pingpong.example"],
  navigate: ["https://hosted.pay.example", "https://shop.example"],
};

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, and never eval outside `next dev`", () => {
    const policy = contentSecurityPolicy("abc123", origins);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy("abc123", origins, { dev: true })).toContain("'unsafe-eval'");
  });

  it("closes objects, base and framing, and names each origin a form may lead to once", () => {
    const policy = contentSecurityPolicy("n", origins);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://shop.example https://hosted.pay.example");
    expect(policy).toContain("connect-src 'self' https://risk.pingpong.example");
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });

  it("reads origins of URLs only", () => {
    expect(originOf("https://a.example/x/y?z")).toBe("https://a.example");
    expect(originOf("javascript:alert(1)")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
  });
});

describe("the server-action Origin gate", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("treats POSTs with Next-Action, and any POST to a page, as server actions; route handlers and GETs are not", () => {
    expect(mayBeServerAction("POST", "/api/webhooks/lesspay", headers({ "next-action": "x" }))).toBe(true);
    expect(mayBeServerAction("POST", "/account", headers({}))).toBe(true);
    expect(mayBeServerAction("POST", "/api/webhooks/lesspay", headers({}))).toBe(false);
    expect(mayBeServerAction("POST", "/emulators/lesspay/cashier/x/submit", headers({}))).toBe(false);
    expect(mayBeServerAction("GET", "/account", headers({ "next-action": "x" }))).toBe(false);
  });

  it("accepts the request's own host or APP_URL's origin, nothing else", () => {
    expect(isSameOrigin(headers({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toBe(true);
    expect(
      isSameOrigin(headers({ origin: "https://shop.example", host: "10.0.0.5:3000" }), "https://shop.example"),
    ).toBe(true);
    expect(
      isSameOrigin(headers({ origin: "https://evil.example", host: "localhost:3000" }), "http://localhost:3000"),
    ).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(headers({ host: "localhost:3000" }), undefined)).toBe(false);
    expect(
      isSameOrigin(headers({ origin: "http://localhost:3000.evil.example", host: "localhost:3000" }), undefined),
    ).toBe(false);
  });

  it("compares the scheme and the port too, not only the host name", () => {
    expect(
      isSameOrigin(headers({ origin: "https://localhost:3000", host: "localhost:3000" }), "http://localhost:3000"),
    ).toBe(false);
    expect(
      isSameOrigin(
        headers({ origin: "http://shop.example", host: "shop.example", "x-forwarded-proto": "https" }),
        "https://shop.example",
      ),
    ).toBe(false);
    expect(
      isSameOrigin(
        headers({ origin: "https://shop.example", host: "shop.example", "x-forwarded-proto": "https" }),
        undefined,
      ),
    ).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://localhost:3001", host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://localhost", host: "localhost:80" }), undefined)).toBe(true);
  });

  it("tells when Origin's host is not the host the request reached (as Next checks before an action)", () => {
    expect(originMatchesHost(headers({ origin: "https://shop.example", host: "shop.example" }))).toBe(true);
    expect(originMatchesHost(headers({ origin: "https://shop.example", host: "127.0.0.1:3000" }))).toBe(false);
    expect(
      originMatchesHost(
        headers({ origin: "https://shop.example", host: "127.0.0.1:3000", "x-forwarded-host": "shop.example" }),
      ),
    ).toBe(true);
    expect(originMatchesHost(headers({ host: "shop.example" }))).toBe(false);
  });
});
