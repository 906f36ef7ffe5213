import "server-only";
import type { SavedCard } from "@/components/checkout/payment-method-list";
import type { RiskConfig } from "@/components/checkout/pingpong-risk";
import { listActiveCredentials } from "@/lib/db/queries/credentials";
import { settings } from "@/lib/env";

/** What the browser needs to load each provider's risk script (public values only). */
export function riskConfigs(): Partial<Record<string, RiskConfig>> {
  const env = settings();
  return {
    pingpong: {
      scriptUrl: env.PINGPONG_RISK_JS_URL,
      env: env.PINGPONG_ENV,
      accId: env.PINGPONG_ACC_ID,
      clientId: env.PINGPONG_CLIENT_ID,
    },
  };
}

/** The signed-in shopper's saved cards, as checkout may show them (never the token). */
export function savedCardsFor(userId: string | null | undefined): SavedCard[] {
  if (!userId) return [];
  return listActiveCredentials(userId).map((credential) => ({
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
  const env = settings();
  const bases: Record<string, string> = {
    pingpong: env.PINGPONG_BASE_URL,
    antom: env.ANTOM_BASE_URL,
    lesspay: env.LESSPAY_BASE_URL,
  };
  return Object.fromEntries(
    Object.entries(bases)
      .filter(([provider, base]) => base.includes(`/emulators/${provider}`))
      .map(([provider, base]) => [
        provider,
        `${base.slice(0, base.indexOf(`/emulators/${provider}`))}/emulators/test-cards`,
      ]),
  );
}
