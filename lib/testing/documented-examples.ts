// The providers' own documented examples as fixtures (issue 13).
//
// Each provider keeps its examples in `lib/providers/<id>/fixtures/*.json`, one file per example:
//
//   {
//     "source": "seeds/001_ea69db9ca0bd726d.txt",   // or "PROVIDERS.md", relative to ../shared
//     "where": "step 4, pay with token: request",     // where in the source a reader finds it
//     "kind": "request" | "answer" | "notification" | "error",
//     "filled": ["errors.0.description"],             // optional: leaves the doc elides ("..")
//     "example": { ... }                              // the example as the doc prints it
//   }
//
// `leavesMissingFromSource` proves the fixture is the doc's own text: every leaf `"key": value` of
// the example must appear in the source (whitespace ignored), except the `filled` ones. Changing a
// documented value in the fixture, or the doc changing under it, fails the provider's test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type ExampleKind = "request" | "answer" | "notification" | "error";

export interface DocumentedExample {
  /** The file under `../shared` the example comes from. */
  source: string;
  /** Where in that file it is (step, heading), for a reader. */
  where: string;
  kind: ExampleKind;
  /** Dotted paths (array indexes as numbers) of leaves the doc elides and we filled in [guess]. */
  filled?: string[];
  example: unknown;
}

/** The project's shared folder: `SHARED_DIR`, or `../shared` beside the checkout. */
export function sharedDir(): string {
  return process.env.SHARED_DIR ?? path.resolve(process.cwd(), "..", "shared");
}

/** Reads every fixture of a provider's folder, keyed by file name without `.json`. */
export function loadDocumentedExamples(fixturesDir: string): Record<string, DocumentedExample> {
  const examples: Record<string, DocumentedExample> = {};
  for (const file of readdirSync(fixturesDir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const parsed = JSON.parse(readFileSync(path.join(fixturesDir, file), "utf8")) as DocumentedExample;
    if (typeof parsed.source !== "string" || typeof parsed.where !== "string" || !("example" in parsed)) {
      throw new Error(`${file}: a documented example needs "source", "where" and "example"`);
    }
    examples[file.replace(/\.json$/, "")] = parsed;
  }
  return examples;
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, "");

interface Leaf {
  path: string;
  /** The text the doc would print for this leaf: `"key":value` in an object, `value` in an array. */
  printed: string;
}

function leavesOf(value: unknown, at: string, key: string | null): Leaf[] {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    const children = entries.flatMap(([childKey, child]) =>
      leavesOf(child, at ? `${at}.${childKey}` : childKey, Array.isArray(value) ? null : childKey),
    );
    // An empty object or array is a leaf of its own.
    if (children.length > 0) return children;
  }
  const printedValue = withoutWhitespace(JSON.stringify(value));
  return [{ path: at, printed: key === null ? printedValue : `${JSON.stringify(key)}:${printedValue}` }];
}

/** The dotted paths of the example's leaves that its source does not print (minus `filled`). */
export function leavesMissingFromSource(example: DocumentedExample, sourceText?: string): string[] {
  const text = sourceText ?? readSource(example.source);
  const haystack = withoutWhitespace(text);
  const filled = new Set(example.filled ?? []);
  return leavesOf(example.example, "", null)
    .filter((leaf) => !filled.has(leaf.path))
    .filter((leaf) => !haystack.includes(leaf.printed))
    .map((leaf) => leaf.path || "(root)");
}

function readSource(source: string): string {
  const file = path.join(sharedDir(), source);
  if (!existsSync(file))
    throw new Error(`the documented example's source ${file} is missing: is ../shared beside the checkout?`);
  return readFileSync(file, "utf8");
}
