import "server-only";
import { SHOP_CURRENCIES, toDecimalString } from "@/lib/money";
import { cardSummary } from "@/lib/cards";
import {
  ProviderError,
  unknownAnswer,
  type CardInput,
  type PaymentProvider,
  type PaymentRequest,
  type TypedCard,
} from "@/lib/payments/types";
import { LesspayClient } from "./client";
import { lesspaySettings } from "./settings";
import { inquiryOutcome } from "./inquiry";
import { createOrderAnswer } from "./schemas";
import { verifyLesspayCallback } from "./webhook";

function credentials() {
  const env = lesspaySettings();
  return { baseUrl: env.LESSPAY_BASE_URL, appId: env.LESSPAY_APP_ID, appSecret: env.LESSPAY_APP_SECRET };
}
const client = () => new LesspayClient(credentials());

/** Lesspay's codes for errors that leave it open whether an order was made (10 system, 12 database) [doc: PROVIDERS.md §4]. */
const UNKNOWN_CODES = new Set([10, 12]);

/** A typed card as the shop may keep it: brand, last four, MM/YY. */
function typedCard(card: CardInput): TypedCard {
  const { brand, last4 } = cardSummary(card.number);
  return { brand, last4, expiry: `${card.expiryMonth.padStart(2, "0")}/${card.expiryYear.slice(-2)}` };
}

/** `channel_extra` of an OpenAPI payment: the card itself, or a stored card's token. */
function channelExtra(request: PaymentRequest) {
  if (request.storedCredential) return { extra_type: "token", token_data: { token: request.storedCredential.token } };
  const card = request.card;
  if (!card) throw new ProviderError("Card details are missing");
  return {
    extra_type: "card",
    card_data: {
      number: card.number,
      expiry_month: Number(card.expiryMonth),
      expiry_year: Number(card.expiryYear),
      cvv: card.cvc,
      // [doc: seed 004, 2.1 card_data]: number, expiry_month, expiry_year, cvv, store_for_future_use; no holder name.
      ...(request.saveCard ? { store_for_future_use: true } : {}),
    },
  };
}

/** The card gateway of seed 004 ("Lesspay"): hosted cashier, direct card (OpenAPI) with or without 3DS, tokens. */
export const lesspay: PaymentProvider = {
  id: "lesspay",
  displayName: "Lesspay",
  cardOnFile: true,
  methods: [
    {
      provider: "lesspay",
      method: "cashier",
      kind: "hosted",
      label: "Card on Lesspay's page",
      cardPage: true,
      description: "Pay by card on Lesspay's hosted cashier, with 3-D Secure.",
      currencies: SHOP_CURRENCIES,
    },
    {
      provider: "lesspay",
      method: "card",
      kind: "card",
      label: "Card",
      description: "Pay by card here (Lesspay OpenAPI); can be saved for next time.",
      currencies: SHOP_CURRENCIES,
      canSaveCard: true,
    },
  ],

  async createPayment(request) {
    const cashier = request.method === "cashier";
    // Lesspay's channel_biz_data names no brand, last four or expiry [doc: seed 004]: a card to be saved keeps what the
    // shopper typed (masked), kept before the call since the callback may come before the answer.
    if (request.card && request.saveCard) await request.keepTypedCard?.(typedCard(request.card));
    const answer = await client().post("/api/global/v1/pay/create-order", {
      request_id: request.paymentId,
      target_amount: toDecimalString(request.amount, request.currency),
      target_currency: request.currency,
      transaction_type: "PAY_IN",
      way_type: "CARD_PAYMENT",
      api_version: "V2",
      pay_access_type: cashier ? 1 : 2,
      notify_url: request.notificationUrl,
      success_url: request.returnUrl,
      fail_url: request.errorUrl,
      product_name: "Merchant Storefront order",
      description: request.items
        .map((item) => `${item.name} × ${item.quantity}`)
        .join(", ")
        .slice(0, 200),
      // Only channel_extra.card_data documents store_for_future_use [doc: seed 004]: the cashier has no such field (its page asks the payer).
      ...(cashier ? {} : { channel_extra: channelExtra(request) }),
    });
    const parsed = createOrderAnswer.safeParse(answer.json);
    if (!parsed.success) throw unknownAnswer("Lesspay answered create-order with an unexpected shape", [answer.call]);
    // 10 system error, 12 database error: the order may or may not have been made.
    if (UNKNOWN_CODES.has(parsed.data.code))
      throw unknownAnswer(
        `Lesspay answered create-order with code ${parsed.data.code} ${parsed.data.msg ?? ""}`.trim(),
        [answer.call],
      );
    if (parsed.data.code !== 0 || !parsed.data.data) {
      throw new ProviderError(
        `Lesspay refused the order: code ${parsed.data.code} ${parsed.data.msg ?? ""}`.trim(),
        [answer.call],
        "provider_refused",
      );
    }
    const order = parsed.data.data.order_data;
    const card = request.card ? cardSummary(request.card.number) : undefined;
    if (order.payDataType === "payurl" && order.payData) {
      return {
        status: "requires_action",
        providerPaymentId: order.payOrderId,
        nextAction: { type: "redirect", url: order.payData },
        card,
        calls: [answer.call],
      };
    }
    // No payDataType: processing without 3DS; the callback says how it ends.
    return {
      status: "processing",
      providerPaymentId: order.payOrderId,
      nextAction: { type: "none" },
      card,
      calls: [answer.call],
    };
  },

  /** query-order by Lesspay's id, or by our request_id when its create-order answer never came. */
  async inquire(payment) {
    const answer = await client().post(
      "/api/global/v1/pay/query-order",
      payment.providerPaymentId ? { pay_order_id: payment.providerPaymentId } : { request_id: payment.paymentId },
    );
    return inquiryOutcome(answer.json, answer.call);
  },

  verifyNotification: async (raw) => verifyLesspayCallback(raw, credentials()),

  /** Lesspay stops resending on the plain text SUCCESS. */
  acknowledge: () => new Response("SUCCESS", { status: 200, headers: { "content-type": "text/plain" } }),
};
