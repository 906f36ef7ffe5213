import { deploymentSecret } from "@/lib/deployment-secrets";
/** The Ping Payments emulator's own settings (it reads its env, never the shop's). */
export function pingEmulatorTenant() {
  return {
    tenantId: process.env.EMULATOR_PINGPAYMENTS_TENANT_ID || "1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10",
    apiSecret:
      process.env.EMULATOR_PINGPAYMENTS_API_SECRET ||
      deploymentSecret("pingpayments-api-secret", "emulator-pingpayments-secret"),
    /** The split trees and merchants the tenant has set up at Ping (the shop's defaults): others are refused. */
    splitTreeIds: [process.env.EMULATOR_PINGPAYMENTS_SPLIT_TREE_ID || "7d3e2a91-8c4b-4e5f-a6d7-0b1c2d3e4f50"],
    merchantIds: [process.env.EMULATOR_PINGPAYMENTS_MERCHANT_ID || "c0ffee00-1234-4abc-8def-0123456789ab"],
  };
}

/**
 * Retry schedule of the status callback, in seconds after each failed attempt [guess: Ping
 * Payments does not publish one]. Seven attempts in all over about eight hours.
 */
export const STATUS_CALLBACK_RETRY_SECONDS = [10, 60, 300, 1800, 7200, 21600] as const;

/** How long a PENDING (test card ...0119) payment waits before it settles as COMPLETED. */
export const PENDING_SETTLES_AFTER_SECONDS = 60;

/** How late a "late" status callback is sent. */
export const LATE_CALLBACK_SECONDS = 120;

/** Ping accepts these VAT rates on order items. */
export const VAT_RATES = [0, 6, 12, 25] as const;

/** Decline reasons of the PaymentIQ page, by the test card's scripted reason. */
export const DECLINE_REASONS = {
  generic: { code: "card_declined", description: "The card was declined by the issuer." },
  insufficient_funds: { code: "insufficient_funds", description: "Insufficient funds on the card." },
  expired_card: { code: "expired_card", description: "The card has expired." },
  three_ds_failed: { code: "authentication_failed", description: "3-D Secure authentication failed." },
} as const;
