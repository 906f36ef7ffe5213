// Valid, signed notifications as each provider sends them to the shop's webhook, one per seeded
// pending payment, so each request is a real verify + dedupe + transition + ack. They come from
// the proof suites' drivers (lib/emulators/<id>/proof-driver.ts, found by folder), which sign with
// the emulators' own signing code, so the bench signs nothing itself.
import { join } from "node:path";
import { loadProofDrivers } from "../../lib/testing/proof-driver-list.ts";
import { providers } from "./providers.mjs";

const benched = new Set(providers.map((provider) => provider.id));

/**
 * The driver of each provider the bench's server has (a test-only provider's is left out): the
 * bench measures each provider's notifications in this order.
 */
export const drivers = (await loadProofDrivers()).filter((driver) => benched.has(driver.provider));

/**
 * Points the drivers at the bench's server, as the test server's settings point the suites'
 * drivers at theirs: its emulators' API and database (where a provider keeps its own record of a
 * payment), and the development keys it signs with (the environment benchDevKeys returned).
 */
export function pointDriversAtBenchServer({ url, dataDir, devKeysEnv }) {
  process.env.TEST_SERVER_URL = url;
  process.env.EMULATOR_DATABASE_PATH = join(dataDir, "emulators.sqlite");
  Object.assign(process.env, devKeysEnv);
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
