import "server-only";
import { fromDecimalString } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import { NotificationRejected, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { bindingEventOf, failureOf, notificationStatus, SUCCESS_CODE } from "./mappers";
import {
  bindingNotification,
  envelope,
  notification,
  parseBizContent,
  type BindingNotification,
  type Envelope,
} from "./schemas";
import { pingPongSignatureValid } from "./signature";
import { PINGPONG_SECRET_FIELDS } from "./settings";

/** Dedupe keys shared by an operator's refund/void answer and its later notification. */
export const refundKey = (refundId: string) => `pingpong:refund:${refundId}`;
export const voidKey = (voidId: string) => `pingpong:void:${voidId}`;

/** A verified notification the shop cannot read: acknowledged (200) and counted, nothing written. */
function unrecognizedNotification(outer: Envelope): VerifiedNotification {
  return {
    kind: "unrecognized",
    summary: "PingPong notification of an unknown shape",
    detail: redact(outer, PINGPONG_SECRET_FIELDS),
  };
}

/** A signing or unbinding notification, read tolerantly (its body is not published). */
function bindingNotificationOf(outer: Envelope, b: BindingNotification): VerifiedNotification {
  const read = bindingEventOf(b);
  if (!read) return unrecognizedNotification(outer);
  const label = {
    activated: "linked",
    declined: "link declined",
    revoked: `unlinked${read.source ? ` (${read.source.toLowerCase()})` : ""}`,
  }[read.event];
  return {
    kind: "wallet-binding",
    binding: read,
    dedupeKey: `pingpong:wallet:${read.token ?? `request:${read.bindingRef}`}:${read.event}`,
    summary: `PingPong ${b.paymentMethod?.type ?? "wallet"} ${label}`,
    detail: redact({ ...outer, bizContent: b }, PINGPONG_SECRET_FIELDS),
  };
}

/**
 * Verifies a PingPong notification: our accId and clientId (PingPong sends both; a notification
 * for another merchant is refused even when its sign verifies), a sign made with our salt over
 * every field, then the bizContent's shape. Only then is it believed.
 */
export function verifyPingPongNotification(
  raw: RawNotification,
  credentials: { accId: string; clientId: string; salt: string },
): VerifiedNotification {
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The notification body is not JSON");
  }
  const outer = envelope.safeParse(body);
  if (!outer.success) throw new NotificationRejected(400, "The notification is not a PingPong envelope");
  if (outer.data.accId !== credentials.accId)
    throw new NotificationRejected(401, `The notification is for another accId (${outer.data.accId})`);
  if (outer.data.clientId !== credentials.clientId)
    throw new NotificationRejected(401, `The notification is for another clientId (${outer.data.clientId ?? "none"})`);
  if (!pingPongSignatureValid(outer.data as Record<string, unknown>, credentials.salt)) {
    throw new NotificationRejected(401, "The notification's sign does not verify");
  }
  const bizContent = parseBizContent(outer.data.bizContent);
  const binding = bindingNotification.safeParse(bizContent);
  if (binding.success) return bindingNotificationOf(outer.data, binding.data);
  const inner = notification.safeParse(bizContent);
  if (!inner.success) {
    // A payment's notification that does not read is refused (PingPong retries); anything else verified is not ours to refuse.
    if (bizContent && typeof bizContent === "object" && "transactionId" in bizContent)
      throw new NotificationRejected(400, "The notification's bizContent is not a transaction");
    return unrecognizedNotification(outer.data);
  }
  const biz = inner.data;
  let amount;
  let refundAmount;
  try {
    amount = fromDecimalString(biz.amount, biz.currency);
    refundAmount = biz.refundAmount === undefined ? undefined : fromDecimalString(biz.refundAmount, biz.currency);
  } catch (error) {
    throw new NotificationRejected(400, `The notification's amount is not valid: ${(error as Error).message}`);
  }
  const status = notificationStatus(biz);
  const dedupeKey =
    biz.notifyType === "REFUND" && biz.refundId
      ? refundKey(biz.refundId)
      : biz.notifyType === "VOID" && biz.voidId
        ? voidKey(biz.voidId)
        : `pingpong:${biz.transactionId}:${biz.notifyType}:${biz.status}`;
  const common = {
    merchantReference: biz.merchantTransactionId,
    providerPaymentId: biz.transactionId,
    currency: biz.currency,
    dedupeKey,
    summary: `PingPong ${biz.notifyType} ${biz.status}${outer.data.code && outer.data.code !== SUCCESS_CODE ? ` (${outer.data.code})` : ""}`,
    detail: redact({ ...outer.data, bizContent: biz }, PINGPONG_SECRET_FIELDS),
  };
  // A REFUND's `amount` is the payment's whole amount [guess: as the shop has always read it], checked as such.
  if (biz.notifyType === "REFUND" && refundAmount !== undefined)
    return { ...common, kind: "refund", amount: refundAmount, paymentAmount: amount };
  return {
    ...common,
    kind: "payment-status",
    // A REFUND without its refundAmount reports partially refunded and adds nothing.
    status,
    amount,
    failure:
      status === "failed"
        ? failureOf(outer.data.code !== SUCCESS_CODE ? outer.data.code : undefined, outer.data.description)
        : status === "expired"
          ? {
              code: "closed",
              message: "The payment expired before it was completed (the QR code was not paid in time).",
            }
          : undefined,
  };
}
