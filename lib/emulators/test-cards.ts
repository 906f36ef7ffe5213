import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The project's own test-card catalogue, shared by every card-taking emulator (no provider
 * publishes test cards). Any future expiry and any CVV work unless a row says otherwise.
 */
export type CardOutcome =
  | { kind: "approve" }
  | { kind: "challenge" }
  | { kind: "decline"; reason: "generic" | "insufficient_funds" | "expired_card" }
  | { kind: "pending" };

export interface TestCard {
  number: string;
  brand: string;
  outcome: CardOutcome;
  description: string;
}

/**
 * The catalogue is data, read from test-cards.json when first needed rather than compiled in, so
 * the build output (`.next`) holds no card number: the card-data suite scans it for them.
 */
let catalogue: readonly TestCard[] | undefined;

export function testCards(): readonly TestCard[] {
  catalogue ??= JSON.parse(
    readFileSync(join(process.cwd(), "lib", "emulators", "test-cards.json"), "utf8"),
  ) as TestCard[];
  return catalogue;
}

/** The 3DS challenge code that passes. */
export const CHALLENGE_PASS_CODE = "123456";

export function digitsOnly(text: string): string {
  return text.replace(/[\s-]/g, "");
}

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): string {
  if (/^4/.test(number)) return "Visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "Mastercard";
  if (/^3[47]/.test(number)) return "Amex";
  if (/^62/.test(number)) return "UnionPay";
  if (/^35/.test(number)) return "JCB";
  return "Card";
}

/** The outcome a card number scripts: catalogue cards as listed, any other valid card approves. */
export function outcomeOfCard(number: string): CardOutcome {
  return testCards().find((card) => card.number === number)?.outcome ?? { kind: "approve" };
}

export function maskCard(number: string): string {
  return `${number.slice(0, 6)}${"*".repeat(Math.max(0, number.length - 10))}${number.slice(-4)}`;
}

/** Checks an MM/YY (or MM/YYYY) expiry is a real month not in the past. */
export function expiryValid(expiry: string, now = new Date()): boolean {
  const match = /^(\d{2})\s*\/\s*(\d{2}|\d{4})$/.exec(expiry.trim());
  if (!match) return false;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

/** Notification behaviours a tester scripts through the cardholder (payer) name. */
export type CallbackBehaviour = "on_time" | "delayed" | "duplicated" | "never";

export const CALLBACK_BEHAVIOURS: readonly { match: string; behaviour: CallbackBehaviour; description: string }[] = [
  {
    match: "late",
    behaviour: "delayed",
    description: "The notification is sent 2 minutes late (scaled by EMULATOR_TIME_SCALE)",
  },
  { match: "twice", behaviour: "duplicated", description: "The same notification is delivered twice" },
  { match: "silent", behaviour: "never", description: "No notification is ever sent (the shop must ask)" },
];

export function callbackBehaviourOf(cardholder: string): CallbackBehaviour {
  const name = cardholder.toLowerCase();
  return CALLBACK_BEHAVIOURS.find((row) => name.includes(row.match))?.behaviour ?? "on_time";
}

/**
 * The catalogue as the hosted pages' test-card picker offers it (numbers only reach emulator pages),
 * with its outcome as one word ("approve", "decline_expired_card"…) for the picker's translated label.
 */
export function pickableTestCards(): { number: string; brand: string; description: string; outcome: string }[] {
  return testCards().map(({ number, brand, description, outcome }) => ({
    number,
    brand,
    description,
    outcome: "reason" in outcome ? `${outcome.kind}_${outcome.reason}` : outcome.kind,
  }));
}
