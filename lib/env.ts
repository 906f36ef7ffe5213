import "server-only";
import { z } from "zod";
import { deploymentSecret } from "@/lib/deployment-secrets";

/**
 * Every setting of the shop, validated with zod. Each has a default that runs the shop against
 * its built-in emulators, so `npm start` needs no env file. Pointing a provider at its real
 * sandbox is a matter of setting its base URL and keys (see README and .env.example).
 */
const port = process.env.PORT ?? "3000";
const defaultAppUrl = `http://localhost:${port}`;

const settingsSchema = z.object({
  APP_URL: z.url().default(defaultAppUrl),
  DATABASE_PATH: z.string().min(1).default("data/shop.sqlite"),
  AUTH_SECRET: z.string().min(16).optional(),
  /**
   * Where the built-in emulators answer (default: this shop's own /emulators). A provider whose base
   * URL is under it is emulated; the emulators' control plane is at EMULATORS_URL/control.
   */
  EMULATORS_URL: z.url().optional(),
  /** Bearer token of the emulators' control plane in public mode (unset: a generated per-deployment secret). */
  EMULATOR_CONTROL_TOKEN: z.string().trim().min(24).optional(),
  /** How often the order page asks for news while a payment is pending (ms). */
  PAYMENT_PENDING_POLL_MS: z.coerce.number().int().positive().default(1500),
  /** A pending payment with no news for this long is asked about at the provider (ms). */
  PAYMENT_INQUIRY_AFTER_MS: z.coerce.number().int().nonnegative().default(20_000),
  /** A payment whose start answer was unknown (timeout, 5xx, unreadable) is asked about after this (ms; capped by PAYMENT_INQUIRY_AFTER_MS). */
  PAYMENT_UNKNOWN_INQUIRY_AFTER_MS: z.coerce.number().int().nonnegative().default(5_000),
  /**
   * The provider's "no such payment" settles an attempt as failed (not_at_provider) only once it is
   * this old (ms; at least twice PROVIDER_TIMEOUT_MS): a younger one may still be on its way there.
   */
  PAYMENT_NOT_AT_PROVIDER_AFTER_MS: z.coerce.number().int().nonnegative().default(60_000),
  /** How long the shop waits for a provider's answer (ms). */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),

  // Ping Payments (PaymentIQ). Defaults: the emulator under /emulators/pingpayments.
  PINGPAYMENTS_BASE_URL: z.url().optional(),
  PINGPAYMENTS_TENANT_ID: z.string().min(1).default("1f4a0d4e-6b7c-4f0a-9d51-2c7e3a8b5f10"),
  /** Unset: the emulator's (lib/deployment-secrets.ts: published locally, generated per deployment in public mode). */
  PINGPAYMENTS_API_SECRET: z.string().min(1).optional(),
  PINGPAYMENTS_SPLIT_TREE_ID: z.string().min(1).default("7d3e2a91-8c4b-4e5f-a6d7-0b1c2d3e4f50"),
  PINGPAYMENTS_MERCHANT_ID: z.string().min(1).default("c0ffee00-1234-4abc-8def-0123456789ab"),

  // PingPongCheckout. Defaults: the emulator under /emulators/pingpong.
  PINGPONG_BASE_URL: z.url().optional(),
  PINGPONG_RISK_JS_URL: z.url().optional(),
  PINGPONG_ENV: z.enum(["SANDBOX", "PRODUCTION"]).default("SANDBOX"),
  PINGPONG_ACC_ID: z.string().min(1).default("2018092714313010016291"),
  PINGPONG_CLIENT_ID: z.string().min(1).default("2018092714313010016"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  PINGPONG_SALT: z.string().min(1).optional(),
  /** Hours before PingPong captures a card payment by itself; until then it can be voided. */
  PINGPONG_CAPTURE_DELAY_HOURS: z.coerce.number().int().min(0).max(720).default(0),

  // Antom. Defaults: the emulator under /emulators/antom and the development keys in data/antom.
  ANTOM_BASE_URL: z.url().optional(),
  ANTOM_CLIENT_ID: z.string().min(1).default("SANDBOX_2026STOREFRONT01"),
  // Lesspay (the card gateway of seed 004). Defaults: the emulator under /emulators/lesspay.
  LESSPAY_BASE_URL: z.url().optional(),
  LESSPAY_APP_ID: z.string().min(1).default("lp_app_storefront_01"),
  /** Unset: the emulator's (lib/deployment-secrets.ts). */
  LESSPAY_APP_SECRET: z.string().min(1).optional(),
  /** How often the background loop asks providers about payments left pending (ms; 0 turns it off). */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Pay attempts one shopper (signed-in account, or a guest's order) may start per window. */
  PAY_ATTEMPTS_PER_SHOPPER: z.coerce.number().int().positive().default(20),
  /** Pay attempts of guests from one IP address per window (higher: many people share an address). */
  PAY_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(200),
  /** The rate limit's sliding window (minutes). */
  PAY_ATTEMPT_WINDOW_MINUTES: z.coerce.number().positive().default(10),
});

export type Settings = z.infer<typeof settingsSchema> & {
  EMULATORS_URL: string;
  PINGPAYMENTS_BASE_URL: string;
  PINGPONG_BASE_URL: string;
  PINGPONG_RISK_JS_URL: string;
  ANTOM_BASE_URL: string;
  LESSPAY_BASE_URL: string;
  PINGPAYMENTS_API_SECRET: string;
  PINGPONG_SALT: string;
  LESSPAY_APP_SECRET: string;
};

let cached: Settings | undefined;

/** Reads and validates the environment once, at first use (never at import: `next build` imports modules). */
export function settings(): Settings {
  if (cached) return cached;
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const appUrl = parsed.data.APP_URL.replace(/\/$/, "");
  cached = {
    ...parsed.data,
    APP_URL: appUrl,
    EMULATORS_URL: (parsed.data.EMULATORS_URL ?? `${appUrl}/emulators`).replace(/\/$/, ""),
    PINGPAYMENTS_BASE_URL: (parsed.data.PINGPAYMENTS_BASE_URL ?? `${appUrl}/emulators/pingpayments`).replace(/\/$/, ""),
    PINGPONG_BASE_URL: (parsed.data.PINGPONG_BASE_URL ?? `${appUrl}/emulators/pingpong`).replace(/\/$/, ""),
    PINGPONG_RISK_JS_URL:
      parsed.data.PINGPONG_RISK_JS_URL ?? `${appUrl}/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js`,
    ANTOM_BASE_URL: (parsed.data.ANTOM_BASE_URL ?? `${appUrl}/emulators/antom`).replace(/\/$/, ""),
    LESSPAY_BASE_URL: (parsed.data.LESSPAY_BASE_URL ?? `${appUrl}/emulators/lesspay`).replace(/\/$/, ""),
    PINGPAYMENTS_API_SECRET: parsed.data.PINGPAYMENTS_API_SECRET ?? deploymentSecret("pingpayments-api-secret"),
    PINGPONG_SALT: parsed.data.PINGPONG_SALT ?? deploymentSecret("pingpong-salt"),
    LESSPAY_APP_SECRET: parsed.data.LESSPAY_APP_SECRET ?? deploymentSecret("lesspay-app-secret"),
  };
  return cached;
}
