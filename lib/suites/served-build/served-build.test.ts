// `npm test` while `npm start` serves the same checkout: the tests build into and serve from
// `.next-test`, so the `.next` that `npm start` serves is exactly as it was before the run (its
// pages and scripts keep answering 200). scripts/test.mjs took the fingerprint before its first step.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVED_BUILD_BEFORE, servedBuildFingerprint } from "@/scripts/served-build.mjs";

const root = join(__dirname, "..", "..", "..");

describe("the build npm start serves (.next)", () => {
  it("is untouched by every step of npm test", () => {
    const recorded = join(root, SERVED_BUILD_BEFORE);
    expect(
      existsSync(recorded),
      `${SERVED_BUILD_BEFORE} is written by npm test (scripts/test.mjs) before its first step`,
    ).toBe(true);
    const before = JSON.parse(readFileSync(recorded, "utf8")) as ReturnType<typeof servedBuildFingerprint>;
    expect(servedBuildFingerprint(root)).toEqual(before);
  });
});
