import "server-only";
import { z } from "zod";
import { deploymentSecret } from "@/lib/deployment-secrets";
import { baseUrlOf, providerSettings } from "../settings";

export const EXAMPLEPAY_ID = "examplepay";

/** Header and field names whose values are secret in its calls and notifications (masked in every log). */
export const EXAMPLEPAY_SECRET_FIELDS = ["x-examplepay-signature"];

/** The secret the shop and the emulator share [fixture]: published locally, generated per deployment in public mode. */
export const EXAMPLEPAY_SECRET = { name: "examplepay-secret", published: "emulator-examplepay-secret" } as const;

/** ExamplePay's settings [fixture]. Defaults: the emulator under EMULATORS_URL/examplepay. */
export const EXAMPLEPAY_SETTINGS = z.object({
  EXAMPLEPAY_BASE_URL: z.url().optional(),
  EXAMPLEPAY_MERCHANT_ID: z.string().min(1).default("merchant_example_01"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  EXAMPLEPAY_SECRET: z.string().min(1).optional(),
});

export const examplePaySettings = providerSettings(EXAMPLEPAY_SETTINGS, (env) => ({
  ...env,
  EXAMPLEPAY_BASE_URL: baseUrlOf(EXAMPLEPAY_ID, env.EXAMPLEPAY_BASE_URL),
  EXAMPLEPAY_SECRET: env.EXAMPLEPAY_SECRET ?? deploymentSecret(EXAMPLEPAY_SECRET.name, EXAMPLEPAY_SECRET.published),
}));
