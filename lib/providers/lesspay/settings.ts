import "server-only";
import { z } from "zod";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { baseUrlOf, providerSettings } from "../settings";

export const LESSPAY_ID = "lesspay";

/** Field and header names whose values are secret in its calls and notifications (masked in every log). */
export const LESSPAY_SECRET_FIELDS = ["appsecret", "app_secret"];

/** The app secret the shop and the emulator share on a laptop (published in .env.example); generated per deployment in public mode. */
export const LESSPAY_APP_SECRET = { name: "lesspay-app-secret", published: "emulator-lesspay-app-secret" } as const;

/** Lesspay's settings (the card gateway of seed 004). Defaults: the emulator under EMULATORS_URL/lesspay. */
export const LESSPAY_SETTINGS = z.object({
  LESSPAY_BASE_URL: z.url().optional(),
  LESSPAY_APP_ID: z.string().min(1).default("lp_app_storefront_01"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  LESSPAY_APP_SECRET: z.string().min(1).optional(),
});

export const lesspaySettings = providerSettings(LESSPAY_SETTINGS, (env) => ({
  ...env,
  LESSPAY_BASE_URL: baseUrlOf(LESSPAY_ID, env.LESSPAY_BASE_URL),
  LESSPAY_APP_SECRET: env.LESSPAY_APP_SECRET ?? deploymentSecret(LESSPAY_APP_SECRET.name, LESSPAY_APP_SECRET.published),
}));
