// Valid, signed notifications as each provider sends them to the shop's webhook, built the way
// lib/testing/*-fixtures.ts and the emulators build them (same fields, same signatures), one per
// seeded pending payment, so each request is a real verify + dedupe + transition + ack.
import { createHash, createSign, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The shop's defaults (lib/env.ts), which the emulators share.
const PINGPONG = { accId: "2018092714313010016291", clientId: "2018092714313010016", salt: "emulator-pingpong-salt" };
const LESSPAY = { appId: "lp_app_storefront_01", secret: "emulator-lesspay-app-secret" };
const ANTOM_CLIENT_ID = "SANDBOX_2026STOREFRONT01";
const ANTOM_KEY_FILES = ["merchant-private.pem", "merchant-public.pem", "antom-private.pem", "antom-public.pem"];

/** The Antom development key pairs in `dir` (made once, as lib/dev-keys.ts would; the server is pointed at them with ANTOM_KEYS_DIR). */
export function ensureAntomKeys(dir) {
  if (ANTOM_KEY_FILES.every((file) => existsSync(join(dir, file)))) return;
  mkdirSync(dir, { recursive: true });
  const pair = () =>
    generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
  const merchant = pair();
  const antom = pair();
  writeFileSync(join(dir, "merchant-private.pem"), merchant.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, "merchant-public.pem"), merchant.publicKey);
  writeFileSync(join(dir, "antom-private.pem"), antom.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, "antom-public.pem"), antom.publicKey);
}

const decimal = (minorUnits) => (minorUnits / 100).toFixed(2);

/** PingPongCheckout: an envelope whose sign is SHA-256 over the salt and the sorted fields (lib/emulators/pingpong/signature.ts). */
function pingpong(p) {
  const biz = {
    notifyType: "PAYMENT",
    merchantTransactionId: p.paymentId,
    transactionId: p.providerPaymentId,
    amount: decimal(p.amount),
    currency: p.currency,
    status: "SUCCESS",
    captureDelayHours: 0,
  };
  const fields = {
    accId: PINGPONG.accId,
    clientId: PINGPONG.clientId,
    signType: "SHA256",
    version: "1.0",
    code: "000000",
    description: "success",
    bizContent: JSON.stringify(biz),
  };
  const signing = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("&");
  const sign = createHash("sha256")
    .update(PINGPONG.salt + signing, "utf8")
    .digest("hex")
    .toUpperCase();
  return {
    path: "/api/webhooks/pingpong",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...fields, sign }),
  };
}

/** Lesspay: x-auth-signature, SHA-256 over the sorted fields and `&key=<secret>` (lib/providers/lesspay/signature.ts). */
function lesspay(p) {
  const body = {
    api_version: "V2",
    order_status: "SUCCEED",
    order_status_int: 2,
    pay_order_id: p.providerPaymentId,
    request_id: p.paymentId,
    target_amount: decimal(p.amount),
    target_currency: p.currency,
    product_name: "Merchant Storefront order",
  };
  const signing = `${Object.keys(body)
    .sort()
    .map((key) => `${key}=${body[key]}`)
    .join("&")}&key=${LESSPAY.secret}`;
  const signature = createHash("sha256").update(signing, "utf8").digest("hex").toUpperCase();
  return {
    path: "/api/webhooks/lesspay",
    headers: {
      "content-type": "application/json",
      "x-auth-appid": LESSPAY.appId,
      "x-auth-timestamp": String(Date.now()),
      "x-auth-signature": signature,
    },
    body: JSON.stringify(body),
  };
}

/** Antom notifyPayment: RSA-SHA256 over `POST <path>\n<clientId>.<time>.<body>` with Antom's (the emulator's) key. */
function antom(p, antomPrivateKey) {
  const path = "/api/webhooks/antom";
  const now = new Date().toISOString();
  const body = JSON.stringify({
    notifyType: "PAYMENT_RESULT",
    result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
    paymentRequestId: p.paymentId,
    paymentId: p.providerPaymentId,
    paymentAmount: { currency: p.currency, value: String(p.amount) },
    paymentCreateTime: now,
    paymentTime: now,
    paymentResultInfo: { avsResultRaw: "Y", cvvResultRaw: "M", threeDSResult: { eci: "05", threeDSVersion: "2.2.0" } },
  });
  const time = String(Date.now());
  const signer = createSign("RSA-SHA256");
  signer.update(`POST ${path}\n${ANTOM_CLIENT_ID}.${time}.${body}`, "utf8");
  const signature = encodeURIComponent(signer.sign(antomPrivateKey, "base64"));
  return {
    path,
    headers: {
      "content-type": "application/json",
      "client-id": ANTOM_CLIENT_ID,
      "request-time": time,
      signature: `algorithm=RSA256,keyVersion=1,signature=${signature}`,
    },
    body,
  };
}

/** Ping Payments: an unsigned status callback naming the payment; the shop confirms it with a GET of the payment at the emulator. */
function pingpayments(p) {
  return {
    path: "/api/webhooks/pingpayments",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ payment_id: p.providerPaymentId, payment_order_id: p.paymentOrderId, status: "COMPLETED" }),
  };
}

const antomKeys = {};

/** The notification request for a seeded payment of `provider`. */
export function notificationFor(provider, payment, { antomKeysDir }) {
  switch (provider) {
    case "pingpong":
      return pingpong(payment);
    case "lesspay":
      return lesspay(payment);
    case "antom":
      return antom(
        payment,
        (antomKeys[antomKeysDir] ??= readFileSync(join(antomKeysDir, "antom-private.pem"), "utf8")),
      );
    case "pingpayments":
      return pingpayments(payment);
    default:
      throw new Error(`No bench notification for ${provider}`);
  }
}
