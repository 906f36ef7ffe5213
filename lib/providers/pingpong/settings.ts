import "server-only";
import { z } from "zod";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { settings } from "@/lib/env";
import { baseUrlOf, providerSettings } from "../settings";

export const PINGPONG_ID = "pingpong";

/** Field and header names whose values are secret in its calls and notifications (masked in every log). */
export const PINGPONG_SECRET_FIELDS = ["salt"];

/** The salt the shop and the emulator share on a laptop (published in .env.example); generated per deployment in public mode. */
export const PINGPONG_SALT_SECRET = { name: "pingpong-salt", published: "emulator-pingpong-salt" } as const;

/** PingPongCheckout's settings. Defaults: the emulator under EMULATORS_URL/pingpong. */
export const PINGPONG_SETTINGS = z.object({
  PINGPONG_BASE_URL: z.url().optional(),
  /** The risk-control script the checkout page loads (the real one comes from PingPong's CDN). */
  PINGPONG_RISK_JS_URL: z.url().optional(),
  PINGPONG_ENV: z.enum(["SANDBOX", "PRODUCTION"]).default("SANDBOX"),
  PINGPONG_ACC_ID: z.string().min(1).default("2018092714313010016291"),
  PINGPONG_CLIENT_ID: z.string().min(1).default("2018092714313010016"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  PINGPONG_SALT: z.string().min(1).optional(),
  /** Hours before PingPong captures a card payment by itself; until then it can be voided. */
  PINGPONG_CAPTURE_DELAY_HOURS: z.coerce.number().int().min(0).max(720).default(0),
});

export const pingPongSettings = providerSettings(PINGPONG_SETTINGS, (env) => ({
  ...env,
  PINGPONG_BASE_URL: baseUrlOf(PINGPONG_ID, env.PINGPONG_BASE_URL),
  PINGPONG_RISK_JS_URL:
    env.PINGPONG_RISK_JS_URL ??
    `${settings().EMULATORS_URL}/${PINGPONG_ID}/static/risk-control/acquirerRiskControl.min.js`,
  PINGPONG_SALT: env.PINGPONG_SALT ?? deploymentSecret(PINGPONG_SALT_SECRET.name, PINGPONG_SALT_SECRET.published),
}));
