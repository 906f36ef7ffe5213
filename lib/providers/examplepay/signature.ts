import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * ExamplePay's signature [fixture: lib/emulators/examplepay/README.md]: hex HMAC-SHA256 of the raw
 * body with the shared secret, in `x-examplepay-signature`, on requests and notifications alike.
 * The shop's own code (the emulator signs with its own, so each checks the other).
 */
export function examplePaySign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

export function examplePaySignatureValid(body: string, secret: string, received: string | null): boolean {
  if (!received || !/^[0-9a-f]{64}$/.test(received)) return false;
  return timingSafeEqual(Buffer.from(examplePaySign(body, secret)), Buffer.from(received));
}
