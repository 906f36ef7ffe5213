import { deploymentSecret } from "@/lib/deployment-secrets";

/** The ExamplePay emulator's own settings (it reads its env, never the shop's) [fixture]. */
export function examplePayAccount() {
  return {
    merchantId: process.env.EMULATOR_EXAMPLEPAY_MERCHANT_ID || "merchant_example_01",
    secret:
      process.env.EMULATOR_EXAMPLEPAY_SECRET || deploymentSecret("examplepay-secret", "emulator-examplepay-secret"),
  };
}

/** Seconds between a notification's attempts until the shop acknowledges it [fixture]. */
export const NOTIFICATION_RETRY_SECONDS = [5, 30, 300] as const;
