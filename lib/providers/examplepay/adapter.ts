import "server-only";
import { randomUUID } from "node:crypto";
import { minor, SHOP_CURRENCIES } from "@/lib/money";
import type { PaymentStatus } from "@/lib/payments/state";
import { ProviderError, type PaymentProvider, type ProviderOutcome } from "@/lib/payments/types";
import { examplePayApi } from "./client";
import { EXAMPLEPAY_ID } from "./settings";
import { refundKey, verifyNotification } from "./webhook";

/** ExamplePay's payment status -> the shop's state machine [fixture]. */
const STATUS: Record<"pending" | "succeeded" | "failed", PaymentStatus> = {
  pending: "requires_action", // waiting for the shopper on the hosted page
  succeeded: "succeeded",
  failed: "failed",
};

/**
 * ExamplePay (test only): create payment -> its hosted page -> signed notification; refunds and an
 * inquiry by our own reference [fixture: lib/emulators/examplepay/README.md].
 */
export const examplePay: PaymentProvider = {
  id: EXAMPLEPAY_ID,
  displayName: "ExamplePay (test only)",
  methods: [
    {
      provider: EXAMPLEPAY_ID,
      method: "card",
      kind: "hosted",
      label: "Card via ExamplePay (test only)",
      cardPage: true,
      description: "The tests' own provider: approve or decline on its hosted page.",
      currencies: SHOP_CURRENCIES,
    },
  ],

  async createPayment(request): Promise<ProviderOutcome> {
    const created = await examplePayApi.createPayment({
      merchant_reference: request.paymentId,
      amount: request.amount,
      currency: request.currency,
      description: `Order ${request.orderId}`,
      return_url: request.returnUrl,
      cancel_url: request.errorUrl,
      notification_url: request.notificationUrl,
    });
    return {
      status: "requires_action",
      providerPaymentId: created.data.id,
      nextAction: { type: "redirect", url: created.data.redirect_url },
      calls: [created.call],
    };
  },

  async inquire(payment): Promise<ProviderOutcome> {
    try {
      const { data: found, call } = await examplePayApi.findPayment(payment.paymentId);
      return {
        status: STATUS[found.status],
        providerPaymentId: found.id,
        nextAction: { type: "none" },
        reported: { amount: minor(found.amount), currency: found.currency },
        calls: [call],
      };
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === "not_found")) throw error;
      return {
        status: "failed",
        notAtProvider: true,
        nextAction: { type: "none" },
        failure: { code: "not_at_provider", message: "ExamplePay has no record of this payment." },
        calls: error.calls,
      };
    }
  },

  async refund(payment, amount): Promise<ProviderOutcome> {
    if (!payment.providerPaymentId) throw new ProviderError("This payment has no ExamplePay id to refund.");
    const refund = await examplePayApi.refund(payment.providerPaymentId, {
      amount,
      refund_reference: `rf_${payment.paymentId}_${randomUUID().slice(0, 8)}`,
    });
    return {
      status: "partially_refunded",
      refundAmount: minor(refund.data.amount),
      dedupeKey: refundKey(refund.data.id),
      nextAction: { type: "none" },
      calls: [refund.call],
    };
  },

  verifyNotification: async (raw) => verifyNotification(raw),

  /** ExamplePay's acknowledgement: a 2xx with `{"received":true}` [fixture]. */
  acknowledge: () => Response.json({ received: true }),
};
