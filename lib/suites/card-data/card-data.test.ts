// The last step of `npm test`: after every other step has run, no full card number and no
// security code may be left in what the shop wrote or built. Scans, byte by byte:
// - the databases of every test server (shop and emulators), with their WAL and SHM files;
// - every test server's log (its stdout/stderr, which includes the request log: the URLs asked);
// - the whole `.next` build output (server chunks, client bundles, prerendered pages), all but
//   `.next/cache`, the build's own cache (never served or deployed; its logs number their files).
// The test cards are the emulators' catalogue plus every Luhn-valid number the tests type.
import { testBuildDir } from "@/lib/testing/build-dir";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { luhnValid } from "@/lib/cards";
import { scanFilesForCardData, type CardDataFinding } from "@/lib/testing/card-data-scan";

const root = join(__dirname, "..", "..", "..");

function filesUnder(dir: string, keep: (path: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && keep(path));
}

/** The emulators' catalogue, and the card numbers the tests themselves type. */
function testCardNumbers(): string[] {
  const catalogue = (
    JSON.parse(readFileSync(join(root, "lib/emulators/test-cards.json"), "utf8")) as { number: string }[]
  ).map((card) => card.number);
  const typed = [
    ...filesUnder(join(root, "e2e"), (p) => p.endsWith(".ts")),
    ...filesUnder(join(root, "lib"), (p) => p.endsWith(".test.ts")),
  ].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/(?<![\d.])\d{13,19}(?![\d.])/g)]
      .map((m) => m[0])
      .filter((n) => /^[3-6]/.test(n) && luhnValid(n)),
  );
  return [...new Set([...catalogue, ...typed])];
}

function report(findings: CardDataFinding[]): string {
  return findings
    .slice(0, 20)
    .map((f) => `- ${f.kind} in ${relative(root, f.file)}: …${f.excerpt.replace(/[^\x20-\x7e]/g, "·")}…`)
    .join("\n");
}

const testDataDirs = () =>
  existsSync(join(root, "data"))
    ? readdirSync(join(root, "data"))
        .filter((name) => name.startsWith("test-"))
        .map((name) => join(root, "data", name))
    : [];
const cards = testCardNumbers();

describe("card data left behind by the whole test run", () => {
  it("knows the test cards it looks for", () => {
    expect(cards).toContain("4111111111111111");
    expect(cards.length).toBeGreaterThanOrEqual(10);
  });

  it("no card number or security code in any test server's database files (WAL and SHM included, and the PostgreSQL run's rows)", () => {
    const files = testDataDirs().flatMap((dir) =>
      filesUnder(dir, (p) => /\.sqlite(-wal|-shm)?$/.test(p) || p.endsWith("postgres-dump.sql")),
    );
    expect(
      files.filter((f) => f.endsWith("shop.sqlite")).length,
      "run after the integration and Playwright steps: no test database found",
    ).toBeGreaterThanOrEqual(2);
    expect(
      files.filter((f) => f.endsWith("postgres-dump.sql")).length,
      "run after the suites' PostgreSQL run: no dump of its database found",
    ).toBeGreaterThanOrEqual(1);
    const findings = scanFilesForCardData(files, cards);
    expect(findings, report(findings)).toEqual([]);
  });

  it("no card number or security code in the test servers' logs, which include every URL they were asked", () => {
    const files = testDataDirs().flatMap((dir) => filesUnder(dir, (p) => p.endsWith(".log")));
    expect(files.length, "no server.log found: run after the integration and Playwright steps").toBeGreaterThanOrEqual(
      2,
    );
    const requestLines = files
      .flatMap((file) => readFileSync(file, "utf8").split("\n"))
      .filter((line) => line.includes('"message":"request"'));
    expect(
      requestLines.length,
      "the servers' logs hold no request lines (lib/testing/request-log.mjs)",
    ).toBeGreaterThan(100);
    const findings = scanFilesForCardData(files, cards);
    expect(findings, report(findings)).toEqual([]);
  });

  it("no card number or security code in the build output (.next)", () => {
    const files = filesUnder(testBuildDir(), (p) => !p.startsWith(join(testBuildDir(), "cache")));
    expect(
      files.some((f) => f.startsWith(join(testBuildDir(), "static"))),
      "no build found: run `npm test` (or `NEXT_DIST_DIR=.next-test next build`) first",
    ).toBe(true);
    const findings = scanFilesForCardData(files, cards);
    expect(findings, report(findings)).toEqual([]);
  });
});
