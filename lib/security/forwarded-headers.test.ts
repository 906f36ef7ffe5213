import { describe, expect, it } from "vitest";
import { believeForwardedHeaders, trustedProxyList } from "@/scripts/forwarded-headers-policy.mjs";

const spoofed = () => ({
  host: "shop.example.test",
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "http",
  forwarded: "for=6.6.6.6",
  "x-real-ip": "6.6.6.6",
});

describe("forwarded headers (scripts/forwarded-headers-policy.mjs)", () => {
  it("are dropped when no proxy is trusted, so Next writes the connection's own", () => {
    expect(believeForwardedHeaders(spoofed(), "203.0.113.7", trustedProxyList(""))).toEqual({
      host: "shop.example.test",
    });
  });

  it("are dropped from a connection that is not a trusted proxy", () => {
    expect(believeForwardedHeaders(spoofed(), "203.0.113.7", trustedProxyList("10.0.0.0/8"))).toEqual({
      host: "shop.example.test",
    });
  });

  it("are kept from a trusted proxy, with the client as the right-most address that is not a proxy", () => {
    const trusted = trustedProxyList("10.0.0.0/8, ::1");
    const headers = believeForwardedHeaders(
      {
        "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2",
        "x-forwarded-host": "shop.example.test",
        "x-forwarded-proto": "https",
      },
      "::ffff:10.0.0.1",
      trusted,
    );
    expect(headers).toEqual({
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-host": "shop.example.test",
      "x-forwarded-proto": "https",
    });
    expect(believeForwardedHeaders({ "x-forwarded-for": "198.51.100.9" }, "::1", trusted)["x-forwarded-for"]).toBe(
      "198.51.100.9",
    );
  });

  it("refuses a setting that is not addresses or ranges", () => {
    expect(() => trustedProxyList("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxyList("10.0.0.0/abc")).toThrow(/TRUSTED_PROXIES/);
  });
});
