import "server-only";
import { z } from "zod";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { baseUrlOf, providerSettings } from "../settings";

export const PINGPAYMENTS_ID = "pingpayments";

/** Field and header names whose values are secret in its calls and notifications (masked in every log). */
export const PINGPAYMENTS_SECRET_FIELDS = ["x-api-secret", "api_secret", "apisecret"];

/** The API secret the shop and the emulator share on a laptop (published in .env.example); generated per deployment in public mode. */
export const PINGPAYMENTS_API_SECRET = {
  name: "pingpayments-api-secret",
  published: "emulator-pingpayments-secret",
} as const;

/** Ping Payments' (PaymentIQ) settings. Defaults: the emulator under EMULATORS_URL/pingpayments. */
export const PINGPAYMENTS_SETTINGS = z.object({
  PINGPAYMENTS_BASE_URL: z.url().optional(),
  PINGPAYMENTS_TENANT_ID: z.string().min(1).default("1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  PINGPAYMENTS_API_SECRET: z.string().min(1).optional(),
  PINGPAYMENTS_SPLIT_TREE_ID: z.string().min(1).default("7d3e2a91-8c4b-4e5f-a6d7-0b1c2d3e4f50"),
  PINGPAYMENTS_MERCHANT_ID: z.string().min(1).default("c0ffee00-1234-4abc-8def-0123456789ab"),
});

export const pingPaymentsSettings = providerSettings(PINGPAYMENTS_SETTINGS, (env) => ({
  ...env,
  PINGPAYMENTS_BASE_URL: baseUrlOf(PINGPAYMENTS_ID, env.PINGPAYMENTS_BASE_URL),
  PINGPAYMENTS_API_SECRET:
    env.PINGPAYMENTS_API_SECRET ?? deploymentSecret(PINGPAYMENTS_API_SECRET.name, PINGPAYMENTS_API_SECRET.published),
}));
