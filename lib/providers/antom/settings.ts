import "server-only";
import { z } from "zod";
import { baseUrlOf, providerSettings } from "../settings";

export const ANTOM_ID = "antom";

/** Field and header names whose values are secret in its calls and notifications (masked in every log). */
export const ANTOM_SECRET_FIELDS = ["private_key", "privatekey"];

/** Antom's settings. Defaults: the emulator under EMULATORS_URL/antom and the development keys in data/antom. */
export const ANTOM_SETTINGS = z.object({
  ANTOM_BASE_URL: z.url().optional(),
  /** A client id starting with SANDBOX_ calls Antom's /ams/sandbox/... paths. */
  ANTOM_CLIENT_ID: z.string().min(1).default("SANDBOX_2026STOREFRONT01"),
});

export const antomSettings = providerSettings(ANTOM_SETTINGS, (env) => ({
  ...env,
  ANTOM_BASE_URL: baseUrlOf(ANTOM_ID, env.ANTOM_BASE_URL),
}));
