import "server-only";
import { z } from "zod";
import { appUrlOf } from "@/lib/public-mode";

/**
 * The shop's own settings, validated with zod. Each has a default that runs the shop against its
 * built-in emulators, so `npm start` needs no env file. Each provider's settings (its base URL and
 * keys) are its own folder's (lib/providers/<id>/settings.ts; see README and .env.example).
 */
const settingsSchema = z.object({
  /** The shop's address (unset: http://localhost:PORT, lib/public-mode.ts). */
  APP_URL: z.url().optional(),
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
  /** A payment whose start answer was unknown (timeout, 5xx, unreadable) is asked about at once, then again at most this often (ms; capped by PAYMENT_INQUIRY_AFTER_MS). */
  PAYMENT_UNKNOWN_INQUIRY_AFTER_MS: z.coerce.number().int().nonnegative().default(2_000),
  /**
   * The provider's "no such payment" settles an attempt as failed (not_at_provider) only once it is
   * this old (ms; at least twice PROVIDER_TIMEOUT_MS): a younger one may still be on its way there.
   */
  PAYMENT_NOT_AT_PROVIDER_AFTER_MS: z.coerce.number().int().nonnegative().default(60_000),
  /**
   * Which provider takes checkout's one Card choice: one of its card methods as `provider:method`
   * (the shop's card form, or the provider's card page; .env.example lists them). Unset:
   * DEFAULT_CARD_PROCESSOR (lib/providers/index.ts). On a laptop QA can switch it per payment; a
   * public deployment always uses this one.
   */
  CARD_PROCESSOR: z
    .string()
    .regex(/^[a-z]+:[a-z_]+$/, "provider:method")
    .optional(),
  /** How long the shop waits for a provider's answer (ms). */
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),

  /** How often the background loop asks providers about payments left pending (ms; 0 turns it off). */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Pay attempts one shopper (signed-in account, or a guest's order) may start per window. */
  PAY_ATTEMPTS_PER_SHOPPER: z.coerce.number().int().positive().default(20),
  /** Pay attempts of guests from one IP address per window (higher: many people share an address). */
  PAY_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(200),
  /** The rate limit's sliding window (minutes). */
  PAY_ATTEMPT_WINDOW_MINUTES: z.coerce.number().positive().default(10),
});

export type Settings = z.infer<typeof settingsSchema> & { APP_URL: string; EMULATORS_URL: string };

let cached: Settings | undefined;

/** Reads and validates the environment once, at first use (never at import: `next build` imports modules). */
export function settings(): Settings {
  if (cached) return cached;
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  const appUrl = appUrlOf({ PORT: process.env.PORT, APP_URL: parsed.data.APP_URL });
  cached = {
    ...parsed.data,
    APP_URL: appUrl,
    EMULATORS_URL: (parsed.data.EMULATORS_URL ?? `${appUrl}/emulators`).replace(/\/$/, ""),
  };
  return cached;
}
