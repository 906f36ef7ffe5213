import type { Payment } from "@/lib/db/schema";
import { findDescriptor, findMethod } from "./registry";

/**
 * What a shopper reads about a payment: plain statuses, no provider names or internals (those
 * stay in the console). The provider's own failure text is kept only where it is plain already.
 */

type AttemptFacts = Pick<
  Payment,
  "provider" | "method" | "status" | "captureMode" | "nextActionType" | "failureCode" | "failureMessage"
>;

/** Where an open attempt waits for the shopper: the bank's 3-D Secure page, a QR code, or a payment page. */
export type OpenStep = "bank" | "qr" | "payment-page";

export function openStepOf(payment: AttemptFacts): OpenStep | null {
  if (payment.status !== "requires_action") return null;
  if (payment.nextActionType === "qr") return "qr";
  if (payment.nextActionType !== "redirect") return null;
  // The shop's own card form took the card: a page it sends the shopper to is the bank's challenge.
  return findMethod(payment.provider, payment.method)?.kind === "card" ? "bank" : "payment-page";
}

/** The attempt ended because it was called off (by the shopper, or closed for another way to pay). */
export function wasCanceled(payment: Pick<Payment, "provider" | "status" | "failureCode">): boolean {
  if (payment.status === "canceled" || payment.status === "superseded") return true;
  if (payment.status !== "failed" || !payment.failureCode) return false;
  // Each provider names its own codes for a payment called off (its descriptor's canceledFailureCodes).
  const code = payment.failureCode.toLowerCase();
  return (findDescriptor(payment.provider)?.canceledFailureCodes ?? []).some((known) => known.toLowerCase() === code);
}

/** How an attempt stands, in a few plain words. */
export function attemptStatusWords(payment: AttemptFacts): string {
  switch (payment.status) {
    case "created":
      return "Starting";
    case "requires_action":
      return openStepOf(payment) === "qr" ? "Waiting for you to scan" : "Waiting for you to confirm";
    case "processing":
      return "Being confirmed";
    case "authorized":
      return payment.captureMode === "manual" ? "Confirmed — charged when it ships" : "Confirmed — charged shortly";
    case "succeeded":
      return "Paid";
    case "partially_refunded":
      return "Paid, partly refunded";
    case "refunded":
      return "Refunded";
    case "expired":
      return "Expired";
    case "superseded":
      return "Replaced by another way to pay";
    case "canceled":
      return "Canceled";
    case "failed":
      return wasCanceled(payment) ? "Canceled" : "Failed";
  }
}

/** Why an attempt ended without money, for the shopper, and whether it reads as a failure or neutral. */
export function endingWords(
  payment: AttemptFacts,
  providerNames: readonly string[],
): {
  tone: "failure" | "neutral";
  text: string;
} {
  if (payment.status === "superseded") return { tone: "neutral", text: "You chose another way to pay." };
  if (wasCanceled(payment)) return { tone: "neutral", text: "The payment was canceled. Nothing was charged." };
  if (payment.status === "expired" || payment.failureCode === "expired")
    return { tone: "neutral", text: "The payment expired before it was completed. Nothing was charged." };
  if (payment.failureCode === "not_at_provider")
    return { tone: "failure", text: "The payment did not go through, and nothing was charged. Please try again." };
  const message = payment.failureMessage ?? "";
  const plain = message && !providerNames.some((name) => message.includes(name));
  return { tone: "failure", text: plain ? message : "The payment did not go through." };
}

/** The way to pay as the shopper knows it ("Card", "AlipayHK"), never the provider behind it. */
export function shopperMethodLabel(payment: Pick<Payment, "provider" | "method">): string {
  const method = findMethod(payment.provider, payment.method);
  if (!method || method.kind === "card" || method.kind === "hosted") return "Card";
  return method.label;
}
