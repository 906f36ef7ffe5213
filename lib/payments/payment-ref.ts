import type { Payment } from "@/lib/db/schema";
import { minor } from "@/lib/money";
import type { PaymentRef } from "./types";

/** What an adapter is told of a stored payment: the references and the money, a copy, never the row itself. */
export function paymentRefOf(payment: Payment): PaymentRef {
  return {
    paymentId: payment.id,
    providerPaymentId: payment.providerPaymentId ?? undefined,
    amount: minor(payment.amount),
    currency: payment.currency,
    captureMode: payment.captureMode,
    capturedAmount: minor(payment.capturedAmount),
    refundedAmount: minor(payment.refundedAmount),
    providerData: { ...payment.providerData },
  };
}
