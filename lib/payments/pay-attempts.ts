import "server-only";
import { settings } from "@/lib/env";
import { retryAfterMinutes, SlidingWindowLimiter, type RateLimitRule } from "@/lib/rate-limit";

/** One limiter for the process (kept on globalThis so a dev reload does not reset it). */
const limiter: SlidingWindowLimiter = ((globalThis as Record<string, unknown>).__payAttemptLimiter ??=
  new SlidingWindowLimiter()) as SlidingWindowLimiter;

export interface PayAttemptBy {
  /** The signed-in shopper, if any. */
  userId?: string | null;
  /** A guest's order (pay again) or checkout form (first attempt). */
  guestKey?: string;
  /** The client's address: guests are also limited per IP. */
  ip: string;
}

/**
 * Counts one pay attempt for the shopper who starts it, before any order row, payment row or
 * provider call. Returns how many minutes the person must wait when they are over the limit (card
 * testing tries many cards quickly; the page words it), or undefined when the attempt may go ahead.
 */
export function refusePayAttempt(by: PayAttemptBy): { retryInMinutes: number } | undefined {
  const env = settings();
  const windowMs = env.PAY_ATTEMPT_WINDOW_MINUTES * 60_000;
  const shopper: RateLimitRule = { limit: env.PAY_ATTEMPTS_PER_SHOPPER, windowMs };
  const keys = by.userId
    ? [{ key: `user:${by.userId}`, rule: shopper }]
    : [
        ...(by.guestKey ? [{ key: `guest:${by.guestKey}`, rule: shopper }] : []),
        { key: `ip:${by.ip}`, rule: { limit: env.PAY_ATTEMPTS_PER_IP, windowMs } },
      ];
  const verdict = limiter.take(keys);
  return verdict.allowed ? undefined : { retryInMinutes: retryAfterMinutes(verdict.retryAfterMs) };
}
