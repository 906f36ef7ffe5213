import "server-only";
import { NotificationRejected, ProviderError, type RawNotification, type VerifiedNotification } from "@/lib/payments/types";
import { minor } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import type { PingPaymentsClient } from "./client";
import { failureFor, toPaymentStatus } from "./mappers";
import { statusCallback } from "./schemas";

/**
 * Ping Payments does not sign its status callbacks, so the callback is only a hint: the shop
 * believes the status, amount and currency that its own authenticated GET of the payment returns.
 */
export async function verifyStatusCallback(client: PingPaymentsClient, raw: RawNotification): Promise<VerifiedNotification> {
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The status callback body is not JSON");
  }
  const callback = statusCallback.safeParse(body);
  if (!callback.success) throw new NotificationRejected(400, "The status callback names no payment_id and payment_order_id");
  const { payment_id: paymentId, payment_order_id: paymentOrderId } = callback.data;

  let confirmed;
  try {
    confirmed = await client.getPayment(paymentOrderId, paymentId);
  } catch (error) {
    if (error instanceof ProviderError && error.code === "not_found") {
      throw new NotificationRejected(404, `Ping Payments knows no payment ${paymentId} in order ${paymentOrderId}`);
    }
    throw error;
  }
  const payment = confirmed.data;
  const status = toPaymentStatus(payment.status);
  // The callback's own claim is only a hint, but one the provider does not back is refused:
  // a callback says COMPLETED while Ping still has the payment waiting. A stale callback for a
  // payment that has since reached its end (PENDING after COMPLETED) is applied as the GET says.
  const claimed = callback.data.status;
  if (claimed !== undefined && claimed !== payment.status && (status === "requires_action" || status === "processing")) {
    throw new NotificationRejected(409, `The callback says ${claimed} but Ping Payments says ${payment.status}`);
  }
  const reference = payment.metadata?.["merchant_reference"];
  return {
    merchantReference: typeof reference === "string" ? reference : undefined,
    providerPaymentId: payment.id,
    status,
    amount: minor(payment.total_amount),
    currency: payment.currency,
    dedupeKey: `pingpayments:${payment.id}:${payment.status}`,
    failure: failureFor(payment.status, payment.status_reason),
    summary: `Ping Payments says ${payment.status}${payment.status_reason ? ` (${payment.status_reason.code})` : ""}`,
    detail: { callback: redact(body), confirmedBy: confirmed.call },
  };
}
