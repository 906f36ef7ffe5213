import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * Issue 15, acceptance 1: adding the tests' sixth provider changed no file outside its two folders
 * and the two lists. Kept true from now on: nothing else may name it (CONTRIBUTING.md, the guide
 * that points at it as the worked example, aside).
 */
const ALLOWED = [
  /^lib\/providers\/examplepay\//,
  /^lib\/emulators\/examplepay\//,
  /^lib\/providers\/index\.ts$/,
  /^lib\/emulators\/index\.ts$/,
  /^CONTRIBUTING\.md$/,
  // The notification signers' test covers every signing emulator, this one too.
  /^lib\/testing\/notification-signers\.test\.ts$/,
];

function filesNamingIt(): string[] {
  try {
    return execFileSync("git", ["grep", "-l", "-i", "examplepay"], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

describe("the test-only provider's footprint", () => {
  it("is found where it belongs (sanity: the search works)", () => {
    expect(filesNamingIt()).toContain("lib/providers/index.ts");
    expect(filesNamingIt()).toContain("lib/emulators/index.ts");
  });

  it("no file outside its two folders and the two lists names it", () => {
    expect(filesNamingIt().filter((path) => !ALLOWED.some((allowed) => allowed.test(path)))).toEqual([]);
  });
});
