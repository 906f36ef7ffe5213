import { describe, expect, it } from "vitest";
import { signFields, stringToSign, verifyFields, withSign } from "./signature";

// Golden vector computed once, independently, with Node's crypto:
//   sha256("emulator-pingpong-salt" + "accId=...&bizContent=...&clientId=...&signType=SHA256&version=1.0")
const SALT = "emulator-pingpong-salt";
const BIZ = '{"requestId":"req-0001","merchantTransactionId":"order-0001","amount":"100.00","currency":"USD"}';
const FIELDS = {
  version: "1.0",
  signType: "SHA256",
  clientId: "2018092714313010016",
  bizContent: BIZ,
  accId: "2018092714313010016291",
};
const EXPECTED_SHA256 = "A1D20966FBD2162F13F720176EA6CEA5FB73311211FCBE1018BADBE84015A508";
const EXPECTED_MD5 = "51CEDA74FA263BF2D0755920C0425A03";

describe("PingPongCheckout signature", () => {
  it("sorts the fields by ASCII and joins them as k=v with &", () => {
    expect(stringToSign({ ...FIELDS, sign: "ignored", extra: null })).toBe(
      `accId=2018092714313010016291&bizContent=${BIZ}&clientId=2018092714313010016&signType=SHA256&version=1.0`,
    );
  });

  it("matches the golden SHA-256 vector (salt in front, uppercase hex)", () => {
    expect(signFields(FIELDS, SALT)).toBe(EXPECTED_SHA256);
    expect(verifyFields({ ...FIELDS, sign: EXPECTED_SHA256 }, SALT)).toBe(true);
  });

  it("matches the golden MD5 vector when signType is MD5", () => {
    const md5 = { ...FIELDS, signType: "MD5" };
    expect(signFields(md5, SALT, "MD5")).toBe(EXPECTED_MD5);
    expect(verifyFields({ ...md5, sign: EXPECTED_MD5 }, SALT)).toBe(true);
  });

  it("signs an object bizContent as its JSON.stringify", () => {
    const asObject = { ...FIELDS, bizContent: JSON.parse(BIZ) as unknown };
    expect(signFields(asObject, SALT)).toBe(EXPECTED_SHA256);
  });

  it("refuses a changed field, a wrong salt or a missing sign", () => {
    expect(verifyFields({ ...FIELDS, bizContent: BIZ.replace("100.00", "1.00"), sign: EXPECTED_SHA256 }, SALT)).toBe(
      false,
    );
    expect(verifyFields({ ...FIELDS, sign: EXPECTED_SHA256 }, "other-salt")).toBe(false);
    expect(verifyFields({ ...FIELDS }, SALT)).toBe(false);
    expect(verifyFields(withSign(FIELDS, SALT), SALT)).toBe(true);
  });
});
