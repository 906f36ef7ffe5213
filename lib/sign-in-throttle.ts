/**
 * Sign-in throttle: wrong passwords make the next attempt wait, longer each time. It decides over
 * a map of failures by key, which the shop keeps in its database like lib/rate-limit.ts's, so
 * that every instance behind a balancer counts the same failures.
 */
export interface ThrottleRule {
  /** Wrong passwords that cost nothing (typos). */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it... */
  firstDelayMs: number;
  /** ...up to this. */
  maxDelayMs: number;
  /** A key with no failure for this long starts over. */
  forgetAfterMs: number;
}

/** How long a key must wait after its last failure, having failed `failures` times. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (failures - rule.freeFailures));
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

export interface FailureCount {
  count: number;
  lastAt: number;
}

export class FailureThrottle {
  /** `failures`: each key's count and last failure (ms), as kept; attempt() and succeeded() change it in place. */
  constructor(readonly failures = new Map<string, FailureCount>()) {}

  /**
   * Milliseconds until every key may try again; 0 when they may now, and then the attempt is
   * counted as a failure against each key at once, before any password is checked (a burst of
   * parallel attempts cannot slip in between the check and the count). A refused attempt is not counted.
   */
  attempt(keys: readonly ThrottleKey[], now = Date.now()): number {
    let wait = 0;
    for (const { key, rule } of keys) {
      const entry = this.current(key, rule, now);
      if (entry) wait = Math.max(wait, entry.lastAt + delayAfter(entry.count, rule) - now);
    }
    if (wait > 0) return wait;
    for (const { key, rule } of keys)
      this.failures.set(key, { count: (this.current(key, rule, now)?.count ?? 0) + 1, lastAt: now });
    this.sweep(now, keys);
    return 0;
  }

  /** The attempt was right after all: `reset` (the account) starts over; each key of `refund` (the address) gets its count back. */
  succeeded(reset: string, refund: readonly string[] = []): void {
    this.failures.delete(reset);
    for (const key of refund) {
      const entry = this.failures.get(key);
      if (entry && entry.count > 1) entry.count -= 1;
      else this.failures.delete(key);
    }
  }

  private current(key: string, rule: ThrottleRule, now: number) {
    const entry = this.failures.get(key);
    return entry && now - entry.lastAt < rule.forgetAfterMs ? entry : undefined;
  }

  /** Keeps the map small: drops keys nobody failed with for longer than the longest rule remembers. */
  private sweep(now: number, keys: readonly ThrottleKey[]): void {
    if (this.failures.size < 10_000) return;
    const longest = Math.max(...keys.map(({ rule }) => rule.forgetAfterMs));
    for (const [key, entry] of this.failures) if (now - entry.lastAt >= longest) this.failures.delete(key);
  }
}

/** How long to wait, for a message: seconds under a minute, minutes (rounded up) above; never 0. */
export function waitDuration(waitMs: number): { unit: "second" | "minute"; count: number } {
  if (waitMs < 60_000) return { unit: "second", count: Math.max(1, Math.ceil(waitMs / 1000)) };
  return { unit: "minute", count: Math.ceil(waitMs / 60_000) };
}
