import type { PaymentStatus } from "@/lib/payments/state";
import type { PingPaymentStatus } from "./schemas";

/** Ping Payments payment status -> the shop's state machine. */
export function toPaymentStatus(status: PingPaymentStatus): PaymentStatus {
  switch (status) {
    case "INITIATED":
      return "requires_action"; // waiting for the payer on the PaymentIQ page
    case "PENDING":
      return "processing"; // the payer is done; the result is not final yet
    case "COMPLETED":
      return "succeeded";
    case "DECLINED":
    case "CANCELLED":
    case "CRASHED":
      return "failed";
  }
}

const FAILURE_MESSAGES: Record<string, string> = {
  DECLINED: "The card payment was declined.",
  CANCELLED: "The payment was cancelled on the PaymentIQ page.",
  CRASHED: "The payment provider failed while processing the payment.",
};

export function failureFor(status: PingPaymentStatus, reason?: { code: string; description: string } | null) {
  if (toPaymentStatus(status) !== "failed") return undefined;
  return {
    code: reason?.code ?? status.toLowerCase(),
    message: reason?.description ?? FAILURE_MESSAGES[status] ?? "The payment failed.",
  };
}
