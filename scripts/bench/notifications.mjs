// Valid, signed notifications as each provider sends them to the shop's webhook, one per seeded
// pending payment, so each request is a real verify + dedupe + transition + ack. They come from
// the proof suites' drivers (lib/emulators/<id>/proof-driver.ts, found by folder), which sign with
// the emulators' own signing code, so the bench signs nothing itself.
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadProofDrivers } from "../../lib/testing/proof-driver-list.ts";

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

/** Every provider's driver: the bench measures each provider's notifications in this order. */
export const drivers = await loadProofDrivers();

/**
 * Points the drivers at the bench's server, as the test server's settings point the suites'
 * drivers at theirs: its emulators' API and database (where a provider keeps its own record of a
 * payment), and the development keys it signs with.
 */
export function pointDriversAtBenchServer({ url, dataDir, antomKeysDir }) {
  process.env.TEST_SERVER_URL = url;
  process.env.EMULATOR_DATABASE_PATH = join(dataDir, "emulators.sqlite");
  process.env.ANTOM_KEYS_DIR = antomKeysDir;
}

/** The provider's notification that a seeded payment succeeded, as a request for the load runner. */
export async function successNotification(driver, payment) {
  const request = await driver.notification(
    {
      id: payment.paymentId,
      orderId: payment.orderId,
      provider: driver.provider,
      ref: payment.providerPaymentId,
      providerData: payment.providerData,
      amount: payment.amount,
      currency: payment.currency,
    },
    "succeeded",
  );
  return { path: `/api/webhooks/${driver.provider}`, headers: request.headers, body: request.body };
}
