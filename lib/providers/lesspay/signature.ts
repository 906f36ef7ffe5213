import { createHash } from "node:crypto";

/**
 * Lesspay's signature: the body's top-level fields without null or empty ones, nested objects as
 * `key={json}`, keys sorted by ASCII, `k=v` joined with `&`, then `&key=<appSecret>`, SHA-256,
 * uppercase hex. Sent in `x-auth-signature`.
 */
export function lesspaySigningString(fields: Record<string, unknown>, appSecret: string): string {
  const pairs = Object.keys(fields)
    .filter((key) => fields[key] !== null && fields[key] !== undefined && fields[key] !== "")
    .sort()
    .map((key) => {
      const value = fields[key];
      return `${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
    });
  return `${pairs.join("&")}&key=${appSecret}`;
}

export function lesspaySign(fields: Record<string, unknown>, appSecret: string): string {
  return createHash("sha256").update(lesspaySigningString(fields, appSecret), "utf8").digest("hex").toUpperCase();
}

export function lesspaySignatureValid(
  fields: Record<string, unknown>,
  appSecret: string,
  received: string | null,
): boolean {
  if (!received) return false;
  const expected = lesspaySign(fields, appSecret);
  if (expected.length !== received.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ received.toUpperCase().charCodeAt(i);
  return difference === 0;
}
