import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Lesspay's request and callback signature [doc]: the body's top-level fields without null,
 * undefined or empty-string values; nested objects and arrays written as `key=<JSON>`, scalars as
 * `key=<value>`; keys sorted by ASCII, joined with `&`, then `&key=<appSecret>`; SHA-256,
 * uppercase hex. The X-Auth-Timestamp header is not part of the string.
 */

export function signingString(body: Record<string, unknown>, appSecret: string): string {
  const pairs = Object.keys(body)
    .filter((key) => {
      const value = body[key];
      return value !== null && value !== undefined && value !== "";
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const value = body[key];
      return `${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
    });
  return [...pairs, `key=${appSecret}`].join("&");
}

/** SHA-256 of a string, uppercase hex. */
export function sha256Upper(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").toUpperCase();
}

export function sign(body: Record<string, unknown>, appSecret: string): string {
  return sha256Upper(signingString(body, appSecret));
}

/** Checks a signature (hex, any case) in constant time; false on anything malformed. */
export function verify(
  body: Record<string, unknown>,
  appSecret: string,
  signature: string | null | undefined,
): boolean {
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature.trim())) return false;
  const expected = Buffer.from(sign(body, appSecret), "utf8");
  const given = Buffer.from(signature.trim().toUpperCase(), "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
