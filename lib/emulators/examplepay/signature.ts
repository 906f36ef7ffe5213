import { createHmac, timingSafeEqual } from "node:crypto";

/** ExamplePay's signature [fixture]: HMAC-SHA256 of the raw body with the shared secret, hex. */
export function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** Checks a signature in constant time; false on anything malformed. */
export function verify(body: string, secret: string, signature: string | null | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sign(body, secret)), Buffer.from(signature));
}
