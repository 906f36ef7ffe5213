import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as antomEmulator from "@/lib/emulators/antom/signature";
import * as pingpongEmulator from "@/lib/emulators/pingpong/signature";
import * as antomShop from "@/lib/providers/antom/signature";
import * as pingpongShop from "@/lib/providers/pingpong/signature";

// Each provider's signature is written twice, from its documentation: once in the shop's client,
// once in the emulator. What one side signs, the other must accept, and a change must break it.

describe("Antom: the shop and the emulator agree", () => {
  const merchant = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const antom = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const message = {
    path: "/ams/sandbox/api/v1/payments/pay",
    clientId: "SANDBOX_X",
    time: "2026-11-24T12:00:00+00:00",
    body: '{"paymentRequestId":"pay_1","paymentAmount":{"currency":"JPY","value":"1500"}}',
  };

  it("the emulator verifies what the shop signs", () => {
    const signature = antomShop.antomSign(message, merchant.privateKey);
    expect(
      antomEmulator.verifyMessage(
        merchant.publicKey,
        message.path,
        message.clientId,
        message.time,
        message.body,
        signature,
      ),
    ).toBe(true);
    expect(
      antomEmulator.verifyMessage(
        merchant.publicKey,
        "/ams/api/v1/payments/pay",
        message.clientId,
        message.time,
        message.body,
        signature,
      ),
    ).toBe(false);
  });

  it("the shop verifies what the emulator signs, header included", () => {
    const signature = antomEmulator.signMessage(
      antom.privateKey,
      message.path,
      message.clientId,
      message.time,
      message.body,
    );
    const header = antomEmulator.signatureHeader(signature);
    expect(antomShop.antomVerify(message, antomShop.signatureFromHeader(header)!, antom.publicKey)).toBe(true);
    expect(
      antomShop.antomVerify(
        { ...message, body: message.body.replace("1500", "150") },
        antomShop.signatureFromHeader(header)!,
        antom.publicKey,
      ),
    ).toBe(false);
  });
});

describe("PingPongCheckout: the shop and the emulator agree", () => {
  const fields = {
    accId: "acc",
    clientId: "cli",
    signType: "SHA256",
    version: "1.0",
    bizContent: '{"amount":"1.00","currency":"USD"}',
  };

  it("sign the same envelope the same way, and verify each other", () => {
    expect(pingpongShop.pingPongSign(fields, "salt")).toBe(pingpongEmulator.signFields(fields, "salt"));
    expect(pingpongEmulator.verifyFields({ ...fields, sign: pingpongShop.pingPongSign(fields, "salt") }, "salt")).toBe(
      true,
    );
    expect(
      pingpongShop.pingPongSignatureValid({ ...fields, sign: pingpongEmulator.signFields(fields, "salt") }, "salt"),
    ).toBe(true);
    expect(
      pingpongShop.pingPongSignatureValid(
        { ...fields, sign: pingpongEmulator.signFields(fields, "salt"), version: "2.0" },
        "salt",
      ),
    ).toBe(false);
  });
});
