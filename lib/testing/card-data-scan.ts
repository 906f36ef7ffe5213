import { readFileSync } from "node:fs";

/**
 * Scans files byte by byte (a SQLite database, its WAL and SHM, logs) for card data: the given
 * card numbers in any spacing, and security codes written as a value of a CVV-like key.
 */
export interface CardDataFinding {
  file: string;
  kind: "card number" | "security code";
  excerpt: string;
}

const CVV_KEY_VALUE = /["']?(cvv2?|cvc2?|card_?cvc|cardCvc|security_?code|securityCode)["']?\s*[:=]\s*["']?(\d{3,4})(?!\d)/gi;

function separatedPattern(number: string): RegExp {
  // 4111 1111 1111 1111, 4111-1111-…, or 4111111111111111
  return new RegExp(number.split("").join("[ -]?"), "g");
}

export function findCardData(text: string, cardNumbers: readonly string[], file = "text"): CardDataFinding[] {
  const findings: CardDataFinding[] = [];
  for (const number of cardNumbers) {
    for (const match of text.matchAll(separatedPattern(number))) {
      findings.push({ file, kind: "card number", excerpt: text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40) });
    }
  }
  for (const match of text.matchAll(CVV_KEY_VALUE)) {
    findings.push({ file, kind: "security code", excerpt: text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20) });
  }
  return findings;
}

export function scanFilesForCardData(files: readonly string[], cardNumbers: readonly string[]): CardDataFinding[] {
  return files.flatMap((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return [];
    }
    return findCardData(bytes.toString("latin1"), cardNumbers, file);
  });
}
