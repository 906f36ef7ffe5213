/**
 * Money inside the shop is always an integer count of minor units (cents, öre, fils, yen).
 * Conversion to a provider's wire format happens only at the provider boundary, with the
 * ISO 4217 exponent of the currency; no floating point is ever used for amounts.
 */

/** Minor units of a currency: an integer, branded so a major-unit number is never passed by mistake. */
export type Minor = number & { readonly __brand: "Minor" };

/**
 * ISO 4217 codes whose minor unit is not 2 decimals [doc: ISO 4217]; every other code has 2.
 * Which codes exist is the runtime's own list of ISO 4217 currencies in use
 * (`Intl.supportedValuesOf("currency")`: no fund codes such as CLF).
 */
const ISO_4217_NOT_TWO_DECIMALS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

const ISO_4217_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

/** The currencies a shopper can choose in the storefront, each with one stored price per product. */
export const SHOP_CURRENCIES = ["USD", "EUR", "HKD", "SEK", "CNY", "JPY", "KWD"] as const;
export type ShopCurrency = (typeof SHOP_CURRENCIES)[number];
export const DEFAULT_CURRENCY: ShopCurrency = "USD";

export function isShopCurrency(value: unknown): value is ShopCurrency {
  return typeof value === "string" && (SHOP_CURRENCIES as readonly string[]).includes(value);
}

/** Whether a code is an ISO 4217 currency. */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && ISO_4217_CODES.has(code);
}

/** The ISO 4217 exponent (number of decimals) of a currency; throws for an unknown code. */
export function currencyExponent(currency: string): number {
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency ${JSON.stringify(currency)}`);
  return ISO_4217_NOT_TWO_DECIMALS[currency] ?? 2;
}

/** Checks that a number is a safe, non-negative integer and brands it as minor units. */
export function minor(value: number): Minor {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Amount must be a non-negative integer of minor units, got ${value}`);
  }
  return value as Minor;
}

/** 1999 USD -> "19.99"; 1500 JPY -> "1500"; 12345 KWD -> "12.345". Exact, no floats. */
export function toDecimalString(amount: Minor | number, currency: string): string {
  const value = minor(amount);
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(value);
  const digits = String(value).padStart(exponent + 1, "0");
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Parses a provider's decimal string into minor units: "19.99" USD -> 1999, "12.345" KWD -> 12345.
 * Trailing zeros beyond the exponent are accepted ("100.000000" -> 10000 for USD); significant
 * digits beyond it are refused, because they cannot be represented in the currency.
 */
export function fromDecimalString(text: string, currency: string): Minor {
  const exponent = currencyExponent(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(text)}`);
  const [, whole, rawFraction = ""] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > exponent) {
    throw new RangeError(`${text} has more decimals than ${currency} allows (${exponent})`);
  }
  return minor(Number(whole + fraction.padEnd(exponent, "0")));
}

/** Formats minor units for people: formatMoney(1999, "USD") -> "$19.99". */
export function formatMoney(amount: Minor | number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl formats a decimal string exactly (no binary float in between).
  return formatter.format(toDecimalString(amount, currency) as unknown as number);
}

/** Sums minor-unit amounts, refusing to leave the safe-integer range. */
export function sumMinor(amounts: readonly (Minor | number)[]): Minor {
  return minor(amounts.reduce<number>((total, amount) => total + minor(amount), 0));
}

export function multiplyMinor(amount: Minor | number, quantity: number): Minor {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`Bad quantity ${quantity}`);
  return minor(minor(amount) * quantity);
}
