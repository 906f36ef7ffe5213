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
 * first six digits); in a longer run, such a stretch at either end (a card number written next to
 * other digits: its expiry after it, a prefix before it). A stretch in the middle of a long run is
 * not looked at: a provider's 35-digit id holds a test BIN and passes Luhn at some length by
 * chance, about once in a few thousand ids. A listed test card is found anywhere (findCardNumbers).
 */
function holdsCardNumber(digits: string, bins: ReadonlySet<string>): boolean {
  if (digits.length <= 19) return bins.has(digits.slice(0, 6)) && luhnValid(digits);
  for (let length = 13; length <= 19; length++) {
    const head = digits.slice(0, length);
    const tail = digits.slice(digits.length - length);
    if (bins.has(head.slice(0, 6)) && luhnValid(head)) return true;
    if (bins.has(tail.slice(0, 6)) && luhnValid(tail)) return true;
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
