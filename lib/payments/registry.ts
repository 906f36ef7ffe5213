import "server-only";
import { PROVIDERS } from "@/lib/providers";
import { isUnderEmulators } from "@/lib/providers/settings";
import { checkoutMethodsFor } from "./card-processor";
import type { ProviderDescriptor } from "./provider-descriptor";
import type { PaymentMethod, PaymentProvider, WalletLinking } from "./types";

/** The providers the shop can use (lib/providers/index.ts), in checkout's order. */
export function providerDescriptors(): readonly ProviderDescriptor[] {
  return PROVIDERS;
}

export function findDescriptor(id: string): ProviderDescriptor | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

export function findProvider(id: string): PaymentProvider | undefined {
  return findDescriptor(id)?.adapter;
}

export function getProvider(id: string): PaymentProvider {
  const provider = findProvider(id);
  if (!provider) throw new Error(`Unknown payment provider ${JSON.stringify(id)}`);
  return provider;
}

/** Its display name, or the id itself for a provider the shop no longer has. */
export function providerName(id: string): string {
  return findDescriptor(id)?.displayName ?? id;
}

/** Whether the provider's base URL is its built-in emulator (under EMULATORS_URL), not the real service. */
export function isEmulated(provider: ProviderDescriptor): boolean {
  return isUnderEmulators(provider.settings.baseUrl());
}

/** Every provider's secret field and header names: masked in the shop's logs, whatever they are about. */
export function providerSecretFields(): string[] {
  return PROVIDERS.flatMap((provider) => provider.secretFields);
}

export function findMethod(provider: string, method: string): PaymentMethod | undefined {
  return findProvider(provider)?.methods.find((m) => m.method === method);
}

/**
 * The methods checkout offers for a currency: the card processors (the configured one first; a
 * public deployment offers that one only), then the wallets and QR methods in registry order.
 */
export function paymentMethodsFor(currency: string): PaymentMethod[] {
  return checkoutMethodsFor(currency);
}

/** The provider whose one-click wallets the account page offers (the first that has them). */
export function walletProvider(): (PaymentProvider & { wallets: WalletLinking }) | undefined {
  return PROVIDERS.map(({ adapter }) => adapter).find(
    (provider): provider is PaymentProvider & { wallets: WalletLinking } => Boolean(provider.wallets),
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
