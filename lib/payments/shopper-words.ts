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

/**
 * How an attempt stands, in a few plain words: its key under `PaymentAttempt.status` in the
 * catalogue (messages/<locale>/orders.json), which holds the words in each language.
 */
export type AttemptStatusKey =
  | "created"
  | "scan"
  | "confirm"
  | "processing"
  | "chargedWhenShips"
  | "chargedShortly"
  | "succeeded"
  | "partially_refunded"
  | "refunded"
  | "expired"
  | "superseded"
  | "canceled"
  | "failed";

export function attemptStatusOf(payment: AttemptFacts): AttemptStatusKey {
  switch (payment.status) {
    case "requires_action":
      return openStepOf(payment) === "qr" ? "scan" : "confirm";
    case "authorized":
      return payment.captureMode === "manual" ? "chargedWhenShips" : "chargedShortly";
    case "failed":
      return wasCanceled(payment) ? "canceled" : "failed";
    default:
      return payment.status;
  }
}

/**
 * Why an attempt ended without money, for the shopper (its key under `PaymentAttempt.ending`, with
 * the provider's own text when it is plain), and whether it reads as a failure or neutral.
 */
export type Ending =
  | { tone: "neutral"; key: "superseded" | "canceled" | "expired" }
  | { tone: "failure"; key: "notAtProvider" | "declined" }
  | { tone: "failure"; key: "providerMessage"; message: string };

export function endingOf(payment: AttemptFacts, providerNames: readonly string[]): Ending {
  if (payment.status === "superseded") return { tone: "neutral", key: "superseded" };
  if (wasCanceled(payment)) return { tone: "neutral", key: "canceled" };
  if (payment.status === "expired" || payment.failureCode === "expired") return { tone: "neutral", key: "expired" };
  if (payment.failureCode === "not_at_provider") return { tone: "failure", key: "notAtProvider" };
  const message = payment.failureMessage ?? "";
  const plain = message && !providerNames.some((name) => message.includes(name));
  return plain ? { tone: "failure", key: "providerMessage", message } : { tone: "failure", key: "declined" };
}

/**
 * What a pending order waits for, without provider names (the console has those): its key under
 * `OrderPage.waiting`, with the wallet's name for a QR code.
 */
export type WaitingFor =
  | { key: "scanQr"; method: string }
  | {
      key: "starting" | "scanQrYourApp" | "bank" | "paymentPage" | "confirm" | "answerUnknown" | "processing" | "other";
    };

export function waitingForOf(
  orderStatus: string,
  latest: (AttemptFacts & Pick<Payment, "startAnswerUnknown">) | undefined,
): WaitingFor | null {
  if (orderStatus !== "pending" || !latest) return null;
  switch (latest.status) {
    case "created":
      return { key: "starting" };
    case "requires_action": {
      const step = openStepOf(latest);
      if (step === "qr") {
        const method = findMethod(latest.provider, latest.method)?.label;
        return method ? { key: "scanQr", method } : { key: "scanQrYourApp" };
      }
      if (step === "bank") return { key: "bank" };
      return { key: step === "payment-page" ? "paymentPage" : "confirm" };
    }
    case "processing":
      // Its answer to the start was lost: never "failed" until the provider itself says so.
      return { key: latest.startAnswerUnknown ? "answerUnknown" : "processing" };
    default:
      return { key: "other" };
  }
}

/** The way to pay as the shopper knows it ("AlipayHK"), never the provider behind it; null for a card. */
export function shopperMethodLabel(payment: Pick<Payment, "provider" | "method">): string | null {
  const method = findMethod(payment.provider, payment.method);
  if (!method || method.kind === "card" || method.kind === "hosted") return null;
  return method.label;
}
