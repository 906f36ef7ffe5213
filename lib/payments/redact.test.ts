import { describe, expect, it } from "vitest";
import { maskPan, redact, redactHeaders } from "./redact";

describe("redact", () => {
  it("keeps only the first six and last four digits of a card number anywhere in text", () => {
    expect(maskPan("card 4111111111111111 used")).toBe("card 411111******1111 used");
    expect(maskPan("378282246310005")).toBe("378282******0005");
  });

  it("masks card fields, CVV and secrets (the shop's names and the provider's) in nested payloads", () => {
    const out = redact(
      {
        paymentMethod: { paymentMethodMetaData: { cardNo: "4111 1111 1111 1111", cvv: "123", expiryYear: "2030" } },
        headers: { "x-api-secret": "s3cret" },
        items: [{ note: "pan 5555555555554444", secret: "shh" }],
      },
      ["X-Api-Secret"],
    );
    expect(JSON.stringify(out)).not.toMatch(/4111111111111111|5555555555554444|s3cret|shh|"123"/);
    expect(out.paymentMethod.paymentMethodMetaData.cardNo).toBe("411111******1111");
    expect(out.paymentMethod.paymentMethodMetaData.cvv).toBe("[redacted]");
    expect(out.paymentMethod.paymentMethodMetaData.expiryYear).toBe("2030");
  });

  it("leaves short numbers (amounts, ids) alone", () => {
    expect(redact({ total_amount: 123456, order: "ord_123" })).toEqual({ total_amount: 123456, order: "ord_123" });
  });

  it("masks secret headers", () => {
    expect(
      redactHeaders(new Headers({ "x-api-secret": "abc", authorization: "b", tenant_id: "t" }), ["x-api-secret"]),
    ).toEqual({
      "x-api-secret": "[redacted]",
      authorization: "[redacted]",
      tenant_id: "t",
    });
    expect(redactHeaders({ "x-api-secret": "abc" })).toEqual({ "x-api-secret": "abc" });
  });
});
