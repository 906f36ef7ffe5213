import "server-only";
import { log } from "@/lib/log";
import {
  findPayment,
  findPaymentByProviderRef,
  recordIntegrityFailure,
  recordPaymentEvent,
} from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { paymentEventOf } from "./decide";
import { returnExtraChargeSoon } from "./extra-charges";
import { ACK, refused, unchanged, type NotificationResult } from "./notification-result";
import { checksPatch, rememberCard } from "./provider-outcome";
import { getProvider } from "./registry";
import { applyPaymentEvent } from "./transitions";
import {
  NotificationRejected,
  type CaptureNotification,
  type PaymentNotification,
  type PaymentStatusNotification,
  type RawNotification,
  type RefundNotification,
  type VerifiedNotification,
} from "./types";
import { applyCredentialEvent } from "./wallets";

/**
 * The one payment a notification names. Where it carries both the provider's id and our
 * reference, both must name the same payment, and a payment found by our reference must not hold
 * another provider id: otherwise one payment's news would move another.
 */
async function paymentNamedBy(
  providerId: string,
  notification: PaymentNotification,
): Promise<{ payment: Payment } | { refusal: NotificationResult }> {
  const { providerPaymentId, merchantReference } = notification;
  const payment =
    (providerPaymentId && (await findPaymentByProviderRef(providerId, providerPaymentId))) ||
    (merchantReference && (await findPayment(merchantReference))) ||
    undefined;
  const names = `${notification.summary} (${[providerPaymentId, merchantReference].filter(Boolean).join(", ") || "no reference"})`;
  if (!payment || payment.provider !== providerId)
    return {
      refusal: await refused(
        providerId,
        { kind: "refused", httpStatus: 404, reason: "Unknown payment" },
        `Unknown payment: ${names}`,
        "unknown_payment",
      ),
    };
  const otherReference = Boolean(merchantReference) && merchantReference !== payment.id;
  const otherProviderId =
    Boolean(providerPaymentId) && Boolean(payment.providerPaymentId) && payment.providerPaymentId !== providerPaymentId;
  if (otherReference || otherProviderId) {
    const reason = otherReference
      ? `its reference is another payment than its provider id's`
      : `payment ${payment.id} has provider id ${payment.providerPaymentId}`;
    return {
      refusal: await refused(
        providerId,
        { kind: "refused", httpStatus: 422, reason: "The notification's ids name two different payments" },
        `Refused: ${names} names two payments: ${reason}`,
        "ids_mismatch",
      ),
    };
  }
  return { payment };
}

/**
 * An unconfirmed notification (Ping Payments' unsigned callback) claiming the state its payment
 * is already final in at that provider: answered without the confirming call. Whatever the call
 * said, nothing could change (no row, no fact), so the provider's acknowledgement and a count
 * are all it gets. It must name the payment exactly as the shop holds it; anything else is
 * confirmed as usual.
 */
async function alreadyFinal(
  provider: ReturnType<typeof getProvider>,
  raw: RawNotification,
): Promise<NotificationResult | undefined> {
  const claim = provider.finalClaimOf?.(raw);
  if (!claim) return undefined;
  const payment = await findPaymentByProviderRef(provider.id, claim.providerPaymentId);
  if (!payment || payment.status !== claim.status) return undefined;
  if (Object.entries(claim.providerData).some(([key, value]) => payment.providerData?.[key] !== value))
    return undefined;
  return unchanged(
    provider,
    `the payment is already ${claim.status}, as claimed (answered without confirming): ${claim.summary}`,
    "already_final",
  );
}

/**
 * raw body -> verify -> find the payment (both ids name it) -> check amount and currency -> dedupe
 * -> decide -> write -> answer. Nothing changes unless every check passes. Only a verified
 * notification about one of the shop's payments that changes something is written to the event
 * log; anything else (badly signed, another merchant's, about a payment nobody knows, naming two
 * payments, a state that can never follow the payment's) is refused with a warn line and a count
 * on the console and is never recorded, and a redelivery that changes nothing is acknowledged
 * and counted, never a row.
 */
export async function receiveNotification(providerId: string, raw: RawNotification): Promise<NotificationResult> {
  const provider = getProvider(providerId);
  const final = await alreadyFinal(provider, raw);
  if (final) return final;
  let notification: VerifiedNotification;
  try {
    notification = await provider.verifyNotification(raw);
  } catch (error) {
    if (error instanceof NotificationRejected)
      return refused(
        providerId,
        { kind: "refused", httpStatus: error.httpStatus, reason: error.message },
        error.message,
        "rejected",
      );
    const message = error instanceof Error ? error.message : String(error);
    log("error", "notification verification failed", { provider: providerId, error: message });
    // 503: the provider retries later, when its API answers again. Still unverified: no row.
    return refused(
      providerId,
      { kind: "retry-later", httpStatus: 503, reason: "Could not verify the notification now" },
      `Could not verify: ${message}`,
      "unverified",
    );
  }

  if (notification.kind === "unrecognized")
    return unchanged(provider, `not understood, nothing written: ${notification.summary}`, "unrecognized");
  if (notification.kind === "wallet-binding") return applyCredentialEvent(provider, notification);
  const named = await paymentNamedBy(providerId, notification);
  if ("refusal" in named) return named.refusal;
  switch (notification.kind) {
    case "risk-event":
    case "refund-failed":
      return recordOnTimeline(provider, named.payment, notification);
    case "payment-status":
    case "capture":
    case "refund":
      return applyToPayment(provider, named.payment, notification);
  }
}

