#!/usr/bin/env node
// Signs a request to one of the emulators as the merchant would, with the development credentials
// a laptop shares with them (README, "Emulators for any backend"), and prints what goes into the
// request, for the README's curl exchanges:
//
//   node scripts/emulator-sign.mjs pingpong '<bizContent JSON>'
//       the whole signed envelope {accId, clientId, signType, version, bizContent, sign}: the body
//   node scripts/emulator-sign.mjs antom <path> <request-time> '<body>'
//       the Signature header's value: algorithm=RSA256,keyVersion=1,signature=<…>
//   node scripts/emulator-sign.mjs lesspay '<body JSON>'
//       the x-auth-signature header's value
//
// Written from each provider's documented algorithm (../shared/PROVIDERS.md), not from the
// emulators' code: the README test proves the emulators accept what a client following the docs
// signs. Credentials: the merchant's settings as the shop names them (PINGPONG_ACC_ID,
// PINGPONG_CLIENT_ID, PINGPONG_SALT, ANTOM_CLIENT_ID, ANTOM_MERCHANT_PRIVATE_KEY, LESSPAY_APP_SECRET),
// else the development values: the published salt and secret locally (a public deployment's
// generated ones from DEPLOYMENT_SECRETS_FILE), Antom's merchant key from ANTOM_KEYS_DIR (default
// data/antom, created with the emulator's pair when missing). Ping Payments signs nothing.
import { createHash, createSign } from "node:crypto";
import { tsImport } from "tsx/esm/api";

const [provider, ...args] = process.argv.slice(2);
const USAGE = `usage:
  node scripts/emulator-sign.mjs pingpong '<bizContent JSON>'
  node scripts/emulator-sign.mjs antom <path> <request-time> '<body>'
  node scripts/emulator-sign.mjs lesspay '<body JSON>'`;

function fail(message) {
  console.error(`emulator-sign: ${message}\n${USAGE}`);
  process.exit(2);
}

function json(text, what) {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  return fail(`${what} is not a JSON object: ${text}`);
}

/** A secret the merchant shares with the emulator: its setting, else the deployment's (lib/deployment-secrets.ts). */
async function sharedSecret(setting, name, published) {
  if (process.env[setting]) return process.env[setting];
  const { deploymentSecret } = await tsImport("../lib/deployment-secrets.ts", import.meta.url);
  return deploymentSecret(name, published);
}

const upperHex = (algorithm, text) => createHash(algorithm).update(text, "utf8").digest("hex").toUpperCase();

/**
 * PingPongCheckout [doc]: every field but `sign`, keys sorted by ASCII, `k=v` joined with `&`, the
 * salt in front, SHA-256, uppercase hex; bizContent takes part as the exact string sent.
 */
async function pingpong([biz]) {
  if (!biz) fail("pingpong needs the bizContent JSON");
  const fields = {
    accId: process.env.PINGPONG_ACC_ID || "2018092714313010016291",
    bizContent: JSON.stringify(json(biz, "bizContent")),
    clientId: process.env.PINGPONG_CLIENT_ID || "2018092714313010016",
    signType: "SHA256",
    version: "1.0",
  };
  const salt = await sharedSecret("PINGPONG_SALT", "pingpong-salt", "emulator-pingpong-salt");
  const text = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("&");
  return JSON.stringify({ ...fields, sign: upperHex("sha256", salt + text) });
}

/**
 * Antom [doc, official SDKs]: `POST <path>\n<clientId>.<request-time>.<body>` signed with the
 * merchant's RSA key (SHA-256, PKCS#1 v1.5), base64, URL-encoded, in the Signature header.
 */
async function antom([path, requestTime, body]) {
  if (!path?.startsWith("/ams/") || !requestTime || body === undefined)
    fail("antom needs the path (/ams/...), the Request-Time and the body, exactly as sent");
  const clientId = process.env.ANTOM_CLIENT_ID || "SANDBOX_2026STOREFRONT01";
  const { antomKey } = await tsImport("../lib/providers/antom/dev-keys.ts", import.meta.url);
  const signer = createSign("RSA-SHA256");
  signer.update(`POST ${path}\n${clientId}.${requestTime}.${body}`, "utf8");
  const signature = encodeURIComponent(
    signer.sign(antomKey("merchantPrivate", "ANTOM_MERCHANT_PRIVATE_KEY"), "base64"),
  );
  return `algorithm=RSA256,keyVersion=1,signature=${signature}`;
}

/**
 * Lesspay [doc]: the body's top-level fields without null or empty values, objects as their JSON,
 * keys sorted by ASCII, `k=v` joined with `&`, then `&key=<appSecret>`; SHA-256, uppercase hex.
 */
async function lesspay([body]) {
  if (!body) fail("lesspay needs the body JSON");
  const fields = json(body, "the body");
  const secret = await sharedSecret("LESSPAY_APP_SECRET", "lesspay-app-secret", "emulator-lesspay-app-secret");
  const pairs = Object.keys(fields)
    .filter((key) => fields[key] !== null && fields[key] !== undefined && fields[key] !== "")
    .sort()
    .map((key) => `${key}=${typeof fields[key] === "object" ? JSON.stringify(fields[key]) : fields[key]}`);
  return upperHex("sha256", [...pairs, `key=${secret}`].join("&"));
}

const SIGNERS = { pingpong, antom, lesspay };
if (!Object.hasOwn(SIGNERS, provider)) fail(`no signer for ${JSON.stringify(provider ?? "")}`);
console.log(await SIGNERS[provider](args));
