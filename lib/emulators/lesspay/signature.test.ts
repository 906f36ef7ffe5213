import { describe, expect, it } from "vitest";
import { sha256Upper, sign, signingString, verify } from "./signature";

// The example published with Lesspay's signature documentation.
const DOC_FIELDS = { target_amount: "100", target_currency: "USDT", transaction_type: "PAY_IN" };
const DOC_SECRET = "Wy31kFZf4jkE+Y2XZhmFuQ";
const DOC_STRING = "target_amount=100&target_currency=USDT&transaction_type=PAY_IN&key=Wy31kFZf4jkE+Y2XZhmFuQ";
const DOC_SIGNATURE = "CA7807E87BCE0AE490E7ADBD4E600E5112347C818AC06E07352F28CB2FDD70DF";

describe("Lesspay signature", () => {
  it("matches the documented golden vector", () => {
    expect(signingString(DOC_FIELDS, DOC_SECRET)).toBe(DOC_STRING);
    expect(sha256Upper(DOC_STRING)).toBe(DOC_SIGNATURE);
    expect(sign(DOC_FIELDS, DOC_SECRET)).toBe(DOC_SIGNATURE);
    expect(verify(DOC_FIELDS, DOC_SECRET, DOC_SIGNATURE)).toBe(true);
    expect(verify(DOC_FIELDS, DOC_SECRET, DOC_SIGNATURE.toLowerCase())).toBe(true);
  });

  it("sorts by ASCII, drops null, undefined and empty strings, writes nested values as JSON", () => {
    const body = {
      b: "2",
      a: 1,
      Z: true,
      empty: "",
      none: null,
      missing: undefined,
      zero: 0,
      channel_extra: { extra_type: "token", token_data: { token: "src_x" } },
      list: [1, "two"],
    };
    expect(signingString(body, "s")).toBe(
      'Z=true&a=1&b=2&channel_extra={"extra_type":"token","token_data":{"token":"src_x"}}&list=[1,"two"]&zero=0&key=s',
    );
  });

  it("refuses another secret, another body, and garbage", () => {
    expect(verify(DOC_FIELDS, "other", DOC_SIGNATURE)).toBe(false);
    expect(verify({ ...DOC_FIELDS, target_amount: "101" }, DOC_SECRET, DOC_SIGNATURE)).toBe(false);
    expect(verify(DOC_FIELDS, DOC_SECRET, "abc")).toBe(false);
    expect(verify(DOC_FIELDS, DOC_SECRET, null)).toBe(false);
  });
});
