/**
 * Strips card data and secrets from anything headed for a log line or the event table:
 * full card numbers (13–19 digits, Luhn or not) keep only their first six and last four digits,
 * CVV/CVC fields and secret-bearing fields and headers are masked: the shop's own names, and the
 * provider's (`secretFields`) where the caller knows them.
 */
/** Secret whoever sends them; a provider's own (its descriptor's `secretFields`) are passed in by its calls. */
const SHOP_SECRET_KEYS = new Set([
  "cvv",
  "cvc",
  "cvv2",
  "cvc2",
  "securitycode",
  "security_code",
  "card_cvv",
  "password",
  "secret",
  "authorization",
]);

function isSecretKey(key: string, secretFields: readonly string[]): boolean {
  const name = key.toLowerCase();
  return SHOP_SECRET_KEYS.has(name) || secretFields.some((field) => field.toLowerCase() === name);
}

const CARD_KEYS = /^(cardno|card_no|cardnumber|card_number|pan|number|card_num)$/i;
const CARD_RUN = /(?<!\d)(\d{6})\d{3,9}(\d{4})(?!\d)/g;

export function maskPan(text: string): string {
  return text.replace(CARD_RUN, (_m, first6: string, last4: string) => `${first6}******${last4}`);
}

export function redact<T>(value: T, secretFields: readonly string[] = []): T {
  return redactValue(value, undefined, secretFields) as T;
}

function redactValue(value: unknown, key: string | undefined, secretFields: readonly string[]): unknown {
  if (key && isSecretKey(key, secretFields)) return value == null ? value : "[redacted]";
  if (typeof value === "string") {
    if (key && CARD_KEYS.test(key)) return maskPan(value.replace(/[\s-]/g, ""));
    return maskPan(value);
  }
  if (typeof value === "number" && key && CARD_KEYS.test(key)) return maskPan(String(value));
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined, secretFields));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v, k, secretFields)]),
    );
  }
  return value;
}

/** Headers as a plain object with secrets masked. */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  secretFields: readonly string[] = [],
): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(entries.map(([k, v]) => [k, isSecretKey(k, secretFields) ? "[redacted]" : v]));
}
