import "server-only";
import type { SavedCard } from "@/components/checkout/payment-method-list";
import { listActiveCredentials } from "@/lib/db/queries/credentials";
import { settings } from "@/lib/env";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import { isEmulated, providerDescriptors } from "@/lib/payments/registry";

/** What the browser needs to run each provider's browser extension (public values only), by provider. */
export function browserExtensions(): Partial<Record<string, BrowserExtensionSetup>> {
  return Object.fromEntries(
    providerDescriptors().flatMap((provider) =>
      provider.browserExtension ? [[provider.id, provider.browserExtension()]] : [],
    ),
  );
}

/** Each provider's display name, by id: checkout labels each method and saved card with it. */
export function providerNames(): Record<string, string> {
  return Object.fromEntries(providerDescriptors().map((provider) => [provider.id, provider.displayName]));
}

/** The signed-in shopper's saved cards, as checkout may show them (never the token). */
export async function savedCardsFor(userId: string | null | undefined): Promise<SavedCard[]> {
  if (!userId) return [];
  return (await listActiveCredentials(userId)).map((credential) => ({
    id: credential.id,
    kind: credential.kind,
    provider: credential.provider,
    brand: credential.brand,
    last4: credential.last4,
    expiry: credential.expiry,
  }));
}

/**
 * Where the card form may load test cards from: the emulators' catalogue, offered only for the
 * providers whose base URL is their emulator (never against a real provider).
 */
export function autofillUrls(): Partial<Record<string, string>> {
  const testCards = `${settings().EMULATORS_URL}/test-cards`;
  return Object.fromEntries(
    providerDescriptors()
      .filter((provider) => isEmulated(provider) && provider.adapter.methods.some((m) => m.kind === "card"))
      .map((provider) => [provider.id, testCards]),
  );
}
