import "server-only";
import { fromDecimalString, minor } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import { NotificationRejected, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { failureOf, notificationStatus, SUCCESS_CODE } from "./mappers";
import { bindingNotification, envelope, notification, parseBizContent } from "./schemas";
import { pingPongSignatureValid } from "./signature";

/** Dedupe keys shared by an operator's refund/void answer and its later notification. */
export const refundKey = (refundId: string) => `pingpong:refund:${refundId}`;
export const voidKey = (voidId: string) => `pingpong:void:${voidId}`;

/**
 * Verifies a PingPong notification: our accId and clientId (PingPong sends both; a notification
 * for another merchant is refused even when its sign verifies), a sign made with our salt over
 * every field, then the bizContent's shape. Only then is it believed.
 */
export function verifyPingPongNotification(raw: RawNotification, credentials: { accId: string; clientId: string; salt: string }): VerifiedNotification {
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The notification body is not JSON");
  }
  const outer = envelope.safeParse(body);
  if (!outer.success) throw new NotificationRejected(400, "The notification is not a PingPong envelope");
  if (outer.data.accId !== credentials.accId) throw new NotificationRejected(401, `The notification is for another accId (${outer.data.accId})`);
  if (outer.data.clientId !== credentials.clientId) throw new NotificationRejected(401, `The notification is for another clientId (${outer.data.clientId ?? "none"})`);
  if (!pingPongSignatureValid(outer.data as Record<string, unknown>, credentials.salt)) {
    throw new NotificationRejected(401, "The notification's sign does not verify");
  }
  const bizContent = parseBizContent(outer.data.bizContent);
  const binding = bindingNotification.safeParse(bizContent);
  if (binding.success) {
    const b = binding.data;
    const event = b.notifyType === "UNBIND" ? "revoked" : b.status === "SUCCESS" ? "activated" : "declined";
    return {
      status: "processing",
      amount: minor(0),
      currency: "",
      credentialEvent: { token: b.token, merchantUserId: b.merchantUserId, event, source: b.unbindSource },
      dedupeKey: `pingpong:wallet:${b.token}:${b.notifyType}:${b.status}`,
      summary: `PingPong ${b.paymentMethod?.type ?? "wallet"} ${b.notifyType === "SIGN" ? (b.status === "SUCCESS" ? "linked" : "link declined") : `unlinked${b.unbindSource ? ` (${b.unbindSource.toLowerCase()})` : ""}`}`,
      detail: redact({ ...outer.data, bizContent: b }),
    };
  }
  const inner = notification.safeParse(bizContent);
  if (!inner.success) throw new NotificationRejected(400, "The notification's bizContent is not a transaction");
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
  return {
    merchantReference: biz.merchantTransactionId,
    providerPaymentId: biz.transactionId,
    status,
    amount,
    currency: biz.currency,
    dedupeKey,
    refundAmount: biz.notifyType === "REFUND" ? refundAmount : undefined,
    failure:
      status === "failed"
        ? failureOf(outer.data.code !== SUCCESS_CODE ? outer.data.code : undefined, outer.data.description)
        : status === "expired"
          ? { code: "closed", message: "The payment expired before it was completed (the QR code was not paid in time)." }
          : undefined,
    summary: `PingPong ${biz.notifyType} ${biz.status}${outer.data.code && outer.data.code !== SUCCESS_CODE ? ` (${outer.data.code})` : ""}`,
    detail: redact({ ...outer.data, bizContent: biz }),
  };
}
