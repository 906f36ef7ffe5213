import "server-only";
import {
  NotificationRejected,
  ProviderError,
  type FinalClaim,
  type RawNotification,
  type VerifiedNotification,
} from "@/lib/payments/types";
import { minor } from "@/lib/money";
import { redact } from "@/lib/payments/redact";
import type { PingPaymentsClient } from "./client";
import { failureFor, toPaymentStatus } from "./mappers";
import { pingPaymentStatus, statusCallback } from "./schemas";
import { PINGPAYMENTS_SECRET_FIELDS } from "./settings";

/** The query parameter of the shop's status_callback_url that names the payment's order. */
export const PAYMENT_ORDER_PARAM = "payment_order_id";

/**
 * The callback's body: JSON naming the payment (and, maybe, the status it claims). Its order is
 * the body's `payment_order_id` where there is one [guess], else the shop's own callback URL's.
 */
function readCallback(raw: RawNotification) {
  let body: unknown;
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new NotificationRejected(400, "The status callback body is not JSON");
  }
  const callback = statusCallback.safeParse(body);
  if (!callback.success) throw new NotificationRejected(400, "The status callback names no payment_id");
  const fromUrl = raw.url ? new URL(raw.url).searchParams.get(PAYMENT_ORDER_PARAM) : null;
  const paymentOrderId = callback.data.payment_order_id ?? fromUrl;
  if (!paymentOrderId)
    throw new NotificationRejected(400, "The status callback names no payment order (neither its body nor its URL)");
  if (fromUrl && fromUrl !== paymentOrderId)
    throw new NotificationRejected(400, "The status callback's body and URL name two payment orders");
  return { body, callback: { ...callback.data, payment_order_id: paymentOrderId } };
}

/**
 * What an unconfirmed callback claims, when it claims a state Ping reports nothing after:
 * COMPLETED (Ping's status callbacks report no refund [guess: seed 003 shows none]) or a
 * failure. The service answers it without the GET when the payment is already there.
 */
export function finalClaimOf(raw: RawNotification): FinalClaim | undefined {
  let callback;
  try {
    ({ callback } = readCallback(raw));
  } catch {
    return undefined;
  }
  const claimed = pingPaymentStatus.safeParse(callback.status);
  if (!claimed.success || claimed.data === "INITIATED" || claimed.data === "PENDING") return undefined;
  return {
    providerPaymentId: callback.payment_id,
    status: toPaymentStatus(claimed.data),
    providerData: { payment_order_id: callback.payment_order_id },
    summary: `Ping Payments callback says ${claimed.data}`,
  };
}

type Confirmation = Awaited<ReturnType<PingPaymentsClient["getPayment"]>>;

/** Confirming GETs under way, by payment: callbacks for the same payment that come meanwhile share one. */
const confirming: Map<string, Promise<Confirmation>> = ((globalThis as Record<string, unknown>).__pingConfirmingGets ??=
  new Map()) as Map<string, Promise<Confirmation>>;

/**
 * The GET of the payment that a callback is believed through. Concurrent callbacks for the same
 * payment (a burst of redeliveries, or anyone replaying its ids) share the one in flight: its
 * answer is Ping's word on the payment at that moment, which is all any of them could learn.
 */
function confirm(client: PingPaymentsClient, paymentOrderId: string, paymentId: string): Promise<Confirmation> {
  const key = `${paymentOrderId}/${paymentId}`;
  let pending = confirming.get(key);
  if (!pending) {
    pending = client.getPayment(paymentOrderId, paymentId).finally(() => confirming.delete(key));
    confirming.set(key, pending);
  }
  return pending;
}

/**
 * Ping Payments does not sign its status callbacks, so the callback is only a hint: the shop
 * believes the status, amount and currency that its own authenticated GET of the payment returns.
 */
export async function verifyStatusCallback(
  client: PingPaymentsClient,
  raw: RawNotification,
): Promise<VerifiedNotification> {
  const { body, callback } = readCallback(raw);
  const { payment_id: paymentId, payment_order_id: paymentOrderId } = callback;

  let confirmed;
  try {
    confirmed = await confirm(client, paymentOrderId, paymentId);
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
  const claimed = callback.status;
  if (
    claimed !== undefined &&
    claimed !== payment.status &&
    (status === "requires_action" || status === "processing")
  ) {
    throw new NotificationRejected(409, `The callback says ${claimed} but Ping Payments says ${payment.status}`);
  }
  const reference = payment.metadata?.["merchant_reference"];
  return {
    kind: "payment-status",
    merchantReference: typeof reference === "string" ? reference : undefined,
    providerPaymentId: payment.id,
    status,
    amount: minor(payment.total_amount),
    currency: payment.currency,
    dedupeKey: `pingpayments:${payment.id}:${payment.status}`,
    failure: failureFor(payment.status, payment.status_reason),
    summary: `Ping Payments says ${payment.status}${payment.status_reason ? ` (${payment.status_reason.code})` : ""}`,
    detail: { callback: redact(body, PINGPAYMENTS_SECRET_FIELDS), confirmedBy: confirmed.call },
  };
}
