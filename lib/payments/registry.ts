import "server-only";
import { pingPayments } from "@/lib/providers/pingpayments";
import { pingPong } from "@/lib/providers/pingpong";
import { antom } from "@/lib/providers/antom";
import { lesspay } from "@/lib/providers/lesspay";
import type { PaymentMethod, PaymentProvider, ProviderId, WalletLinking } from "./types";

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
  return Object.values(PROVIDERS).flatMap((provider) =>
    provider!.methods.filter((m) => m.currencies.includes(currency)),
  );
}

/** The provider whose one-click wallets the account page offers (the first that has them). */
export function walletProvider(): (PaymentProvider & { wallets: WalletLinking }) | undefined {
  return Object.values(PROVIDERS).find((provider): provider is PaymentProvider & { wallets: WalletLinking } =>
    Boolean(provider?.wallets),
  );
}

/** The wallets a shopper can link, and whether the deprecated authorization flow is on. */
export function linkableWallets(): { wallets: readonly string[]; legacy: boolean } {
  const wallets = walletProvider()?.wallets;
  return { wallets: wallets?.wallets ?? [], legacy: wallets?.legacy?.enabled() ?? false };
}

export function isLinkableWallet(value: unknown): value is string {
  return typeof value === "string" && linkableWallets().wallets.includes(value);
}
