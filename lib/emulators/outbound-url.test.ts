import { describe, expect, it } from "vitest";
import {
  isForbiddenAddress,
  mayConnect,
  outboundPolicy,
  outboundUrlRefusal,
  parseAllowedHost,
  targetUrlError,
  type OutboundPolicy,
} from "./outbound-url";

const LOCAL = outboundPolicy({
  APP_URL: "http://localhost:3000",
  EMULATOR_ALLOWED_HOSTS: "hooks.partner.test, qa.example.test:8443",
});
const PUBLIC = outboundPolicy({
  APP_URL: "https://shop.example.test",
  EMULATOR_ALLOWED_HOSTS: "hooks.partner.test, qa.example.test:8443",
});

const OFF_SITE = "must be on the merchant's site or a host in EMULATOR_ALLOWED_HOSTS";
const METADATA = "must not point at a link-local or cloud metadata address";
const NOT_HTTP = "must be an absolute http(s) URL";
const USERINFO = "must not carry a user name or password";

describe("the emulators' outbound URL policy", () => {
  it("reads APP_URL, EMULATOR_ALLOWED_HOSTS and the mode from the environment", () => {
    expect(LOCAL).toEqual({
      appOrigin: "http://localhost:3000",
      allowedHosts: [{ hostname: "hooks.partner.test" }, { hostname: "qa.example.test", port: "8443" }],
      publicMode: false,
    });
    expect(PUBLIC.publicMode).toBe(true);
    expect(PUBLIC.appOrigin).toBe("https://shop.example.test");
    expect(outboundPolicy({ PORT: "4000" })).toEqual({
      appOrigin: "http://localhost:4000",
      allowedHosts: [],
      publicMode: false,
    });
  });

  it("parses allowlist entries as host or host:port, skipping unreadable ones", () => {
    expect(parseAllowedHost("Hooks.Partner.TEST")).toEqual({ hostname: "hooks.partner.test" });
    expect(parseAllowedHost("10.0.0.5:8080")).toEqual({ hostname: "10.0.0.5", port: "8080" });
    expect(parseAllowedHost("[::1]:9000")).toEqual({ hostname: "[::1]", port: "9000" });
    for (const unreadable of ["", "  ", "http://x.test", "a b", "host:port", "x.test/path"])
      expect(parseAllowedHost(unreadable), unreadable).toBeUndefined();
  });

  // [url, local mode, public mode]: undefined = allowed, else the refusal.
  const table: [string, string | undefined, string | undefined][] = [
    ["http://localhost:3000/api/webhooks/lesspay", undefined, OFF_SITE],
    ["https://shop.example.test/api/webhooks/lesspay", OFF_SITE, undefined],
    ["https://shop.example.test:8443/api/webhooks/lesspay", OFF_SITE, OFF_SITE],
    ["http://shop.example.test/api/webhooks/lesspay", OFF_SITE, OFF_SITE],
    ["http://127.0.0.1:18999/hook", undefined, OFF_SITE],
    ["http://[::1]:18999/hook", undefined, OFF_SITE],
    ["http://qa.localhost:9/hook", undefined, OFF_SITE],
    ["https://hooks.partner.test/any", undefined, undefined],
    ["https://hooks.partner.test:9999/any", undefined, undefined],
    ["https://qa.example.test:8443/ok", undefined, undefined],
    ["https://qa.example.test/other-port", OFF_SITE, OFF_SITE],
    ["http://evil.example/hook", OFF_SITE, OFF_SITE],
    ["https://evil.example/phish", OFF_SITE, OFF_SITE],
    ["http://localhost.evil.example/hook", OFF_SITE, OFF_SITE],
    ["http://10.0.0.5/hook", OFF_SITE, OFF_SITE],
    ["http://0.0.0.0:3000/hook", OFF_SITE, OFF_SITE],
    ["http://169.254.169.254/latest/meta-data/", METADATA, METADATA],
    ["http://2852039166/latest/meta-data/", METADATA, METADATA],
    ["http://169.254.1.1/", METADATA, METADATA],
    ["http://[fe80::1]/", METADATA, METADATA],
    ["http://[fd00:ec2::254]/", METADATA, METADATA],
    ["http://[::ffff:169.254.169.254]/", METADATA, METADATA],
    ["http://metadata.google.internal/computeMetadata/v1/", METADATA, METADATA],
    ["http://METADATA.google.internal./", METADATA, METADATA],
    ["http://100.100.100.200/latest/meta-data/", METADATA, METADATA],
    ["http://user:pass@localhost:3000/hook", USERINFO, USERINFO],
    ["https://user@shop.example.test/hook", USERINFO, USERINFO],
    ["ftp://localhost:3000/hook", NOT_HTTP, NOT_HTTP],
    ["javascript:alert(1)", NOT_HTTP, NOT_HTTP],
    ["file:///etc/passwd", NOT_HTTP, NOT_HTTP],
    ["/relative/path", NOT_HTTP, NOT_HTTP],
    ["not a url", NOT_HTTP, NOT_HTTP],
  ];

  it.each(table)("%s: local %s, public %s", (url, local, publicMode) => {
    expect(outboundUrlRefusal(url, LOCAL)).toBe(local);
    expect(outboundUrlRefusal(url, PUBLIC)).toBe(publicMode);
  });

  it("names the field in the create-time error", () => {
    expect(targetUrlError("http://evil.example/hook", "notify_url", LOCAL)).toBe(`notify_url ${OFF_SITE}`);
    expect(targetUrlError("http://localhost:9/hook", "notify_url", LOCAL)).toBeUndefined();
  });

  it("knows link-local and metadata addresses as dns.lookup writes them", () => {
    for (const address of [
      "169.254.169.254",
      "169.254.0.1",
      "fe80::1",
      "FE80::abcd",
      "febf::1",
      "fd00:ec2::254",
      "::ffff:169.254.169.254",
      "metadata.google.internal",
    ])
      expect(isForbiddenAddress(address), address).toBe(true);
    for (const address of ["127.0.0.1", "::1", "10.0.0.1", "fec0::1", "fd00:ec2::253", "93.184.216.34"])
      expect(isForbiddenAddress(address), address).toBe(false);
  });
});

