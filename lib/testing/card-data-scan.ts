import { readFileSync } from "node:fs";
import { luhnValid } from "../cards";

/**
 * Scans files byte by byte (a SQLite database, its WAL and SHM, logs, build output) for card
 * data: Luhn-valid 13-19 digit runs on the test cards' BINs in any spacing, and security codes
 * written as the value of a CVV-like key.
 */
export interface CardDataFinding {
  file: string;
  kind: "card number" | "security code";
  excerpt: string;
}

const CVV_KEY_VALUE =
  /["']?(cvv2?|cvc2?|card_?cvc|cardCvc|security_?code|securityCode)["']?\s*[:=]\s*["']?(\d{3,4})(?!\d)/gi;

/**
 * Runs of 13 or more digits, with at most one separator between two digits: a space or a dash, as
 * typed (4111 1111 …), or URL-encoded (4111+1111…, 4111%201111…).
 */
const DIGIT_RUN = /\d(?:(?:[ +-]|%20|%2[dD])?\d){12,}/g;
const SEPARATORS = /[ +-]|%20|%2[dD]/g;

/**
 * A run of 13 to 19 digits that is Luhn-valid and begins like one of the test cards (their
 * first six digits); in a longer run, any such stretch starting on a test BIN.
 */
function holdsCardNumber(digits: string, bins: ReadonlySet<string>): boolean {
  if (digits.length <= 19) return bins.has(digits.slice(0, 6)) && luhnValid(digits);
  for (let start = 0; start + 13 <= digits.length; start++) {
    if (!bins.has(digits.slice(start, start + 6))) continue;
    for (let length = 13; length <= 19 && start + length <= digits.length; length++) {
      if (luhnValid(digits.slice(start, start + length))) return true;
    }
  }
  return false;
}

function findCardNumbers(text: string, cardNumbers: readonly string[], file: string): CardDataFinding[] {
  const bins = new Set(cardNumbers.map((number) => number.slice(0, 6)));
  const findings: CardDataFinding[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(SEPARATORS, "");
    const known = cardNumbers.some((number) => digits.includes(number));
    if (known || holdsCardNumber(digits, bins)) {
      findings.push({
        file,
        kind: "card number",
        excerpt: text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40),
      });
    }
  }
  return findings;
}

export function findCardData(text: string, cardNumbers: readonly string[], file = "text"): CardDataFinding[] {
  const findings: CardDataFinding[] = findCardNumbers(text, cardNumbers, file);
  for (const match of text.matchAll(CVV_KEY_VALUE)) {
    findings.push({
      file,
      kind: "security code",
      excerpt: text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20),
    });
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
