// Test helpers of the faults suite: start a payment with each provider through the shop's own
// service (in the test process, over HTTP to the test server's emulators), by the method whose
// answer is the provider's alone (no browser step before the charge), as its proof driver says.
import { randomUUID } from "node:crypto";
import { startPayment } from "@/lib/payments/start-payment";
import { DRIVERS, PROVIDERS } from "./proof-drivers";
import { createTestOrder } from "./shop-fixtures";

/** The providers whose emulators honour the control plane's forced faults: those whose driver says how to start one. */
export const FAULT_PROVIDERS: readonly string[] = PROVIDERS.filter((provider) => DRIVERS[provider].faults);
export type FaultProvider = string;
export const FAULT_KINDS = ["timeout", "http_500", "html", "malformed_json"] as const;

/** How `provider` is started here (its driver's `faults`). */
function faultCase(provider: FaultProvider) {
  const { faults } = DRIVERS[provider];
  if (!faults) throw new Error(`${provider}'s emulator takes no forced faults`);
  return faults;
}

/** The currency `provider`'s fault tests pay in. */
export const faultCurrency = (provider: FaultProvider) => faultCase(provider).currency;

export const testCard = (holderName = "Fault Tester") => ({
  number: "4111111111111111",
  expiryMonth: "12",
  expiryYear: "2034",
  cvc: "737",
  holderName,
});

export async function faultOrder(provider: FaultProvider, amount = 2500): Promise<string> {
  return createTestOrder({ amount, currency: faultCurrency(provider), name: "Fault Tester" });
}

/** Starts (or, with the same key, submits again) the payment of `orderId` with `provider`. */
export function startWith(provider: FaultProvider, orderId: string, idempotencyKey: string = randomUUID()) {
  const { method, card } = faultCase(provider);
  return startPayment({ orderId, provider, method, idempotencyKey, card: card ? testCard() : undefined });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The card the kill -9 tests pay with, as the checkout form takes it. */
export const CRASH_CARD = { number: "4111 1111 1111 1111", expiry: "12/34", cvc: "737", holder: "Crash Tester" };

/** Polls `probe` until it answers something (not undefined, not false); throws after `timeoutMs`, naming `what`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
