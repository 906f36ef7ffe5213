import { describe, expect, it } from "vitest";
import { pingPongSign, pingPongSignatureValid, signingString } from "./signature";

// Golden vector: fixed fields and salt, the expected sign computed once by hand
// (salt + "accId=…&bizContent=…&clientId=…&signType=SHA256&version=1.0", SHA-256, uppercase hex).
const SALT = "merchant-salt-0001";
const BIZ = '{"amount":"19.99","currency":"USD","merchantTransactionId":"pay_golden0000000001","requestId":"req-1"}';
const ENVELOPE = {
  version: "1.0",
  signType: "SHA256",
  clientId: "2018092714313010016",
  bizContent: BIZ,
  accId: "2018092714313010016291",
};

describe("PingPongCheckout signature", () => {
  it("builds the string to sign with keys sorted by ASCII and bizContent as sent", () => {
    expect(signingString({ ...ENVELOPE, sign: "ignored" })).toBe(
      `accId=2018092714313010016291&bizContent=${BIZ}&clientId=2018092714313010016&signType=SHA256&version=1.0`,
    );
  });

  it("matches the golden vector (SHA256)", () => {
    expect(pingPongSign(ENVELOPE, SALT)).toBe("5F9D31C7F9D409E6376618E0483F109A5F118BAB17096AAD538D70999063192B");
  });

  it("matches the golden vector (MD5)", () => {
    expect(pingPongSign({ ...ENVELOPE, signType: "MD5" }, SALT, "MD5")).toBe("59000BB4859748BBDC26B30F1F014558");
  });

  it("skips null fields and verifies a received sign", () => {
    const signed = { ...ENVELOPE, code: null, sign: pingPongSign(ENVELOPE, SALT) };
    expect(pingPongSignatureValid(signed, SALT)).toBe(true);
    expect(pingPongSignatureValid({ ...signed, bizContent: BIZ.replace("19.99", "1.99") }, SALT)).toBe(false);
    expect(pingPongSignatureValid(signed, "another-salt")).toBe(false);
    expect(pingPongSignatureValid({ ...ENVELOPE }, SALT)).toBe(false);
  });
});
