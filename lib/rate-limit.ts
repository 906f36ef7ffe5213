/**
 * A sliding-window rate limit over a map of hit times by key. The shop keeps the map in its
 * database (lib/db/queries/shared-state.ts: withLimitCounters), so that every instance behind a
 * balancer counts the same attempts; the limiter only decides.
 */
export interface RateLimitRule {
  /** At most this many attempts... */
  limit: number;
  /** ...in any window of this length (ms). */
  windowMs: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export class SlidingWindowLimiter {
  /** `hits`: each key's attempt times (ms), as kept; take() changes it in place. */
  constructor(readonly hits = new Map<string, number[]>()) {}

  /**
   * Counts one attempt against every key (e.g. the shopper and their IP), each with its rule,
   * unless one of them is used up: then nothing is counted and the answer says when to retry.
   */
  take(keys: readonly { key: string; rule: RateLimitRule }[], now = Date.now()): RateLimitVerdict {
    let retryAfterMs = 0;
    for (const { key, rule } of keys) {
      const recent = this.recent(key, rule, now);
      if (recent.length >= rule.limit)
        retryAfterMs = Math.max(retryAfterMs, recent[recent.length - rule.limit] + rule.windowMs - now);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const { key, rule } of keys) this.hits.set(key, [...this.recent(key, rule, now), now]);
    this.sweep(now);
    return { allowed: true };
  }

  private recent(key: string, rule: RateLimitRule, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((at) => at > now - rule.windowMs);
  }

  /** Keeps the map small: forgets keys with nothing in the last day (no rule is longer). */
  private sweep(now: number): void {
    if (this.hits.size < 10_000) return;
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) < now - 24 * 60 * 60 * 1000) this.hits.delete(key);
  }
}

/** Whole minutes to wait, for a person, rounded up (never 0); the page words them in its language. */
export function retryAfterMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
