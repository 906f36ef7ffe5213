// Looks for the server's secrets in what browsers download: the build's static files and pages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface Secret {
  /** What it is, for the report (never the value itself). */
  label: string;
  value: string;
}

export interface SecretHit {
  label: string;
  where: string;
}

/**
 * The needles of a secret: the value itself, and for a PEM key each full line of its body (a
 * bundle holds it with `\n` escaped, or split), so a key is found whatever its line breaks.
 */
export function needlesOf(secret: Secret): string[] {
  const value = secret.value.trim();
  if (!value.includes("-----BEGIN")) return value.length >= 8 ? [value] : [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 40 && !line.startsWith("-----"));
}

/** Every secret found in every text, by label and where. */
export function findSecrets(
  texts: Iterable<{ where: string; content: string }>,
  secrets: readonly Secret[],
): SecretHit[] {
  const hits: SecretHit[] = [];
  const needles = secrets.flatMap((secret) => needlesOf(secret).map((needle) => ({ label: secret.label, needle })));
  for (const { where, content } of texts) {
    for (const { label, needle } of needles) {
      if (content.includes(needle) && !hits.some((hit) => hit.label === label && hit.where === where))
        hits.push({ label, where });
    }
  }
  return hits;
}

/** The files of a folder, recursively, as texts (binary files are read as latin1: a secret in them still shows). */
export function* filesUnder(dir: string): Generator<{ where: string; content: string }> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield { where: relative(process.cwd(), path), content: readFileSync(path, "latin1") };
  }
}
