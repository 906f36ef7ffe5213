// The parity runner's first check: a test tagged `parity` must not reach into an emulator through
// its code. It walks each parity-tagged test file's imports (relative and `@/` paths) and refuses
// any that reaches an emulator's module (lib/emulators/**), or imported test code that calls the
// emulators' control plane or opens their database. A test's own calls are refused at run time: the
// control plane is closed, and the e2e `request` fixture names the test that tried.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Test code that stands in for what a real provider does not offer. */
const REACHES_IN = [
  { pattern: /\/emulators\/control\b/, reason: "calls the emulators' control plane" },
  { pattern: /EMULATOR_DATABASE_PATH|emulators\.sqlite/, reason: "opens the emulators' database" },
];
/** Where test code lives (scanned for REACHES_IN); the shop's own code is only followed. */
const TEST_CODE = /^(e2e\/|lib\/testing\/)|\.test\.ts$|\.spec\.ts$/;
/**
 * The parity guard names what it refuses; the e2e fixtures' helpers refuse themselves in a parity
 * run, when a test asks for them (every spec imports the fixtures).
 */
const GUARDS = new Set(["lib/testing/parity-guard.ts", "lib/testing/expect-notification.ts"]);

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".mjs", ".js", "/index.ts", "/index.tsx"];

function resolveImport(root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = resolve(dirname(from), specifier);
  else return undefined;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Why `file` (and what it imports) reaches into an emulator, or undefined. */
export function reachesIntoEmulator(root, file) {
  const seen = new Set();
  const walk = (path, chain) => {
    if (seen.has(path)) return undefined;
    seen.add(path);
    const name = relative(root, path);
    const via = [...chain, name];
    if (name.startsWith("lib/emulators/")) return `imports an emulator's module (${via.join(" -> ")})`;
    // A guard refuses itself at run time: what it imports is only used when a test calls it.
    if (GUARDS.has(name)) return undefined;
    const source = readFileSync(path, "utf8");
    // The test file's own calls are refused at run time (a file may mix tests tagged for what they
    // need); what it imports is loaded for every test in it, so it is checked here.
    if (chain.length && TEST_CODE.test(name)) {
      const found = REACHES_IN.find(({ pattern }) => pattern.test(source));
      if (found) return `${found.reason} (${via.join(" -> ")})`;
    }
    for (const match of source.matchAll(IMPORT)) {
      const target = resolveImport(root, path, match[1] ?? match[2] ?? match[3]);
      const reason = target && walk(target, via);
      if (reason) return reason;
    }
    return undefined;
  };
  return walk(file, []);
}

function filesUnder(root, folder, suffixes) {
  const out = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) out.push(path);
    }
  };
  if (existsSync(join(root, folder))) visit(join(root, folder));
  return out;
}

/** Vitest: `// @module-tag parity`; Playwright: a `@parity` tag anywhere in the spec. */
export function isParityTagged(source, file) {
  return file.endsWith(".spec.ts") ? /["'`]@parity["'`]/.test(source) : /@module-tag\s+parity\b/.test(source);
}

/** The integration test files and e2e specs a parity run would run. */
export function parityTestFiles(root) {
  return [
    ...filesUnder(root, "lib", [".integration.test.ts"]),
    ...filesUnder(root, "app", [".integration.test.ts"]),
    ...filesUnder(root, "e2e", [".spec.ts"]),
  ].filter((file) => isParityTagged(readFileSync(file, "utf8"), file));
}

/** Every parity-tagged test file that reaches into an emulator, with the import chain that does. */
export function parityImportViolations(root, files = parityTestFiles(root)) {
  return files
    .map((file) => ({ file: relative(root, file), reason: reachesIntoEmulator(root, file) }))
    .filter((violation) => violation.reason !== undefined);
}
