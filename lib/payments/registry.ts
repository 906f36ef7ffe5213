import "server-only";
import { pingPayments } from "@/lib/providers/pingpayments";
import { pingPong } from "@/lib/providers/pingpong";
import { antom } from "@/lib/providers/antom";
import { lesspay } from "@/lib/providers/lesspay";
import type { PaymentMethod, PaymentProvider, ProviderId } from "./types";

/** Every provider the shop can use. A new provider is a new folder plus one line here. */
const PROVIDERS: Partial<Record<ProviderId, PaymentProvider>> = {
  pingpayments: pingPayments,
  pingpong: pingPong,
  antom,
  lesspay,
};

export function findProvider(id: string): PaymentProvider | undefined {
  return Object.hasOwn(PROVIDERS, id) ? PROVIDERS[id as ProviderId] : undefined;
}

export function getProvider(id: string): PaymentProvider {
  const provider = findProvider(id);
  if (!provider) throw new Error(`Unknown payment provider ${JSON.stringify(id)}`);
  return provider;
}

/** The methods checkout offers for a currency, in registry order. */
export function findMethod(provider: string, method: string): PaymentMethod | undefined {
  return findProvider(provider)?.methods.find((m) => m.method === method);
}

export function paymentMethodsFor(currency: string): PaymentMethod[] {
  return Object.values(PROVIDERS).flatMap((provider) => provider!.methods.filter((m) => m.currencies.includes(currency)));
}
