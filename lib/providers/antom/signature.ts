import { createSign, createVerify } from "node:crypto";
import { privateKeyObject, publicKeyObject } from "@/lib/key-objects";

/**
 * Antom's message signature: RSA-SHA256 (PKCS#1 v1.5) over
 * `"POST " + path + "\n" + clientId + "." + time + "." + body`, base64, then URL-encoded, sent as
 * `signature: algorithm=RSA256,keyVersion=1,signature=<value>`.
 */
export function antomSigningString(path: string, clientId: string, time: string, body: string): string {
  return `POST ${path}\n${clientId}.${time}.${body}`;
}

export function antomSign(
  input: { path: string; clientId: string; time: string; body: string },
  privateKeyPem: string,
): string {
  const signer = createSign("RSA-SHA256");
  signer.update(antomSigningString(input.path, input.clientId, input.time, input.body), "utf8");
  return encodeURIComponent(signer.sign(privateKeyObject(privateKeyPem), "base64"));
}

export function antomSignatureHeader(signature: string, keyVersion = "1"): string {
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${signature}`;
}

/** The `signature=` value of a signature header (still URL-encoded), or undefined. */
export function signatureFromHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /(?:^|,)\s*signature=([^,]+)/.exec(header);
  return match?.[1]?.trim();
}

export function antomVerify(
  input: { path: string; clientId: string; time: string; body: string },
  signature: string,
  publicKeyPem: string,
): boolean {
  try {
    const verifier = createVerify("RSA-SHA256");
    verifier.update(antomSigningString(input.path, input.clientId, input.time, input.body), "utf8");
    return verifier.verify(publicKeyObject(publicKeyPem), decodeURIComponent(signature), "base64");
  } catch {
    return false;
  }
}
