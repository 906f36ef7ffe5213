// Issue 15: each provider describes itself in its own folder (lib/providers/<id>), and one list
// (lib/providers/index.ts; its browser code's, lib/providers/browser.ts) names them all. No other
// product file names a provider: a new provider is one folder and one line.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The providers, by their folders (a folder with an index.ts describing it). */
const providerIds = readdirSync(join(root, "lib/providers"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, "lib/providers", entry.name, "index.ts")))
  .map((entry) => entry.name);

/** The lists: the only product files outside the providers' folders that may name them. */
const LISTS = ["lib/providers/index.ts", "lib/providers/browser.ts"];

/**
 * Not product code: tests and their helpers, docs (.env.example documents each provider's keys),
 * the migrations, and the emulator side, which has its own folders and list. The scripts (the
 * bench, `npm start`) are product code here: they iterate over the list like the rest, but for
 * the README's signing helper, documentation that writes each provider's documented algorithm.
 */
const NOT_PRODUCT = [
  "*.test.ts",
  "e2e",
  "lib/testing",
  "lib/suites",
  "*.md",
  ".env.example",
  "drizzle",
  "vitest.config.mts",
  "playwright.config.ts",
  "lib/emulators",
  "app/emulators",
  "components/emulators",
  "instrumentation.ts",
  "scripts/emulator-sign.mjs",
  // Test tooling, like lib/testing: the parity run makes each provider's credentials for the emulators it starts.
  "scripts/test-parity.mjs",
];

function filesNamingAProvider(): string[] {
  const pathspecs = [
    ...[...NOT_PRODUCT, ...LISTS].map((path) => `:!${path}`),
    ...providerIds.map((id) => `:!lib/providers/${id}/`),
  ];
  const grep = spawnSync(
    "git",
    ["grep", "--untracked", "-l", "-i", "-E", providerIds.join("|"), "--", ".", ...pathspecs],
    { cwd: root, encoding: "utf8" },
  );
  // git grep: 0 with matches, 1 with none, anything else is an error.
  if (grep.status !== 0 && grep.status !== 1) throw new Error(`git grep failed: ${grep.stderr}`);
  return grep.stdout.split("\n").filter(Boolean);
}

describe("the providers' boundary", () => {
  it("finds the providers by their folders", () => {
    expect(providerIds.length).toBeGreaterThan(0);
  });

  it("no product file outside the providers' folders and the lists names a provider", () => {
    expect(filesNamingAProvider()).toEqual([]);
  });

  it("the list names every provider's folder", () => {
    const list = readFileSync(join(root, "lib/providers/index.ts"), "utf8");
    for (const id of providerIds) expect(list, id).toContain(`"./${id}"`);
  });
});
