import {
  callbackBehaviourOf,
  CHALLENGE_PASS_CODE,
  digitsOnly,
  expiryValid,
  luhnValid,
  maskCard,
  outcomeOfCard,
} from "../test-cards";
import { DECLINE_REASONS, PENDING_SETTLES_AFTER_SECONDS } from "./config";
import { sendStatusCallback } from "./api";
import { findPayment, movePayment, type PingStatus } from "./store";
import { emulatorNowMs, scaledMs } from "../clock";
import { forcedOutcomeFor } from "../control";
import type { PingPaymentRow } from "./schema";
import type { FormStep } from "../form-redirect";

/**
 * The PaymentIQ hosted checkout behind `pay_url`: the payer enters a card (the test card
 * scripts the outcome), passes a 3-D Secure challenge where the card asks for one, or abandons.
 * The payer is then sent to success_url or error_url, and Ping posts the status callback.
 */

export type CheckoutStep = FormStep;

export function returnUrlFor(payment: PingPaymentRow): string {
  const params = payment.providerMethodParameters as { success_url?: string; error_url?: string };
  const ok = payment.status === "COMPLETED" || payment.status === "PENDING";
  return (ok ? params.success_url : params.error_url) ?? params.success_url ?? "/emulators";
}

function challengeUrl(payment: PingPaymentRow): string {
  return `/emulators/pingpayments/paymentiq/checkout/${payment.id}/challenge`;
}

async function finish(
  id: string,
  to: PingStatus,
  extra: Parameters<typeof movePayment>[3] = {},
): Promise<CheckoutStep> {
  const moved = await movePayment(id, ["INITIATED"], to, extra);
  if (moved) {
    await sendStatusCallback(moved);
    return { redirect: returnUrlFor(moved) };
  }
  const current = await findPayment(id);
  return current ? { redirect: returnUrlFor(current) } : { error: "Unknown payment.", code: "unknownPayment" };
}

export function isAwaitingChallenge(payment: PingPaymentRow): boolean {
  // Only a challenge leaves a carded payment INITIATED (the test card, or an outcome forced by the control plane).
  return payment.status === "INITIATED" && payment.cardMasked !== null;
}

export async function submitCard(
  id: string,
  form: { cardholder: string; number: string; expiry: string; cvc: string },
): Promise<CheckoutStep> {
  const payment = await findPayment(id);
  if (!payment) return { error: "Unknown payment.", code: "unknownPayment" };
  if (payment.status !== "INITIATED") return { redirect: returnUrlFor(payment) };
  const number = digitsOnly(form.number);
  if (!form.cardholder.trim()) return { error: "Enter the cardholder's name.", field: "holder", code: "holderName" };
  if (!luhnValid(number)) return { error: "The card number is not valid.", field: "number", code: "numberNotValid" };
  if (!expiryValid(form.expiry))
    return { error: "Enter a future expiry date as MM/YY.", field: "expiry", code: "futureExpiry" };
  if (!/^\d{3,4}$/.test(form.cvc.trim()))
    return { error: "Enter the 3 or 4 digit security code.", field: "cvc", code: "securityCodeDigits" };

  const behaviour = callbackBehaviourOf(form.cardholder);
  const outcome = (await forcedOutcomeFor("pingpayments", id)) ?? outcomeOfCard(number);
  const masked = maskCard(number);
  switch (outcome.kind) {
    case "approve":
      return finish(id, "COMPLETED", { cardMasked: masked, callbackBehaviour: behaviour });
    case "decline": {
      const reason = DECLINE_REASONS[outcome.reason];
      return finish(id, "DECLINED", {
        cardMasked: masked,
        callbackBehaviour: behaviour,
        statusReasonCode: reason.code,
        statusReasonDescription: reason.description,
      });
    }
    case "pending":
      return finish(id, "PENDING", {
        cardMasked: masked,
        callbackBehaviour: behaviour,
        settleAt: new Date((await emulatorNowMs()) + scaledMs(PENDING_SETTLES_AFTER_SECONDS)),
      });
    case "challenge": {
      // Stay INITIATED until the challenge is answered; remember the (masked) card that asked for it.
      const waiting = await movePayment(id, ["INITIATED"], "INITIATED", {
        cardMasked: masked,
        callbackBehaviour: behaviour,
      });
      return waiting ? { redirect: challengeUrl(waiting) } : { redirect: returnUrlFor((await findPayment(id))!) };
    }
  }
}

export async function submitChallenge(id: string, code: string): Promise<CheckoutStep> {
  const payment = await findPayment(id);
  if (!payment) return { error: "Unknown payment.", code: "unknownPayment" };
  if (!isAwaitingChallenge(payment)) return { redirect: returnUrlFor(payment) };
  if (code.trim() === CHALLENGE_PASS_CODE) return finish(id, "COMPLETED");
  const reason = DECLINE_REASONS.three_ds_failed;
  return finish(id, "DECLINED", { statusReasonCode: reason.code, statusReasonDescription: reason.description });
}

export async function cancelCheckout(id: string): Promise<CheckoutStep> {
  return finish(id, "CANCELLED", {
    statusReasonCode: "cancelled_by_payer",
    statusReasonDescription: "The payer left the PaymentIQ checkout.",
  });
}
