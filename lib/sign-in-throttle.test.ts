import { describe, expect, it } from "vitest";
import { delayAfter, FailureThrottle, waitDuration, type ThrottleRule } from "./sign-in-throttle";

const RULE: ThrottleRule = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };
const account = { key: "account:a@example.test", rule: RULE };
const address = { key: "address:198.51.100.7", rule: { ...RULE, freeFailures: 20 } };

describe("FailureThrottle", () => {
  it("lets the free failures through at once, then makes each further attempt wait twice as long", () => {
    const throttle = new FailureThrottle();
    let now = 0;
    for (let i = 0; i < 5; i++) expect(throttle.attempt([account], now)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = throttle.attempt([account], now);
      waits.push(wait);
      now += wait;
      expect(throttle.attempt([account], now)).toBe(0);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    // The 12th attempt (the 11th only after 63 s) would come after 64 s more: no 11 guesses fit in a minute.
    expect(now).toBeGreaterThan(60_000);
    expect(delayAfter(40, RULE)).toBe(15 * 60_000);
  });

  it("does not count a refused attempt, whatever it carried", () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 5; i++) throttle.attempt([account], 0);
    expect(throttle.attempt([account], 0)).toBe(1000);
    expect(throttle.attempt([account], 500)).toBe(500);
    // Still the first step's wait (1 s, not 2 s): the refused tries were not failures.
    expect(throttle.attempt([account], 1000)).toBe(0);
    expect(throttle.attempt([account], 1000)).toBe(2000);
  });

  it("refuses when either key must wait, and counts against both", () => {
    const throttle = new FailureThrottle();
    const other = { key: "account:b@example.test", rule: RULE };
    for (let i = 0; i < 5; i++) throttle.attempt([account, address], 0);
    expect(throttle.attempt([account, address], 0)).toBe(1000);
    // Another account from the same address: free until the address has had its 20.
    for (let i = 0; i < 5; i++) expect(throttle.attempt([other, address], 0)).toBe(0);
    expect(throttle.attempt([{ key: "account:c@example.test", rule: RULE }, address], 0)).toBe(0);
  });

  it("starts the account over after a right password, and gives the address its attempt back", () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 4; i++) throttle.attempt([account, address], 0);
    expect(throttle.attempt([account, address], 0)).toBe(0);
    throttle.succeeded(account.key, [address.key]);
    for (let i = 0; i < 5; i++) expect(throttle.attempt([account], 0)).toBe(0);
    const fresh = new FailureThrottle();
    for (let i = 0; i < 20; i++) fresh.attempt([{ key: `account:${i}`, rule: RULE }, address], 0);
    expect(fresh.attempt([{ key: "account:x", rule: RULE }, address], 0)).toBe(1000);
    fresh.succeeded("account:19", [address.key]);
    expect(fresh.attempt([{ key: "account:y", rule: RULE }, address], 0)).toBe(0);
  });

  it("forgets a key with no failure for the rule's time", () => {
    const throttle = new FailureThrottle();
    for (let i = 0; i < 10; i++) throttle.attempt([account], i * 60_000);
    expect(throttle.attempt([account], 9 * 60_000 + 1)).toBeGreaterThan(0);
    expect(throttle.attempt([account], 9 * 60_000 + RULE.forgetAfterMs)).toBe(0);
  });
});

describe("waitDuration", () => {
  it("says seconds under a minute and minutes above, never zero", () => {
    expect(waitDuration(0)).toEqual({ unit: "second", count: 1 });
    expect(waitDuration(1500)).toEqual({ unit: "second", count: 2 });
    expect(waitDuration(60_000)).toEqual({ unit: "minute", count: 1 });
    expect(waitDuration(14 * 60_000 + 1)).toEqual({ unit: "minute", count: 15 });
  });
});
