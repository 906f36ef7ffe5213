import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signatureHeader, signMessage, stringToSign, verifyMessage } from "./signature";

// A fixed RSA-2048 test key pair, generated once with node:crypto for this vector only (never used elsewhere).
const PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC+zHpg1mcZ24L4
2ZW3MC1+Z2f0tWed+nDDuihZpCfs6cJDiu8GzAOSidykAKy1d5BXs6y6YFi7UxnB
9ZRkjr//JeGP6dwCsihnl7vbvutn1KLHQrWZ5U42yJge9v07n3Lb0uPG1tDy0jW1
ougdLJn3Wyi+QETtpFebVgdfNZmrn7piVYVXsF72yt4nHZWwVMaKjygQwuqhSUdk
/l9FpuoTp2/7x63xne9IgT/B9tRLwmvAAcsY9TVhOVceCZ3KCBLOOWUoni6s0FcY
80MsyF/g+j9qfYu5yBwVfFCqEP2xW3+1tDRsrUdLd/HVh4oleFcxmJ+OqSpBbJf+
du0ELIUZAgMBAAECggEAJKfWnAuc16olPadZvM2v89Csd2Yxj7d5WhUF4wDnXbvk
I0NKHCluR0Ueo1Bw3dUoYT0G4nCXo3d545pJZc9KAhwWO2aPquHs4sgTIorJoZNH
qZX+myAjeGFt3kcPzBhcQfDAa2dCUeBCStDPHKnAs7Wq/HAO/gPcg96RgIBk80Rh
fn5HBY/LX6SFKGu5wsyQ88zpWUtp9GxqPMSfZ2Q2HBstKFKuU1LwfvTvpi/dIkOK
VSh8st0YQulNxDYn22l2/Ztlg0qp/6H2CSPhgpmRgqq0y9BYOIgIVNdXwVf1IXDV
/F/A1Tpo1M0tJfhxshDY8rGhuBWuax0d7cnaHrn8LQKBgQDz6GaRUCTyMNUStUmK
0rxPr7xoean4WBjNg0blX/4hOiI/lHXeO1SvNGsMT2OwYVuHhbkgLKhGnahubOtX
IM8smW8DmLXsO3YTPd8OnHA0o08oSXMVomqWD4+ymzG3ka4d3Twx+tnI5PdQX01/
CwcfcMSK7OosoAnWQ5HTN3WKVQKBgQDIQgi+nAFao1iuJExV1z14w36dcq1C02bC
oy6lV5Bn8GdUqAAL94w2rpLWGqmPdhEObwUCbS/HUFs5BlpsQ6+aCNgp/Wn1glih
RVe/GAfvYKfsoP6q9T9c/Brz9WlkcP9RcXhgXD0HHbzfG0xlIoievbNh/0rU7dw4
uOGizs/btQKBgQCbVPElL/4ng3Pe8zc/ws+MjCWX/4uAjlJVZ3paD9UfQg+XoCuk
ePKIlgBqmZCqPoZ0+3OXivkr57HhiVojZdCq3Zg2mSWaqY+b13ZbrsNCspJx3Lz/
FS1+HbDtFSsHdi6F9GQmjFPwPelG9Tq8YsCJhF6W/yRvgQhivSt8cUBY9QKBgF5z
/ungbScSCl7Akhye08ik9JBQqXXuffZpvzOPNHZBxosAXl1GmiSkfG9tzfHzbyIO
rR8y3qk0toIUBAwydJ3DdCmB9DsvCpyuNy/TptJ6FVofqV57JDK4WgIdC2OrhFEm
ou9YMhSsKwxUNNkyy5uLwBMFtYbu1cMPOKVwxEtNAoGAZNM0D0kGvCLDgzqk0icL
VZy25LfYzBowJz2GF8ciE6V73Y6TXv4s3x7x/Azg6yFviYaWsNT5/wEeHBFiQ15r
3O/Z3eOhVwZwiMG1UAcTjOfYDsemqXN+RK/4RxjNn01bTB7XRL6T0cpzbV9W9WF8
Z1mdKzo/Af5lRYhHcndtb5M=
-----END PRIVATE KEY-----`;
const PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvsx6YNZnGduC+NmVtzAt
fmdn9LVnnfpww7ooWaQn7OnCQ4rvBswDkoncpACstXeQV7OsumBYu1MZwfWUZI6/
/yXhj+ncArIoZ5e7277rZ9Six0K1meVONsiYHvb9O59y29LjxtbQ8tI1taLoHSyZ
91sovkBE7aRXm1YHXzWZq5+6YlWFV7Be9sreJx2VsFTGio8oEMLqoUlHZP5fRabq
E6dv+8et8Z3vSIE/wfbUS8JrwAHLGPU1YTlXHgmdyggSzjllKJ4urNBXGPNDLMhf
4Po/an2LucgcFXxQqhD9sVt/tbQ0bK1HS3fx1YeKJXhXMZifjqkqQWyX/nbtBCyF
GQIDAQAB
-----END PUBLIC KEY-----`;

