import "server-only";
import { minor } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import { NotificationRejected, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { notification } from "./schemas";
import { EXAMPLEPAY_SECRET_FIELDS, examplePaySettings } from "./settings";
import { examplePaySignatureValid } from "./signature";

/** The key an ExamplePay refund applies under: its API answer and its notification carry the same. */
export const refundKey = (refundId: string) => `examplepay:refund:${refundId}`;

/** A notification, believed when its HMAC over the raw body is right [fixture]. */
export function verifyNotification(raw: RawNotification): VerifiedNotification {
  const secret = examplePaySettings().EXAMPLEPAY_SECRET;
  if (!examplePaySignatureValid(raw.body, secret, raw.headers.get("x-examplepay-signature")))
    throw new NotificationRejected(401, "Bad or missing x-examplepay-signature");
  let json: unknown;
  try {
    json = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The notification is not JSON");
  }
  const parsed = notification.safeParse(json);
  if (!parsed.success)
    return { kind: "unrecognized", summary: "ExamplePay notification of an unknown shape", detail: {} };
  const { type, payment, refund } = parsed.data;
  const names = { merchantReference: payment.merchant_reference, providerPaymentId: payment.id };
  const detail = redact(json, EXAMPLEPAY_SECRET_FIELDS);
  if (type === "refund.succeeded") {
    if (!refund) throw new NotificationRejected(400, "A refund notification without its refund");
    return {
      kind: "refund",
      ...names,
      amount: minor(refund.amount),
      currency: refund.currency,
      paymentAmount: minor(payment.amount),
      dedupeKey: refundKey(refund.id),
      summary: `ExamplePay refunded ${refund.amount} ${refund.currency}`,
      detail,
    };
  }
  const succeeded = type === "payment.succeeded";
  return {
    kind: "payment-status",
    ...names,
    status: succeeded ? "succeeded" : "failed",
    amount: minor(payment.amount),
    currency: payment.currency,
    dedupeKey: `examplepay:${payment.id}:${type}`,
    ...(succeeded ? {} : { failure: { code: "declined", message: "The shopper declined on ExamplePay's page." } }),
    summary: `ExamplePay says ${type}`,
    detail,
  };
}
