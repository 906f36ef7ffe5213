// Test helpers of the faults suite: start a payment with each provider through the shop's own
// service (in the test process, over HTTP to the test server's emulators), by the method whose
// answer is the provider's alone (no browser step before the charge).
import { randomUUID } from "node:crypto";
import { startPayment } from "@/lib/payments/start-payment";
import { createTestOrder } from "./shop-fixtures";

export const FAULT_PROVIDERS = ["pingpayments", "pingpong", "antom", "lesspay"] as const;
export type FaultProvider = (typeof FAULT_PROVIDERS)[number];
export const FAULT_KINDS = ["timeout", "http_500", "html", "malformed_json"] as const;

/** The method each provider is started with: hosted for Ping, a redirect method for PingPong (its card needs the browser's risk script), cards otherwise. */
export const METHOD: Record<FaultProvider, string> = {
  pingpayments: "card",
  pingpong: "alipay",
  antom: "card",
  lesspay: "card",
};
export const CURRENCY: Record<FaultProvider, string> = {
  pingpayments: "SEK",
  pingpong: "USD",
  antom: "EUR",
  lesspay: "USD",
};

export const testCard = (holderName = "Fault Tester") => ({
  number: "4111111111111111",
  expiryMonth: "12",
  expiryYear: "2034",
  cvc: "737",
  holderName,
});

export function faultOrder(provider: FaultProvider, amount = 2500): string {
  return createTestOrder({ amount, currency: CURRENCY[provider], name: "Fault Tester" });
}

/** Starts (or, with the same key, submits again) the payment of `orderId` with `provider`. */
export function startWith(provider: FaultProvider, orderId: string, idempotencyKey: string = randomUUID()) {
  const method = METHOD[provider];
  return startPayment({
    orderId,
    provider,
    method,
    idempotencyKey,
    card: method === "card" && provider !== "pingpayments" ? testCard() : undefined,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
