import { createSign, createVerify } from "node:crypto";
import { privateKeyObject, publicKeyObject } from "@/lib/key-objects";

/**
 * Antom's message signature [doc, official SDKs]: the string
 * `"POST " + path + "\n" + clientId + "." + time + "." + body` signed with RSA-SHA256
 * (PKCS#1 v1.5), base64, then URL-encoded. Requests carry it in the `signature` header as
 * `algorithm=RSA256,keyVersion=1,signature=<value>`; answers and notifications the same, signed
 * with Antom's key. `time` is the request-time (or response-time) header exactly as sent.
 */

export function stringToSign(path: string, clientId: string, time: string, body: string): string {
  return `POST ${path}\n${clientId}.${time}.${body}`;
}

/** The URL-encoded base64 signature of the message, with a PEM private key. */
export function signMessage(privateKeyPem: string, path: string, clientId: string, time: string, body: string): string {
  const signer = createSign("RSA-SHA256");
  signer.update(stringToSign(path, clientId, time, body), "utf8");
  return encodeURIComponent(signer.sign(privateKeyObject(privateKeyPem), "base64"));
}

/** Checks a URL-encoded (or plain) base64 signature with a PEM public key; false on any error. */
export function verifyMessage(
  publicKeyPem: string,
  path: string,
  clientId: string,
  time: string,
  body: string,
  signature: string,
): boolean {
  try {
    const verifier = createVerify("RSA-SHA256");
    verifier.update(stringToSign(path, clientId, time, body), "utf8");
    return verifier.verify(publicKeyObject(publicKeyPem), decodeURIComponent(signature), "base64");
  } catch {
    return false;
  }
}

/** The `signature` header's value around a signature. */
export function signatureHeader(signature: string, keyVersion = "1"): string {
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${signature}`;
}

/** Reads `algorithm=RSA256,keyVersion=1,signature=<value>` (any order, spaces allowed); undefined when malformed. */
export function parseSignatureHeader(
  header: string | null | undefined,
): { algorithm: string; keyVersion?: string; signature: string } | undefined {
  if (!header) return undefined;
  const fields: Record<string, string> = {};
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    fields[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).trim();
  }
  if (!fields.signature || fields.algorithm?.toUpperCase() !== "RSA256") return undefined;
  return { algorithm: "RSA256", keyVersion: fields.keyversion, signature: fields.signature };
}
