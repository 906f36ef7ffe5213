import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sign, verify } from "./signature";

describe("ExamplePay's signature [fixture]", () => {
  it("is the hex HMAC-SHA256 of the raw body", () => {
    const body = '{"amount":1000}';
    expect(sign(body, "secret")).toBe(createHmac("sha256", "secret").update(body).digest("hex"));
    expect(verify(body, "secret", sign(body, "secret"))).toBe(true);
  });

  it("refuses another body, another secret, or a malformed signature", () => {
    const signature = sign("{}", "secret");
    expect(verify('{"a":1}', "secret", signature)).toBe(false);
    expect(verify("{}", "other", signature)).toBe(false);
    expect(verify("{}", "secret", signature.toUpperCase())).toBe(false);
    expect(verify("{}", "secret", null)).toBe(false);
  });
});
