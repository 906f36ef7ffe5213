import { createHash } from "node:crypto";

/**
 * PingPongCheckout's signature: every top-level field but `sign` (nulls skipped), keys sorted by
 * ASCII, joined `k=v` with `&` (bizContent as the exact JSON string), the merchant's salt put in
 * front, SHA-256 (or MD5), uppercase hex.
 */
export type SignType = "SHA256" | "MD5";

export function signingString(fields: Record<string, unknown>): string {
  return Object.keys(fields)
    .filter((key) => key !== "sign" && fields[key] !== null && fields[key] !== undefined)
    .sort()
    .map((key) => `${key}=${typeof fields[key] === "string" ? fields[key] : JSON.stringify(fields[key])}`)
    .join("&");
}

export function pingPongSign(fields: Record<string, unknown>, salt: string, signType: SignType = "SHA256"): string {
  const algorithm = signType === "MD5" ? "md5" : "sha256";
  return createHash(algorithm)
    .update(salt + signingString(fields), "utf8")
    .digest("hex")
    .toUpperCase();
}

/** Constant-time comparison of a received sign with the expected one. */
export function pingPongSignatureValid(fields: Record<string, unknown>, salt: string): boolean {
  const received = fields.sign;
  if (typeof received !== "string" || received.length === 0) return false;
  const signType = fields.signType === "MD5" ? "MD5" : "SHA256";
  const expected = pingPongSign(fields, salt, signType);
  if (expected.length !== received.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ received.toUpperCase().charCodeAt(i);
  return difference === 0;
}
