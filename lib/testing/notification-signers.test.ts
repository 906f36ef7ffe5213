import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ANTOM_NOTIFICATION_SIGNER } from "@/lib/emulators/antom/api";
import { verifyMessage } from "@/lib/emulators/antom/signature";
import { EXAMPLEPAY_NOTIFICATION_SIGNER } from "@/lib/emulators/examplepay/notification";
import { verify as verifyExamplePay } from "@/lib/emulators/examplepay/signature";
import { LESSPAY_NOTIFICATION_SIGNER } from "@/lib/emulators/lesspay/api";
import { verify as verifyLesspay } from "@/lib/emulators/lesspay/signature";
import type { NotificationSigner, Outgoing } from "@/lib/emulators/outbox";
import { notificationBody, PINGPONG_NOTIFICATION_SIGNER } from "@/lib/emulators/pingpong/envelope";
import { verifyFields } from "@/lib/emulators/pingpong/signature";

/**
 * Each emulator's notification signer, as the outbox runs it at every delivery attempt: the stored
 * (unsigned) notification signed so that the merchant verifies it with the secret of that moment,
 * signed again at a retry (after a rotation: with the new secret), and spoiled for bad_signature.
 */

const TARGET = "http://127.0.0.1:4999/api/webhooks/provider";

function rsaPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

interface Case {
  signer: NotificationSigner;
  unsigned: Outgoing;
  /** Sets the provider's secret (or key) to `version`; answers whether `sent` verifies with it. */
  useSecret(version: number): (sent: Outgoing) => boolean;
}

const antomKeys = [rsaPair(), rsaPair()];
const secretEnv = (name: string) => (version: number) => vi.stubEnv(name, `secret-${version}-of-the-test`);

const CASES: Record<string, Case> = {
  antom: {
    signer: ANTOM_NOTIFICATION_SIGNER,
    unsigned: { body: '{"notifyType":"PAYMENT_RESULT"}', headers: { "client-id": "SANDBOX_TEST" } },
    useSecret(version) {
      vi.stubEnv("EMULATOR_ANTOM_PRIVATE_KEY", antomKeys[version].privatePem);
      return (sent) => {
        const signature = /signature=(.+)$/.exec(sent.headers.signature ?? "")?.[1] ?? "";
        const time = sent.headers["request-time"] ?? "";
        return verifyMessage(
          antomKeys[version].publicPem,
          "/api/webhooks/provider",
          "SANDBOX_TEST",
          time,
          sent.body,
          signature,
        );
      };
    },
  },
  pingpong: {
    signer: PINGPONG_NOTIFICATION_SIGNER,
    unsigned: {
      body: notificationBody(
        { accId: "1", clientId: "2" },
        { code: "000000", description: "ok" },
        { notifyType: "PAYMENT" },
      ),
      headers: { "content-type": "application/json" },
    },
    useSecret(version) {
      secretEnv("EMULATOR_PINGPONG_SALT")(version);
      return (sent) => verifyFields(JSON.parse(sent.body) as Record<string, unknown>, `secret-${version}-of-the-test`);
    },
  },
  lesspay: {
    signer: LESSPAY_NOTIFICATION_SIGNER,
    unsigned: { body: '{"order_status":"SUCCEED","pay_order_id":"P1"}', headers: {} },
    useSecret(version) {
      secretEnv("EMULATOR_LESSPAY_APP_SECRET")(version);
      return (sent) =>
        verifyLesspay(
          JSON.parse(sent.body) as Record<string, unknown>,
          `secret-${version}-of-the-test`,
          sent.headers["x-auth-signature"],
        );
    },
  },
  examplepay: {
    signer: EXAMPLEPAY_NOTIFICATION_SIGNER,
    unsigned: { body: '{"type":"payment.succeeded"}', headers: {} },
    useSecret(version) {
      secretEnv("EMULATOR_EXAMPLEPAY_SECRET")(version);
      return (sent) =>
        verifyExamplePay(sent.body, `secret-${version}-of-the-test`, sent.headers["x-examplepay-signature"]);
    },
  },
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each(Object.entries(CASES))("%s's notification signer", (_provider, { signer, unsigned, useSecret }) => {
  it("signs the stored notification so that it verifies with the secret of the moment it is sent", async () => {
    const verifies = useSecret(0);
    const sent = await signer.sign(unsigned, TARGET);
    expect(verifies(sent)).toBe(true);
    expect(verifies(unsigned)).toBe(false);
  });

  it("signs a retry anew (its content unchanged) with the secret of that later moment", async () => {
    useSecret(0);
    const first = await signer.sign(unsigned, TARGET);
    const verifiesWithNew = useSecret(1);
    const retry = await signer.sign(first, TARGET);
    expect(verifiesWithNew(retry)).toBe(true);
    expect(verifiesWithNew(first)).toBe(false);
    // The same content (PingPong's sign, in the body, is the one field that changes).
    const content = (sent: Outgoing) => ({ ...(JSON.parse(sent.body) as object), sign: undefined });
    expect(content(retry)).toEqual(content(first));
  });

  it("spoils the signature for a forced bad_signature", async () => {
    const verifies = useSecret(0);
    expect(verifies(signer.corrupt(await signer.sign(unsigned, TARGET)))).toBe(false);
  });
});
