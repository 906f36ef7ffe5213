import "server-only";
import { fromDecimalString } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import { NotificationRejected, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { failureOfStatus, LESSPAY_STATUS, orderStatus, storedCardOf } from "./mappers";
import { paymentCallback, riskEvent } from "./schemas";
import { lesspaySignatureValid } from "./signature";
import { LESSPAY_SECRET_FIELDS } from "./settings";

/**
 * Verifies a Lesspay callback (our app id in `x-auth-appid`, `x-auth-signature` over its fields with our secret),
 * then reads either a payment status or a risk event (which changes no status).
 */
export function verifyLesspayCallback(
  raw: RawNotification,
  credentials: { appId: string; appSecret: string },
): VerifiedNotification {
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The callback body is not JSON");
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new NotificationRejected(400, "The callback body is not an object");
  // Lesspay sends its callbacks with the app id they are for: one without it, or with another
  // app's, is not ours even when its signature verifies.
  const appId = raw.headers.get("x-auth-appid")?.trim();
  if (appId !== credentials.appId)
    throw new NotificationRejected(
      401,
      appId ? `The callback is for another app (${appId})` : "The callback names no app (x-auth-appid)",
    );
  if (
    !lesspaySignatureValid(body as Record<string, unknown>, credentials.appSecret, raw.headers.get("x-auth-signature"))
  ) {
    throw new NotificationRejected(401, "The callback's x-auth-signature does not verify");
  }
  const risk = riskEvent.safeParse(body);
  if (risk.success) {
    const event = risk.data;
    // A risk event changes no status, so its amount is not checked (only recorded, in its detail).
    return {
      kind: "risk-event",
      providerPaymentId: event.pay_order_id,
      merchantReference: event.request_id,
      dedupeKey: `lesspay:risk:${event.pay_order_id}:${event.event}`,
      summary: `Lesspay risk event: ${event.event}${event.reason ? ` (${event.reason})` : ""}`,
      detail: redact(event, LESSPAY_SECRET_FIELDS),
    };
  }
  const parsed = paymentCallback.safeParse(body);
  if (!parsed.success) throw new NotificationRejected(400, "The callback is neither a payment status nor a risk event");
  const callback = parsed.data;
  const status = orderStatus(callback.order_status_int);
  if (!status) throw new NotificationRejected(400, `Unknown order_status_int ${callback.order_status_int}`);
  let amount;
  try {
    amount = fromDecimalString(callback.target_amount, callback.target_currency);
  } catch (error) {
    throw new NotificationRejected(400, `The callback's amount is not valid: ${(error as Error).message}`);
  }
  return {
    kind: "payment-status",
    providerPaymentId: callback.pay_order_id,
    merchantReference: callback.request_id,
    status,
    amount,
    currency: callback.target_currency,
    // 12 PAID (amount differs): whatever target_amount says, not paid in full (the service refuses it).
    amountDiffers: callback.order_status_int === LESSPAY_STATUS.PAID_AMOUNT_DIFFERS,
    dedupeKey: `lesspay:${callback.pay_order_id}:${callback.order_status_int}`,
    failure: failureOfStatus(callback.order_status_int, callback.fail_reason),
    storedCredential: storedCardOf(callback.channel_biz_data),
    summary: `Lesspay ${callback.order_status ?? callback.order_status_int}${callback.fail_reason ? ` (${callback.fail_reason})` : ""}`,
    detail: redact(callback, LESSPAY_SECRET_FIELDS),
  };
}
