import type { PaymentStatus } from "@/lib/payments/state";
import type { NextAction } from "@/lib/payments/types";
import type { BindingNotification, PingPongNotification, Transaction } from "./schemas";

export const SUCCESS_CODE = "000000";

/** A PingPong transaction's status in the shop's terms. */
export function toPaymentStatus(
  transaction: Pick<
    Transaction,
    "status" | "captureDelayHours" | "threeDContinue" | "paymentQrCode" | "paymentRedirectUrl"
  >,
): PaymentStatus {
  switch (transaction.status) {
    case "SUCCESS":
      // Inside its capture delay a card payment is authorized (it can still be voided).
      return (transaction.captureDelayHours ?? 0) > 0 ? "authorized" : "succeeded";
    case "PROCESSING":
      return transaction.threeDContinue || transaction.paymentQrCode || transaction.paymentRedirectUrl
        ? "requires_action"
        : "processing";
    case "FAILED":
      return "failed";
    case "CLOSED":
      return "expired";
  }
}

/** A notification's status: VOID cancels, CLOSE expires, REFUND is counted by the service. */
export function notificationStatus(notification: PingPongNotification): PaymentStatus {
  switch (notification.notifyType) {
    case "VOID":
      return "canceled";
    case "CLOSE":
      return "expired";
    case "REFUND":
      return "partially_refunded"; // or refunded: the service adds the amount up
    case "PAYMENT":
      return toPaymentStatus({
        ...notification,
        threeDContinue: false,
        paymentQrCode: undefined,
        paymentRedirectUrl: undefined,
      });
  }
}

/** Shopper-facing text for PingPong's decline codes; anything else shows PingPong's own description. */
const MESSAGES: Record<string, string> = {
  "301002": "The card was declined by the issuing bank.",
  "301003": "Insufficient funds on the card.",
  "301004": "The card has expired.",
  "301005": "3-D Secure authentication failed.",
  "301006": "The payment was cancelled.",
  "302001": "The card check did not complete. Please try again.",
};

export function failureOf(code: string | undefined, description: string | undefined) {
  const key = code ?? "unknown";
  return { code: key, message: MESSAGES[key] ?? description ?? "The payment failed." };
}

/**
 * What the shopper does next for an answer that needs them. 3-D Secure [doc: seed 000 step 8,
 * PROVIDERS.md §1 Card]: the page hands `threeDUnionParams` to the risk plugin's
 * `complexTrigger`, which redirects; nothing inside it is documented, so the shop passes it on as
 * it came and reads nothing in it, and sends the shopper to its own hand-off page
 * (`authenticateUrl`). Local payments: `paymentQrCode` or `paymentRedirectUrl` [doc: seed 000].
 * Undefined when the answer asks for nothing the shop can do.
 */
export function nextActionOf(
  tx: Pick<
    Transaction,
    "threeDContinue" | "threeDUnionParams" | "paymentQrCode" | "qrCodeExpireTime" | "paymentRedirectUrl"
  >,
  authenticateUrl: string,
): NextAction | undefined {
  if (tx.threeDContinue) {
    if (tx.threeDUnionParams === undefined || tx.threeDUnionParams === null) return undefined;
    return { type: "redirect", url: authenticateUrl, sdkTrigger: tx.threeDUnionParams };
  }
  if (tx.paymentQrCode) {
    // [guess] qrCodeExpireTime (epoch ms): optional, the QR code is shown without it.
    const expiresAt = tx.qrCodeExpireTime ? new Date(Number(tx.qrCodeExpireTime)) : undefined;
    return { type: "qr", payload: tx.paymentQrCode, expiresAt };
  }
  if (tx.paymentRedirectUrl) return { type: "redirect", url: tx.paymentRedirectUrl };
  return undefined;
}

/**
 * What a (verified) binding notification says, or undefined when the shop cannot tell: the event
 * (UNBIND revokes; a SUCCESS signs, a FAILED declines [guess: the body is not published]) and at
 * least one identifier of the binding (token, or the bind's requestId).
 */
export function bindingEventOf(b: BindingNotification):
  | {
      token?: string;
      bindingRef?: string;
      merchantUserId?: string;
      event: "activated" | "declined" | "revoked";
      source?: string;
    }
  | undefined {
  if (!b.token && !b.requestId) return undefined;
  const kind = b.notifyType?.toUpperCase();
  const status = b.status?.toUpperCase();
  const event =
    kind === "UNBIND"
      ? "revoked"
      : kind !== undefined && kind !== "SIGN"
        ? undefined
        : status === "SUCCESS"
          ? "activated"
          : status === "FAILED"
            ? "declined"
            : undefined;
  if (!event) return undefined;
  return { token: b.token, bindingRef: b.requestId, merchantUserId: b.merchantUserId, event, source: b.unbindSource };
}
