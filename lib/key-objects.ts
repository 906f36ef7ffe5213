import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * PEM keys parsed once: signing or verifying with a PEM string parses it again on every call
 * (base64 and ASN.1), and every RSA-signed call, answer and notification signs or verifies with one
 * of the same few keys. Keyed by the PEM itself, so a key changed in the environment is a new entry;
 * the map is emptied past a few dozen (tests make keys of their own).
 */
const MAX_KEYS = 32;
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function cached(keys: Map<string, KeyObject>, pem: string, parse: (pem: string) => KeyObject): KeyObject {
  let key = keys.get(pem);
  if (!key) {
    key = parse(pem);
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(pem, key);
  }
  return key;
}

/** The private key of a PEM (throws on a malformed one, as signing with the PEM would). */
export function privateKeyObject(pem: string): KeyObject {
  return cached(privateKeys, pem, createPrivateKey);
}

/** The public key of a PEM (throws on a malformed one, as verifying with the PEM would). */
export function publicKeyObject(pem: string): KeyObject {
  return cached(publicKeys, pem, createPublicKey);
}