const PATH = "/ams/api/v1/payments/pay";
const CLIENT_ID = "SANDBOX_2026STOREFRONT01";
const REQUEST_TIME = "1767225600000";
const BODY = '{"paymentRequestId":"PAY_GOLDEN_0001","paymentAmount":{"currency":"EUR","value":"1314"}}';
// RSA-SHA256, PKCS#1 v1.5 (deterministic), base64, then encodeURIComponent: computed once with node:crypto.
const EXPECTED =
  "pxWgqcDNmGtruMKNuRxfBJR%2BssNDxipPBzEG3sk25cexJv%2FpL0h5ojeOCdEB%2BlLIZHu%2BH7UT2WkTCfFwQ%2FqbS3on970Sqv37ZewsuxDwzowhJC3j6kxY7Pwx%2BETcEKIYubF%2BiUQ0i%2Bb87eS2BH0JROdRFG4N6S4CDaVrJ8BDCXMazi%2BO%2BZ0PEKeANjjoySZkQaW2%2FQmndhhpMMxKzpQnDvuyP26hwMwI%2FgvpsLAnn0nut6WuKX8Cjgi38GJLer2OX1ztxguNmvxScdsgoTtn3xf1D%2FEA8BHP6I0n8lNaXsvmT2xfXXtWsYrNbehr7FYu%2FjAp%2BInwBqimfooMex%2Bvhw%3D%3D";

describe("Antom signature", () => {
  it("builds the string to sign as POST path, newline, clientId.requestTime.body", () => {
    expect(stringToSign(PATH, CLIENT_ID, REQUEST_TIME, BODY)).toBe(
      `POST /ams/api/v1/payments/pay\nSANDBOX_2026STOREFRONT01.1767225600000.${BODY}`,
    );
  });

  it("matches the golden vector and verifies it", () => {
    expect(signMessage(PRIVATE_PEM, PATH, CLIENT_ID, REQUEST_TIME, BODY)).toBe(EXPECTED);
    expect(verifyMessage(PUBLIC_PEM, PATH, CLIENT_ID, REQUEST_TIME, BODY, EXPECTED)).toBe(true);
    // Not URL-decoded by the caller: plain base64 verifies too.
    expect(verifyMessage(PUBLIC_PEM, PATH, CLIENT_ID, REQUEST_TIME, BODY, decodeURIComponent(EXPECTED))).toBe(true);
  });

  it("refuses another path, time, body or client id, and garbage", () => {
    expect(verifyMessage(PUBLIC_PEM, "/ams/sandbox/api/v1/payments/pay", CLIENT_ID, REQUEST_TIME, BODY, EXPECTED)).toBe(
      false,
    );
    expect(verifyMessage(PUBLIC_PEM, PATH, CLIENT_ID, "1767225600001", BODY, EXPECTED)).toBe(false);
    expect(verifyMessage(PUBLIC_PEM, PATH, CLIENT_ID, REQUEST_TIME, BODY.replace("1314", "1315"), EXPECTED)).toBe(
      false,
    );
    expect(verifyMessage(PUBLIC_PEM, PATH, "SANDBOX_OTHER", REQUEST_TIME, BODY, EXPECTED)).toBe(false);
    expect(verifyMessage(PUBLIC_PEM, PATH, CLIENT_ID, REQUEST_TIME, BODY, "%%%not-base64")).toBe(false);
    expect(verifyMessage("not a pem", PATH, CLIENT_ID, REQUEST_TIME, BODY, EXPECTED)).toBe(false);
  });

  it("writes and reads the signature header", () => {
    const header = signatureHeader(EXPECTED);
    expect(header).toBe(`algorithm=RSA256,keyVersion=1,signature=${EXPECTED}`);
    expect(parseSignatureHeader(header)).toEqual({ algorithm: "RSA256", keyVersion: "1", signature: EXPECTED });
    expect(parseSignatureHeader(`keyVersion=1, algorithm=RSA256, signature=${EXPECTED}`)?.signature).toBe(EXPECTED);
    expect(parseSignatureHeader("algorithm=RSA256,keyVersion=1")).toBeUndefined();
    expect(parseSignatureHeader("algorithm=HMAC,signature=abc")).toBeUndefined();
    expect(parseSignatureHeader(null)).toBeUndefined();
  });
});
