import "server-only";
import { settings } from "@/lib/env";
import type { ShopTransaction } from "@/lib/db/client";
import { forgetLimitCounters, withLimitCounters, withLimitCountersIn } from "@/lib/db/queries/shared-state";
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

export interface PayAttemptRefusal {
  retryInMinutes: number;
}

/**
 * Counts one pay attempt for the shopper who starts it, before any order row, payment row or
 * provider call. Returns how many minutes the person must wait when they are over the limit (card
 * testing tries many cards quickly; the page words it), or undefined when the attempt may go ahead.
 * The counts are in the shop's database: every instance behind a balancer counts the same.
 * `tx`: the write transaction that places the attempt's order, which counts it first (one write
 * transaction per Pay fewer) and writes the order only when this answers undefined; without it,
 * a write transaction of its own.
 */
export async function refusePayAttempt(by: PayAttemptBy, tx?: ShopTransaction): Promise<PayAttemptRefusal | undefined> {
  const env = settings();
  const windowMs = env.PAY_ATTEMPT_WINDOW_MINUTES * 60_000;
  const shopper: RateLimitRule = { limit: env.PAY_ATTEMPTS_PER_SHOPPER, windowMs };
  const keys = by.userId
    ? [{ key: `pay:user:${by.userId}`, rule: shopper }]
    : [
        ...(by.guestKey ? [{ key: `pay:guest:${by.guestKey}`, rule: shopper }] : []),
        { key: `pay:ip:${by.ip}`, rule: { limit: env.PAY_ATTEMPTS_PER_IP, windowMs } },
      ];
  const decide = (states: Map<string, unknown>) => {
    const limiter = new SlidingWindowLimiter(
      new Map([...states].map(([key, hits]) => [key, Array.isArray(hits) ? (hits as number[]) : []])),
    );
    const verdict = limiter.take(keys);
    return {
      answer: verdict,
      keep: verdict.allowed ? new Map(keys.map(({ key }) => [key, limiter.hits.get(key) ?? []])) : undefined,
    };
  };
  const names = keys.map(({ key }) => key);
  const verdict = tx ? await withLimitCountersIn(tx, names, [], decide) : await withLimitCounters(names, [], decide);
  // Now and then, counters nobody used for a day go (no window is longer): in a write transaction
  // of their own, which waits for `tx` to end (so not awaited inside it).
  if (Math.random() < 0.01) {
    const forgetting = forgetLimitCounters(new Date(Date.now() - DAY));
    if (tx) forgetting.catch(() => undefined);
    else await forgetting;
  }
  return verdict.allowed ? undefined : { retryInMinutes: retryAfterMinutes(verdict.retryAfterMs) };
}
