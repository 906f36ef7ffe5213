import "server-only";
import { findOrder } from "@/lib/db/queries/orders";
import { saveCredentialOnce } from "@/lib/db/queries/credentials";
import { writeTransaction } from "@/lib/db/client";
import { recordPaymentEvent, type PaymentPatch } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import {
  ProviderError,
  type ApiCallRecord,
  type NextAction,
  type ProviderOutcome,
  type StoredCredentialInfo,
} from "./types";

export async function recordCalls(paymentId: string, provider: string, calls: readonly ApiCallRecord[]): Promise<void> {
  if (calls.length === 0) return;
  await writeTransaction(async (tx) => {
    for (const call of calls) {
      await recordPaymentEvent(
        {
          paymentId,
          provider,
          type: "api_call",
          summary: `${call.method} ${new URL(call.url).pathname} -> ${call.status || "no answer"}`,
          detail: call,
        },
        tx,
      );
    }
  });
}

/**
 * A provider call that threw: the HTTP exchanges it made and what went wrong go on the payment's
 * timeline. Returns the error's message.
 */
export async function recordFailedCall(
  paymentId: string,
  provider: string,
  error: unknown,
  event: { type: "error" | "operator_action"; summary: (message: string) => string },
): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  await recordCalls(paymentId, provider, error instanceof ProviderError ? error.calls : []);
  await recordPaymentEvent({ paymentId, provider, type: event.type, summary: event.summary(message), detail: null });
  return message;
}

export function nextActionOf(payment: Payment): NextAction {
  if (payment.nextActionType === "redirect" && payment.nextActionUrl) {
    return { type: "redirect", url: payment.nextActionUrl, sdkTrigger: payment.nextActionSdkTrigger ?? undefined };
  }
  if (payment.nextActionType === "qr" && payment.nextActionQr) {
    return { type: "qr", payload: payment.nextActionQr, expiresAt: payment.nextActionExpiresAt ?? undefined };
  }
  return { type: "none" };
}

/** What the provider's answer tells about the payment whatever its status: references and the card. */
export function factsFromOutcome(outcome: ProviderOutcome, payment: Payment): PaymentPatch {
  return {
    providerPaymentId: outcome.providerPaymentId,
    providerData: { ...payment.providerData, ...outcome.providerData },
    cardBrand: outcome.card?.brand,
    cardFirst6: outcome.card?.first6,
    cardLast4: outcome.card?.last4,
    ...checksPatch(outcome.checks),
    capturedAmount: outcome.capturedAmount,
  };
}

export function checksPatch(checks: ProviderOutcome["checks"]): PaymentPatch {
  if (!checks) return {};
  return { avsResult: checks.avs, cvvResult: checks.cvv, threeDsResult: checks.threeDs };
}

export function patchFromOutcome(outcome: ProviderOutcome, payment: Payment): PaymentPatch {
  const action = outcome.nextAction;
  return {
    ...factsFromOutcome(outcome, payment),
    nextActionType: action.type,
    nextActionUrl: action.type === "redirect" ? action.url : null,
    nextActionSdkTrigger: action.type === "redirect" ? (action.sdkTrigger ?? null) : null,
    nextActionQr: action.type === "qr" ? action.payload : null,
    nextActionExpiresAt: action.type === "qr" ? (action.expiresAt ?? null) : null,
    failureCode: outcome.failure?.code ?? null,
    failureMessage: outcome.failure?.message ?? null,
  };
}

/** Stores a card the provider kept for later, for the order's signed-in shopper who asked for it. */
export async function rememberCard(payment: Payment, credential: StoredCredentialInfo | undefined): Promise<void> {
  if (!credential || !payment.saveCard) return;
  const order = await findOrder(payment.orderId);
  if (!order?.userId) return;
  await saveCredentialOnce({
    userId: order.userId,
    provider: payment.provider,
    kind: "card",
    token: credential.token,
    // A provider that does not report the card keeps what the shopper typed before its call
    // (PaymentRequest.keepTypedCard: its notification may come before its answer).
    brand: credential.brand ?? payment.cardBrand,
    last4: credential.last4 ?? payment.cardLast4,
    expiry: credential.expiry ?? payment.cardExpiry,
  });
}
