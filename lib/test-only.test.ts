import { describe, expect, it } from "vitest";
import { testOnly, testOnlyProvidersOn } from "./test-only";

describe("test-only providers", () => {
  it("are listed only with TEST_ONLY_PROVIDERS=on", () => {
    expect(testOnly(["fixture"], { TEST_ONLY_PROVIDERS: "on" })).toEqual(["fixture"]);
    expect(testOnly(["fixture"], {})).toEqual([]);
    expect(testOnly(["fixture"], { TEST_ONLY_PROVIDERS: "1" })).toEqual([]);
    expect(testOnlyProvidersOn({ TEST_ONLY_PROVIDERS: "off" })).toBe(false);
  });

  it("are off in this process (the unit tests run without the switch)", () => {
    expect(testOnlyProvidersOn()).toBe(false);
  });
});