describe("the delivery-time check (mayConnect)", () => {
  const resolvesTo = (addresses: string[]) => async () => addresses;

  it("refuses what the policy refuses, before resolving anything", async () => {
    const never = async (): Promise<string[]> => {
      throw new Error("must not resolve");
    };
    expect(await mayConnect("http://evil.example/hook", LOCAL, never)).toBe(false);
    expect(await mayConnect("http://169.254.169.254/", LOCAL, never)).toBe(false);
    expect(await mayConnect("http://127.0.0.1:18999/hook", PUBLIC, never)).toBe(false);
    expect(await mayConnect("http://127.0.0.1:18999/hook", LOCAL, never)).toBe(true);
  });

  it("refuses an allowed name when any of its addresses is link-local or metadata", async () => {
    expect(
      await mayConnect("https://hooks.partner.test/hook", LOCAL, resolvesTo(["93.184.216.34", "169.254.169.254"])),
    ).toBe(false);
    expect(await mayConnect("https://hooks.partner.test/hook", PUBLIC, resolvesTo(["fe80::1"]))).toBe(false);
    expect(
      await mayConnect("https://hooks.partner.test/hook", PUBLIC, resolvesTo(["93.184.216.34", "2606:2800:220:1::1"])),
    ).toBe(true);
  });

  it("in public mode, refuses an allowed name that leads back to this machine, except the app's own origin", async () => {
    for (const address of ["127.0.0.1", "::1", "0.0.0.0", "::ffff:127.0.0.1"]) {
      expect(await mayConnect("https://hooks.partner.test/hook", PUBLIC, resolvesTo([address])), address).toBe(false);
      expect(await mayConnect("https://hooks.partner.test/hook", LOCAL, resolvesTo([address])), address).toBe(true);
    }
    expect(await mayConnect("https://shop.example.test/api/webhooks/lesspay", PUBLIC, resolvesTo(["127.0.0.1"]))).toBe(
      true,
    );
  });

  it("lets a failed lookup through as an error (the outbox records it as a failed connection)", async () => {
    const policy: OutboundPolicy = { ...LOCAL };
    await expect(
      mayConnect("https://hooks.partner.test/hook", policy, async () => {
        throw new Error("ENOTFOUND");
      }),
    ).rejects.toThrow("ENOTFOUND");
  });
});