/** A risk event or a failed refund goes on the payment's timeline once and changes nothing. */
async function recordOnTimeline(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: PaymentNotification,
): Promise<NotificationResult> {
  const fresh = await recordPaymentEvent({
    paymentId: payment.id,
    provider: provider.id,
    type: "notification",
    dedupeKey: notification.dedupeKey,
    summary: notification.summary,
    detail: notification.detail,
  });
  log("info", "informational notification", { paymentId: payment.id, provider: provider.id, fresh });
  if (!fresh) return unchanged(provider, `already recorded: ${notification.summary}`, "duplicate");
  return { answer: ACK, outcome: "recorded" };
}

type MovingNotification = PaymentStatusNotification | CaptureNotification | RefundNotification;

/**
 * The amount a notification reports, and whether it is the payment's whole amount or a part of
 * it (a capture, or a refund that does not repeat the payment's amount).
 */
function reportedAmount(notification: MovingNotification): { amount: number; whole: boolean } {
  switch (notification.kind) {
    case "payment-status":
      return { amount: notification.amount, whole: true };
    case "capture":
      return { amount: notification.amount, whole: false };
    case "refund":
      return notification.paymentAmount === undefined
        ? { amount: notification.amount, whole: false }
        : { amount: notification.paymentAmount, whole: true };
  }
}

/**
 * A verified report of other money than the payment's: the payment does not move, and the
 * operator must look. Its own dedupe key (not the notification's, which a correct redelivery
 * still needs) records each distinct report once however often it comes.
 */
async function otherMoney(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: MovingNotification,
): Promise<NotificationResult | undefined> {
  const { amount, whole } = reportedAmount(notification);
  const amountDiffers = notification.kind === "payment-status" && notification.amountDiffers === true;
  const amountFits = whole ? amount === payment.amount : amount <= payment.amount;
  if (amountFits && notification.currency === payment.currency && !amountDiffers) return undefined;
  const fresh = await recordIntegrityFailure({
    paymentId: payment.id,
    provider: provider.id,
    summary: `Refused: ${provider.displayName} reports ${amountDiffers ? "a paid amount that differs from" : `${amount} ${notification.currency}`} (${notification.summary}), the payment is ${payment.amount} ${payment.currency}`,
    detail: notification.detail,
    dedupeKey: `integrity:${notification.dedupeKey}:${amount}:${notification.currency}`,
  });
  log("warn", "notification amount mismatch", { paymentId: payment.id, provider: provider.id, fresh });
  return {
    answer: { kind: "refused", httpStatus: 422, reason: "Amount or currency does not match the payment" },
    outcome: "amount_mismatch",
  };
}

/** A status, capture or refund of one of the shop's payments: checked, then applied once as decided. */
async function applyToPayment(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: MovingNotification,
): Promise<NotificationResult> {
  const mismatch = await otherMoney(provider, payment, notification);
  if (mismatch) return mismatch;

  const reported = notification.kind === "payment-status" ? notification : undefined;
  const applied = await applyPaymentEvent(payment.id, paymentEventOf(notification), {
    provider: provider.id,
    dedupeKey: notification.dedupeKey,
    summary: notification.summary,
    // What the shop answered the provider, for the timeline.
    detail: { notification: notification.detail, ourAck: { status: provider.acknowledge().status } },
    facts: {
      ...(payment.providerPaymentId || !notification.providerPaymentId
        ? {}
        : { providerPaymentId: notification.providerPaymentId }),
      ...checksPatch(reported?.checks),
    },
    patch: {
      failureCode: reported?.failure?.code ?? null,
      failureMessage: reported?.failure?.message ?? null,
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
    },
  });
  const outcome = applied.outcome === "duplicate" ? "duplicate" : applied.decision.outcome;
  log("info", "notification", { paymentId: payment.id, provider: provider.id, outcome, kind: notification.kind });
  if (applied.outcome === "duplicate")
    return unchanged(provider, `already applied: ${notification.summary}`, "duplicate");
  const { from, to } = applied.decision;
  switch (applied.decision.outcome) {
    case "early":
      // Not acknowledged: the provider sends it again, and by then the one it follows has come.
      return {
        answer: {
          kind: "retry-later",
          httpStatus: 409,
          reason: `The payment is ${from}: send this notification again later`,
        },
        outcome,
      };
    case "contradiction":
      return refused(
        provider.id,
        { kind: "refused", httpStatus: 422, reason: `The payment is ${from}: ${to} can never follow it` },
        `Refused: ${notification.summary} reports ${to}, which can never follow ${from} (payment ${payment.id})`,
        outcome,
      );
    case "stale":
      return unchanged(
        provider,
        `stale: ${notification.summary} reports ${to}, the payment is already ${from}`,
        outcome,
      );
    case "move":
    case "record":
      if (applied.outcome === "moved" && applied.transition.extraCharge) returnExtraChargeSoon(payment.id);
      // Only a notification that carries a stored credential needs the payment as it is now.
      if (reported?.storedCredential)
        await rememberCard((await findPayment(payment.id)) ?? payment, reported.storedCredential);
      return { answer: ACK, outcome };
  }
}
