import "server-only";
import type { RiskConfig } from "@/components/checkout/pingpong-risk";
import { settings } from "@/lib/env";

/** What the browser needs to load each provider's risk script (public values only). */
export function riskConfigs(): Partial<Record<string, RiskConfig>> {
  const env = settings();
  return { pingpong: { scriptUrl: env.PINGPONG_RISK_JS_URL, env: env.PINGPONG_ENV, accId: env.PINGPONG_ACC_ID, clientId: env.PINGPONG_CLIENT_ID } };
}
