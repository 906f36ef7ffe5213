import { describe, expect, it } from "vitest";
import { lesspaySign, lesspaySignatureValid, lesspaySigningString } from "./signature";

// Golden vector from the gateway's documentation: its example string and the SHA-256 of it.
const DOCUMENTED_STRING = "target_amount=100&target_currency=USDT&transaction_type=PAY_IN&key=Wy31kFZf4jkE+Y2XZhmFuQ";
const DOCUMENTED_FIELDS = { transaction_type: "PAY_IN", target_currency: "USDT", target_amount: "100" };
const SECRET = "Wy31kFZf4jkE+Y2XZhmFuQ";
const EXPECTED = "CA7807E87BCE0AE490E7ADBD4E600E5112347C818AC06E07352F28CB2FDD70DF";

describe("Lesspay signature", () => {
  it("builds the documented example string from its fields", () => {
    expect(lesspaySigningString(DOCUMENTED_FIELDS, SECRET)).toBe(DOCUMENTED_STRING);
  });

  it("matches the golden vector", () => {
    expect(lesspaySign(DOCUMENTED_FIELDS, SECRET)).toBe(EXPECTED);
  });

  it("drops empty fields and writes nested objects as JSON", () => {
    expect(
      lesspaySigningString({ b: "", a: null, c: { extra_type: "token", token_data: { token: "src_1" } }, d: 2 }, "s"),
    ).toBe('c={"extra_type":"token","token_data":{"token":"src_1"}}&d=2&key=s');
  });

  it("verifies a received signature, case-insensitively, and refuses a changed field", () => {
    expect(lesspaySignatureValid(DOCUMENTED_FIELDS, SECRET, EXPECTED.toLowerCase())).toBe(true);
    expect(lesspaySignatureValid({ ...DOCUMENTED_FIELDS, target_amount: "101" }, SECRET, EXPECTED)).toBe(false);
    expect(lesspaySignatureValid(DOCUMENTED_FIELDS, SECRET, null)).toBe(false);
  });
});
