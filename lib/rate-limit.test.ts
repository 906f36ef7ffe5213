import { describe, expect, it } from "vitest";
import { retryAfterMinutes, SlidingWindowLimiter } from "./rate-limit";

const rule = { limit: 3, windowMs: 60_000 };

describe("SlidingWindowLimiter", () => {
  it("allows `limit` attempts in a window, refuses the next and says when the oldest leaves it", () => {
    const limiter = new SlidingWindowLimiter();
    for (const at of [0, 10_000, 20_000])
      expect(limiter.take([{ key: "user:a", rule }], at)).toEqual({ allowed: true });
    expect(limiter.take([{ key: "user:a", rule }], 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // The window slides: once the first attempt is a minute old, one more is allowed.
    expect(limiter.take([{ key: "user:a", rule }], 60_001)).toEqual({ allowed: true });
  });

  it("does not count a refused attempt (retrying while refused does not extend the wait)", () => {
    const limiter = new SlidingWindowLimiter();
    for (const at of [0, 1, 2]) limiter.take([{ key: "k", rule }], at);
    for (const at of [100, 200, 300]) expect(limiter.take([{ key: "k", rule }], at).allowed).toBe(false);
    expect(limiter.take([{ key: "k", rule }], 60_001).allowed).toBe(true);
  });

  it("keeps keys apart, and refuses when any of several keys is used up without counting the others", () => {
    const limiter = new SlidingWindowLimiter();
    const ip = { key: "ip:1", rule: { limit: 2, windowMs: 60_000 } };
    expect(limiter.take([{ key: "guest:a", rule }, ip], 0).allowed).toBe(true);
    expect(limiter.take([{ key: "guest:b", rule }, ip], 1).allowed).toBe(true);
    expect(limiter.take([{ key: "guest:c", rule }, ip], 2).allowed).toBe(false);
    expect(limiter.take([{ key: "user:x", rule }], 3).allowed).toBe(true);
    // guest:c was not counted while refused: it still has all three.
    for (const at of [70_000, 70_001]) expect(limiter.take([{ key: "guest:c", rule }], at).allowed).toBe(true);
  });

  it("counts whole minutes for a person, rounded up", () => {
    expect(retryAfterMinutes(1)).toBe(1);
    expect(retryAfterMinutes(60_000)).toBe(1);
    expect(retryAfterMinutes(9 * 60_000 + 1)).toBe(10);
  });
});
