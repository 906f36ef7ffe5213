import { createHash } from "node:crypto";

/**
 * PingPongCheckout's envelope signature [doc]: every top-level field but `sign` (fields whose
 * value is null or undefined are skipped), keys sorted by ASCII, joined as `k=v` with `&`, the
 * merchant's salt put in front, hashed with SHA-256 (or MD5), uppercase hex:
 * `sign = HEX(SHA256(salt + "accId=..&bizContent=..&clientId=..&signType=SHA256&version=1.0"))`.
 * `bizContent` takes part as the exact string sent; an object is signed as `JSON.stringify(object)`.
 */

export type SignType = "SHA256" | "MD5";

function fieldText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The string that is hashed, without the salt. */
export function stringToSign(fields: Record<string, unknown>): string {
  return Object.keys(fields)
    .filter((key) => key !== "sign" && fields[key] !== null && fields[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${fieldText(fields[key])}`)
    .join("&");
}

export function signFields(fields: Record<string, unknown>, salt: string, signType: SignType = "SHA256"): string {
  const algorithm = signType === "MD5" ? "md5" : "sha256";
  return createHash(algorithm)
    .update(salt + stringToSign(fields), "utf8")
    .digest("hex")
    .toUpperCase();
}

/** Checks `fields.sign` against the other fields (its signType decides the hash; SHA256 if absent). */
export function verifyFields(fields: Record<string, unknown>, salt: string): boolean {
  const sign = fields.sign;
  if (typeof sign !== "string" || !sign) return false;
  const signType: SignType = fields.signType === "MD5" ? "MD5" : "SHA256";
  const expected = signFields(fields, salt, signType);
  return expected.length === sign.length && expected === sign.toUpperCase();
}

/** Returns the fields with `sign` added (signType taken from the fields, SHA256 if absent). */
export function withSign<T extends Record<string, unknown>>(fields: T, salt: string): T & { sign: string } {
  const signType: SignType = fields.signType === "MD5" ? "MD5" : "SHA256";
  return { ...fields, sign: signFields(fields, salt, signType) };
}
