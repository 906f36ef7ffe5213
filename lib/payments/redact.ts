/**
 * Strips card data and secrets from anything headed for a log line or the event table:
 * full card numbers (13–19 digits, Luhn or not) keep only their first six and last four digits,
 * CVV/CVC fields and secret-bearing fields and headers are masked.
 */
const SECRET_KEYS =
  /^(cvv|cvc|cvv2|cvc2|securitycode|security_code|card_cvv|password|x-api-secret|api_secret|apisecret|secret|appsecret|app_secret|salt|authorization|private_key|privatekey)$/i;
const CARD_KEYS = /^(cardno|card_no|cardnumber|card_number|pan|number|card_num)$/i;
const CARD_RUN = /(?<!\d)(\d{6})\d{3,9}(\d{4})(?!\d)/g;

export function maskPan(text: string): string {
  return text.replace(CARD_RUN, (_m, first6: string, last4: string) => `${first6}******${last4}`);
}

export function redact<T>(value: T): T {
  return redactValue(value, undefined) as T;
}

function redactValue(value: unknown, key: string | undefined): unknown {
  if (key && SECRET_KEYS.test(key)) return value == null ? value : "[redacted]";
  if (typeof value === "string") {
    if (key && CARD_KEYS.test(key)) return maskPan(value.replace(/[\s-]/g, ""));
    return maskPan(value);
  }
  if (typeof value === "number" && key && CARD_KEYS.test(key)) return maskPan(String(value));
  if (Array.isArray(value)) return value.map((item) => redactValue(item, undefined));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}

/** Headers as a plain object with secrets masked. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(entries.map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : v]));
}
