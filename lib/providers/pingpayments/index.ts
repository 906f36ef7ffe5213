import "server-only";
import { settings } from "@/lib/env";
import { minor, SHOP_CURRENCIES } from "@/lib/money";
import { ProviderError, type PaymentProvider, type ProviderOutcome } from "@/lib/payments/types";
import type { PaymentDetails } from "./schemas";
import { PingPaymentsClient } from "./client";
import { failureFor, toPaymentStatus } from "./mappers";
import { finalClaimOf, verifyStatusCallback } from "./webhook";

/** Sweden's standard VAT rate, sent per order item (Ping accepts 0, 6, 12 and 25). */
const VAT_RATE = 25;

function client(): PingPaymentsClient {
  const env = settings();
  return new PingPaymentsClient({ baseUrl: env.PINGPAYMENTS_BASE_URL, tenantId: env.PINGPAYMENTS_TENANT_ID, apiSecret: env.PINGPAYMENTS_API_SECRET });
}

function notAtPingPayments(calls: ProviderOutcome["calls"]): ProviderOutcome {
  return { status: "failed", notAtProvider: true, nextAction: { type: "none" }, failure: { code: "not_at_provider", message: "Ping Payments has no record of this payment." }, calls };
}

/** Ping Payments with PaymentIQ: payment order -> payment -> hosted checkout (pay_url) -> status callback. */
export const pingPayments: PaymentProvider = {
  id: "pingpayments",
  displayName: "Ping Payments",
  methods: [
    {
      provider: "pingpayments",
      method: "card",
      kind: "hosted",
      label: "Card via PaymentIQ",
      description: "Pay by card on PaymentIQ's secure checkout page (Ping Payments).",
      currencies: SHOP_CURRENCIES,
    },
  ],

  async createPayment(request): Promise<ProviderOutcome> {
    const env = settings();
    const api = client();
    const order = await api.createPaymentOrder({ split_tree_id: env.PINGPAYMENTS_SPLIT_TREE_ID, currency: request.currency });
    // Kept before the payment is asked for: the inquiry looks for the payment in this order.
    request.keepReference?.({ payment_order_id: order.data.id });
    const created = await api
      .createPayment(order.data.id, {
        currency: request.currency,
        total_amount: request.amount,
        method: "card",
        provider: "payment_iq",
        order_items: request.items.map((item) => ({
          amount: item.unitAmount * item.quantity,
          name: item.quantity > 1 ? `${item.name} × ${item.quantity}` : item.name,
          merchant_id: env.PINGPAYMENTS_MERCHANT_ID,
          vat_rate: VAT_RATE,
        })),
        payer: { name: request.payer.name, email: request.payer.email },
        provider_method_parameters: { success_url: request.returnUrl, error_url: request.errorUrl },
        status_callback_url: request.notificationUrl,
        metadata: { merchant_reference: request.paymentId, order_id: request.orderId },
      })
      .catch((error: unknown) => {
        if (error instanceof ProviderError) {
          error.calls.unshift(order.call);
          error.providerData = { ...error.providerData, payment_order_id: order.data.id };
        }
        throw error;
      });
    return {
      status: "requires_action",
      providerPaymentId: created.data.id,
      providerData: { payment_order_id: order.data.id },
      nextAction: { type: "redirect", url: created.data.provider_method_response.pay_url },
      calls: [order.call, created.call],
    };
  },

  /**
   * By the provider's id when the shop has it; otherwise our payment is looked for in its payment
   * order (by metadata.merchant_reference). No payment order kept means none was created, so no
   * payment could have been made in one: Ping has no record of it.
   */
  async inquire(payment): Promise<ProviderOutcome> {
    const paymentOrderId = payment.providerData?.payment_order_id;
    if (!paymentOrderId) return notAtPingPayments([]);
    const api = client();
    let found: PaymentDetails | undefined;
    let call;
    try {
      if (payment.providerPaymentId) {
        const answer = await api.getPayment(paymentOrderId, payment.providerPaymentId);
        [found, call] = [answer.data, answer.call];
      } else {
        const answer = await api.getPaymentOrder(paymentOrderId);
        call = answer.call;
        found = answer.data.payments.find((p) => p.metadata?.merchant_reference === payment.id);
      }
    } catch (error) {
      if (error instanceof ProviderError && error.code === "not_found") return notAtPingPayments(error.calls);
      throw error;
    }
    if (!found) return notAtPingPayments([call]);
    return {
      status: toPaymentStatus(found.status),
      providerPaymentId: found.id,
      nextAction: { type: "none" },
      failure: failureFor(found.status, found.status_reason),
      reported: { amount: minor(found.total_amount), currency: found.currency },
      calls: [call],
    };
  },

  /**
   * [doc] `PUT .../payment_orders/{id}/close` closes the payment order; every attempt has its own
   * payment order, so closing it ends the attempt. [guess] that PaymentIQ then refuses to complete
   * a payment of a closed order: the shop does not rely on it, a success that comes anyway is
   * treated as a second charge. No payment order kept means nothing was created to close.
   */
  async closeOpenAttempt(payment) {
    const paymentOrderId = payment.providerData?.payment_order_id;
    if (!paymentOrderId) return { calls: [] };
    const closed = await client().closePaymentOrder(paymentOrderId);
    return { calls: [closed.call] };
  },

  verifyNotification: (raw) => verifyStatusCallback(client(), raw),
  finalClaimOf,

  /** Any 2xx acknowledges a status callback; no body is needed. */
  acknowledge: () => new Response(null, { status: 204 }),
};
