import "server-only";
import { minor } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import { NotificationRejected, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { checksOf, failureOf, storedCardOf } from "./mappers";
import { notification } from "./schemas";
import { antomVerify, signatureFromHeader } from "./signature";
import { ANTOM_SECRET_FIELDS } from "./settings";

/** The exact answer that stops Antom resending a notification. */
export const ANTOM_ACK = { result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" } } as const;

export const captureKey = (paymentId: string, captureId: string | undefined) =>
  `antom:capture:${paymentId}:${captureId ?? "single"}`;
export const refundKey = (refundId: string) => `antom:refund:${refundId}`;
export const cancelKey = (paymentId: string) => `antom:cancel:${paymentId}`;

/**
 * Verifies notifyPayment: Antom's RSA signature over `POST <our path>\n<clientId>.<request-time>.<body>`
 * with our client id, then its shape. An S PAYMENT_RESULT is "approved": authorized for a payment
 * made with manual capture, succeeded otherwise (lib/payments/decide.ts knows which).
 */
export function verifyAntomNotification(
  raw: RawNotification,
  settings: { clientId: string; antomPublicKey: string; path: string },
): VerifiedNotification {
  const clientId = raw.headers.get("client-id");
  const time = raw.headers.get("request-time");
  const signature = signatureFromHeader(raw.headers.get("signature"));
  if (!clientId || !time || !signature)
    throw new NotificationRejected(
      401,
      "The notification is not signed (client-id, request-time and signature headers are required)",
    );
  if (clientId !== settings.clientId)
    throw new NotificationRejected(401, `The notification is for another client id (${clientId})`);
  if (!antomVerify({ path: settings.path, clientId, time, body: raw.body }, signature, settings.antomPublicKey)) {
    throw new NotificationRejected(401, "The notification's signature does not verify");
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The notification body is not JSON");
  }
  const parsed = notification.safeParse(body);
  if (!parsed.success) throw new NotificationRejected(400, "The notification is not a known notifyPayment shape");
  const n = parsed.data;
  const base = {
    providerPaymentId: n.paymentId,
    detail: redact(n, ANTOM_SECRET_FIELDS),
    summary: `Antom ${n.notifyType} ${n.result.resultStatus} (${n.result.resultCode})`,
  };
  switch (n.notifyType) {
    case "PAYMENT_RESULT":
    case "PAYMENT_PENDING": {
      const status =
        n.notifyType === "PAYMENT_PENDING" || n.result.resultStatus === "U"
          ? "processing"
          : n.result.resultStatus === "F"
            ? "failed"
            : "approved";
      const info = n.notifyType === "PAYMENT_RESULT" ? n.paymentResultInfo : undefined;
      return {
        ...base,
        kind: "payment-status",
        merchantReference: n.paymentRequestId,
        status,
        amount: minor(Number(n.paymentAmount.value)),
        currency: n.paymentAmount.currency,
        dedupeKey: `antom:${n.paymentId}:${n.notifyType}:${n.result.resultStatus}`,
        failure: status === "failed" ? failureOf(n.result) : undefined,
        checks: checksOf(info),
        storedCredential: storedCardOf(info),
      };
    }
    case "CAPTURE_RESULT":
      return {
        ...base,
        kind: "capture",
        // A failed capture leaves the authorization as it was: recorded, nothing moves.
        result: n.result.resultStatus === "S" ? "captured" : "failed",
        amount: minor(Number(n.captureAmount.value)),
        currency: n.captureAmount.currency,
        dedupeKey:
          n.result.resultStatus === "S"
            ? captureKey(n.paymentId, n.captureId)
            : `antom:capture-failed:${n.paymentId}:${n.captureId ?? ""}`,
      };
    case "REFUND_RESULT":
      // [guess: undocumented notification] its status is `result`, as in notifyPayment: only an S
      // refund adds to what was refunded; an F (or U) one is recorded and moves nothing.
      if (n.result.resultStatus !== "S") {
        return {
          ...base,
          kind: "refund-failed",
          dedupeKey: `antom:refund-${n.result.resultStatus}:${n.refundId ?? n.refundRequestId ?? ""}`,
        };
      }
      return {
        ...base,
        kind: "refund",
        amount: minor(Number(n.refundAmount.value)),
        currency: n.refundAmount.currency,
        dedupeKey: refundKey(n.refundId ?? n.refundRequestId ?? ""),
      };
  }
}
