import "server-only";
import { minor, SHOP_CURRENCIES } from "@/lib/money";
import {
  ProviderError,
  type PaymentProvider,
  type ProviderOutcome,
  type SettlementOutcome,
} from "@/lib/payments/types";
import { PingPaymentsClient, PingPaymentsRefusal } from "./client";
import { pingPaymentsSettings } from "./settings";
import { failureFor, toPaymentStatus } from "./mappers";
import { finalClaimOf, PAYMENT_ORDER_PARAM, verifyStatusCallback } from "./webhook";

/** Sweden's standard VAT rate, sent per order item (Ping accepts 0, 6, 12 and 25). */
const VAT_RATE = 25;

function client(): PingPaymentsClient {
  const env = pingPaymentsSettings();
  return new PingPaymentsClient({
    baseUrl: env.PINGPAYMENTS_BASE_URL,
    tenantId: env.PINGPAYMENTS_TENANT_ID,
    apiSecret: env.PINGPAYMENTS_API_SECRET,
  });
}

function notAtPingPayments(calls: ProviderOutcome["calls"]): ProviderOutcome {
  return {
    status: "failed",
    notAtProvider: true,
    nextAction: { type: "none" },
    failure: { code: "not_at_provider", message: "Ping Payments has no record of this payment." },
    calls,
  };
}

/**
 * The status callback's URL names the payment order in our own query: the callback's body is
 * documented only as "the payment id and status" [doc: PROVIDERS.md §3], and the shop's GET of
 * the payment needs its order.
 */
function statusCallbackUrl(notificationUrl: string, paymentOrderId: string): string {
  const url = new URL(notificationUrl);
  url.searchParams.set(PAYMENT_ORDER_PARAM, paymentOrderId);
  return url.toString();
}

/**
 * A payment whose id the shop never learnt: [doc] `GET /api/v1/payment_orders/{id}` says whether the
 * order is there (a 404 means no payment could be in it); if it is, only an operator can find out.
 */
async function paymentNotNamed(api: PingPaymentsClient, paymentOrderId: string): Promise<ProviderOutcome> {
  const { call } = await api.getPaymentOrder(paymentOrderId);
  return {
    status: "processing",
    nextAction: { type: "none" },
    needsOperator: `Ping Payments' answer to the payment's creation was lost and its API cannot find a payment without its id: look for metadata.merchant_reference in payment order ${paymentOrderId} at Ping.`,
    calls: [call],
  };
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
      cardPage: true,
      description: "Pay by card on PaymentIQ's secure checkout page (Ping Payments).",
      currencies: SHOP_CURRENCIES,
    },
  ],

  async createPayment(request): Promise<ProviderOutcome> {
    const env = pingPaymentsSettings();
    const api = client();
    const order = await api.createPaymentOrder({
      split_tree_id: env.PINGPAYMENTS_SPLIT_TREE_ID,
      currency: request.currency,
    });
    // Kept before the payment is asked for: the inquiry looks for the payment in this order.
    await request.keepReference?.({ payment_order_id: order.data.id });
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
        status_callback_url: statusCallbackUrl(request.notificationUrl, order.data.id),
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
   * [doc] `GET .../payment_orders/{id}/payments/{payment_id}` when the shop has the payment's id.
   * Without it (the create-payment answer was lost) the docs give no way to find the payment: no
   * list of an order's payments, no search by metadata. The attempt then stays processing and an
   * operator must look at Ping (`needsOperator`); it is never failed by time, since Ping may hold
   * a payment the shop cannot name. No payment order kept means none was created, so no payment
   * could have been made in one: Ping has no record of it.
   */
  async inquire(payment): Promise<ProviderOutcome> {
    const paymentOrderId = payment.providerData?.payment_order_id;
    if (!paymentOrderId) return notAtPingPayments([]);
    const api = client();
    try {
      if (!payment.providerPaymentId) return await paymentNotNamed(api, paymentOrderId);
      const { data: found, call } = await api.getPayment(paymentOrderId, payment.providerPaymentId);
      return {
        status: toPaymentStatus(found.status),
        providerPaymentId: found.id,
        nextAction: { type: "none" },
        failure: failureFor(found.status, found.status_reason),
        reported: { amount: minor(found.total_amount), currency: found.currency },
        calls: [call],
      };
    } catch (error) {
      if (error instanceof ProviderError && error.code === "not_found") return notAtPingPayments(error.calls);
      throw error;
    }
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

  /**
   * An operator settles a paid attempt's payment order: [doc] `PUT .../{id}/split`, then
   * `PUT .../{id}/settle` ([guess] split comes first). An order split before (a settle that
   * failed half-way) is settled on. The payment's status does not change.
   */
  async settle(payment): Promise<SettlementOutcome> {
    const paymentOrderId = payment.providerData?.payment_order_id;
    if (!paymentOrderId) throw new ProviderError("This payment has no Ping Payments payment order to settle.", []);
    const api = client();
    const calls: ProviderOutcome["calls"] = [];
    try {
      calls.push((await api.splitPaymentOrder(paymentOrderId)).call);
    } catch (error) {
      // [guess] the code Ping gives an order already split (the emulator's).
      if (!(error instanceof PingPaymentsRefusal && error.errorCodes.includes("payment_order_already_split")))
        throw error;
      calls.push(...error.calls);
    }
    try {
      calls.push((await api.settlePaymentOrder(paymentOrderId)).call);
    } catch (error) {
      if (error instanceof ProviderError) error.calls.unshift(...calls);
      throw error;
    }
    return {
      nextAction: { type: "none" },
      dedupeKey: `pingpayments:settle:${paymentOrderId}`,
      calls,
    };
  },

  verifyNotification: (raw) => verifyStatusCallback(client(), raw),
  finalClaimOf,

  /** Any 2xx acknowledges a status callback; no body is needed. */
  acknowledge: () => new Response(null, { status: 204 }),
};
