import type { createTranslator, Messages } from "next-intl";
import { methodName } from "@/components/checkout/method-words";
import type { CheckoutError, CheckoutProblem } from "@/lib/payments/checkout-error";
import { findMethod } from "@/lib/payments/registry";

/**
 * The checkout's refusals in the shopper's language. The decisions are made elsewhere (the form's
 * zod schema, the card check, the payment core's `CheckoutError`): they say which message, by key of
 * the catalogue's `CheckoutErrors`, and these functions word it.
 */
export type ErrorWords = ReturnType<typeof createTranslator<Messages, "CheckoutErrors">>;
type PaymentWords = ReturnType<typeof createTranslator<Messages, "CheckoutPayment">>;
type FieldProblem = Extract<keyof Messages["CheckoutErrors"], string>;

/** A form field's refusal, as the zod schema's message: its key in `CheckoutErrors`. */
export const problem = (key: FieldProblem) => key;

/** The longest each contact field may be, for its "at most" message. */
export const MAX_LENGTHS = { email: 200, name: 100, addressLine: 200, city: 100, postalCode: 20 } as const;

/** A refused form's field errors in the shopper's language (a message zod wrote itself stays as it is). */
export function fieldErrorWords(t: ErrorWords, fieldErrors: Record<string, string>): Record<string, string> {
  const maxOf = (field: string) => (field in MAX_LENGTHS ? MAX_LENGTHS[field as keyof typeof MAX_LENGTHS] : 0);
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, key]) => [
      field,
      t.has(key as FieldProblem) ? t(key as FieldProblem, { max: maxOf(field) }) : key,
    ]),
  );
}

/** Too many pay attempts, in the shopper's language. */
export const tooManyWords = (t: ErrorWords, refusal: { retryInMinutes: number }) =>
  t("tooManyAttempts", { minutes: refusal.retryInMinutes });

/** Why the payment core refused, in the shopper's language. */
export function refusalWords(
  words: { errors: ErrorWords; payment: PaymentWords; locale: string },
  error: CheckoutError,
): string {
  const t = words.errors;
  const refusal: CheckoutProblem | undefined = error.problem;
  if (!refusal) return error.message;
  if (refusal.code === "methodNotOffered") return t(refusal.code, refusal);
  if (!("attempt" in refusal)) return t(refusal.code);
  const found = findMethod(refusal.attempt.provider, refusal.attempt.method);
  const method = found ? methodName(words.payment, found) : refusal.attempt.method;
  if (refusal.code !== "attemptOpenUntilExpiry") return t(refusal.code, { method });
  const time =
    refusal.until &&
    new Intl.DateTimeFormat(words.locale, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
    }).format(refusal.until);
  return t(refusal.code, {
    method,
    provider: refusal.provider,
    qr: refusal.qr ? "yes" : "no",
    until: time ? t("expiresAt", { time }) : "",
  });
}
