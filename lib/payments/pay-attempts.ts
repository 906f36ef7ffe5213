import "server-only";
import { settings } from "@/lib/env";
import { forgetLimitCounters, withLimitCounters } from "@/lib/db/queries/shared-state";
import { retryAfterMinutes, SlidingWindowLimiter, type RateLimitRule } from "@/lib/rate-limit";

export interface PayAttemptBy {
  /** The signed-in shopper, if any. */
  userId?: string | null;
  /** A guest's order (pay again) or checkout form (first attempt). */
  guestKey?: string;
  /** The client's address: guests are also limited per IP. */
  ip: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Counts one pay attempt for the shopper who starts it, before any order row, payment row or
 * provider call. Returns how many minutes the person must wait when they are over the limit (card
 * testing tries many cards quickly; the page words it), or undefined when the attempt may go ahead.
 * The counts are in the shop's database: every instance behind a balancer counts the same.
 */
export async function refusePayAttempt(by: PayAttemptBy): Promise<{ retryInMinutes: number } | undefined> {
  const env = settings();
  const windowMs = env.PAY_ATTEMPT_WINDOW_MINUTES * 60_000;
  const shopper: RateLimitRule = { limit: env.PAY_ATTEMPTS_PER_SHOPPER, windowMs };
  const keys = by.userId
    ? [{ key: `pay:user:${by.userId}`, rule: shopper }]
    : [
        ...(by.guestKey ? [{ key: `pay:guest:${by.guestKey}`, rule: shopper }] : []),
        { key: `pay:ip:${by.ip}`, rule: { limit: env.PAY_ATTEMPTS_PER_IP, windowMs } },
      ];
  const verdict = await withLimitCounters(
    keys.map(({ key }) => key),
    [],
    (states) => {
      const limiter = new SlidingWindowLimiter(
        new Map([...states].map(([key, hits]) => [key, Array.isArray(hits) ? (hits as number[]) : []])),
      );
      const verdict = limiter.take(keys);
      return {
        answer: verdict,
        keep: verdict.allowed ? new Map(keys.map(({ key }) => [key, limiter.hits.get(key) ?? []])) : undefined,
      };
    },
  );
  // Now and then, counters nobody used for a day go (no window is longer).
  if (Math.random() < 0.01) await forgetLimitCounters(new Date(Date.now() - DAY));
  return verdict.allowed ? undefined : { retryInMinutes: retryAfterMinutes(verdict.retryAfterMs) };
}
