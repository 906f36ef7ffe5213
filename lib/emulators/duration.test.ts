import { describe, expect, it } from "vitest";
import { MAX_ADVANCE_SECONDS, parseDuration } from "./duration";

describe("parseDuration", () => {
  it.each([
    [7200, 7200],
    ["7200", 7200],
    ["2 hours", 7200],
    ["8 days", 8 * 86_400],
    ["1 day 6 hours", 30 * 3600],
    ["1 day, 30 minutes and 5 seconds", 86_400 + 1800 + 5],
    ["90m", 5400],
    ["1.5 h", 5400],
    ["2 Weeks", 14 * 86_400],
  ])("reads %j as %i seconds", (value, seconds) => {
    expect(parseDuration(value)).toEqual({ ok: true, seconds });
  });

  it.each([
    [-1, "must not be negative"],
    ["-2 hours", "must not be negative"],
    [0, "more than 0"],
    ["0 days", "more than 0"],
    ["soon", "is not a duration"],
    ["2 hours later", "is not a duration"],
    ["3 fortnights", 'unknown unit "fortnights"'],
    ["", "is required"],
    [null, "is required"],
    [true, "is required"],
    [Number.POSITIVE_INFINITY, "finite"],
    [MAX_ADVANCE_SECONDS + 1, "at most"],
    ["400 days", "at most"],
  ])("refuses %j (%s)", (value, message) => {
    const result = parseDuration(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("names the field in its message", () => {
    expect(parseDuration("x", "window")).toMatchObject({ ok: false, error: expect.stringMatching(/^window: /) });
  });
});
