import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 15: an emulator is one folder (lib/emulators/<id>/, its hosted pages in app/emulators/<id>/)
 * and one line of lib/emulators/index.ts. The shared machinery (catch-all route, control plane,
 * reset, outbox, instrumentation, catalogue, shared components) names no provider.
 */

const PROVIDER_IDS = /pingpong|antom|pingpayments|lesspay/i;
const PRODUCT_CODE = ["lib/emulators", "app/emulators", "components/emulators", "instrumentation.ts"];
const NOT_PRODUCT_CODE = [":(exclude)*.test.ts", ":(exclude)**/fixtures/**", ":(exclude)**/*-fixtures.ts"];
/** Where a provider may be named: its own folders and the list. */
const ALLOWED = /^(lib|app)\/emulators\/[a-z0-9-]+\/|^lib\/emulators\/index\.ts$/;

/** `path:line: text` for every line of the emulator side's product code that names a provider. */
function namingLines(): string[] {
  try {
    const out = execFileSync(
      "git",
      ["grep", "-n", "-i", "-E", PROVIDER_IDS.source, "--", ...PRODUCT_CODE, ...NOT_PRODUCT_CODE],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    return out.split("\n").filter(Boolean);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}

describe("the emulator side names a provider only in its folders and the list", () => {
  it("finds the providers where they belong (sanity: the search works)", () => {
    const paths = new Set(namingLines().map((line) => line.split(":")[0]));
    expect(paths).toContain("lib/emulators/index.ts");
    expect([...paths].some((path) => path.startsWith("lib/emulators/antom/"))).toBe(true);
  });

  it("no line elsewhere in lib/emulators, app/emulators, components/emulators or instrumentation.ts", () => {
    const outside = namingLines().filter((line) => {
      const path = line.split(":")[0];
      const provider = /^(?:lib|app)\/emulators\/([^/]+)\//.exec(path)?.[1];
      // A folder of lib/emulators or app/emulators is an emulator's only when its name is a provider id.
      return !(ALLOWED.test(path) && (provider === undefined || PROVIDER_IDS.test(provider)));
    });
    expect(outside).toEqual([]);
  });
});

/** The shop's modules an emulator must never import: it stands for a provider (CONTRIBUTING.md, "Add a provider"). */
const SHOP = /^lib\/(env|payments|db|providers)(?:[/.]|$)/;
/** Import specifiers: `from "…"`, `import "…"`, `import("…")`, `require("…")`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** The repository path an import names (`@/…` or relative to the importing file), or undefined for a package. */
function importedPath(file: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return posix.normalize(posix.join(posix.dirname(file), specifier));
  return undefined;
}

/** `path: specifier` for every import of the shop in lib/emulators' product code. */
function shopImports(): string[] {
  const files = execFileSync("git", ["ls-files", "--", "lib/emulators", ...NOT_PRODUCT_CODE], {
    encoding: "utf8",
  })
    .split("\n")
    .filter((file) => /\.(ts|tsx|mts|mjs|js)$/.test(file));
  return files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(SPECIFIER)]
      .filter(([, specifier]) => SHOP.test(importedPath(file, specifier) ?? ""))
      .map(([, specifier]) => `${file}: ${specifier}`),
  );
}

describe("the emulator side imports nothing of the shop", () => {
  it("finds the emulators' own imports (sanity: the search works)", () => {
    expect(importedPath("lib/emulators/antom/store.ts", "../db")).toBe("lib/emulators/db");
    expect(SHOP.test(importedPath("lib/emulators/control-access.ts", "@/lib/env")!)).toBe(true);
    expect(SHOP.test(importedPath("lib/emulators/antom/x.ts", "../../db/schema")!)).toBe(true);
  });

  it("no module of lib/emulators imports lib/env, lib/payments, lib/db or lib/providers", () => {
    expect(shopImports()).toEqual([]);
  });
});
