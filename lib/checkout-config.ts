import "server-only";
import type { SavedCard } from "@/components/checkout/payment-method-list";
import type { RiskConfig } from "@/components/checkout/pingpong-risk";
import { listActiveCredentials } from "@/lib/db/queries/credentials";
import { settings } from "@/lib/env";

/** What the browser needs to load each provider's risk script (public values only). */
export function riskConfigs(): Partial<Record<string, RiskConfig>> {
  const env = settings();
  return { pingpong: { scriptUrl: env.PINGPONG_RISK_JS_URL, env: env.PINGPONG_ENV, accId: env.PINGPONG_ACC_ID, clientId: env.PINGPONG_CLIENT_ID } };
}

/** The signed-in shopper's saved cards, as checkout may show them (never the token). */
export function savedCardsFor(userId: string | null | undefined): SavedCard[] {
  if (!userId) return [];
  return listActiveCredentials(userId).map((credential) => ({ id: credential.id, kind: credential.kind, provider: credential.provider, brand: credential.brand, last4: credential.last4, expiry: credential.expiry }));
}
