import "server-only";
import { randomUUID } from "node:crypto";
import { requestLocale } from "@/i18n/request";
import { cardSummary, splitHolderName } from "@/lib/cards";
import { settings } from "@/lib/env";
import { minor, SHOP_CURRENCIES } from "@/lib/money";
import type { z } from "zod";
import {
  ProviderError,
  unknownAnswer,
  type ApiCallRecord,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderOutcome,
} from "@/lib/payments/types";
import { AntomClient } from "./client";
import { antomKey } from "./dev-keys";
import { antomSettings } from "./settings";
import { checksOf, failureOf, inquiryStatus, payStatus, storedCardOf } from "./mappers";
import { cancelAnswer, captureAnswer, inquiryAnswer, payAnswer, refundAnswer, type AntomResult } from "./schemas";
import { ANTOM_ACK, cancelKey, captureKey, refundKey, verifyAntomNotification } from "./webhook";

/**
 * env.browserInfo.language in Antom's spelling ("zh_CN" in the pay request sample) [doc: seed 002]:
 * the shopper's language, so the 3DS page Antom sends them to speaks it. None outside a shopper's
 * request (a merchant-initiated payment has no browser).
 */
async function shopperBrowserLanguage(): Promise<string | undefined> {
  const spelling = { en: "en_US", zh: "zh_CN" } as const;
  try {
    return spelling[await requestLocale()];
  } catch {
    return undefined;
  }
}

function credentials() {
  const env = antomSettings();
  return {
    baseUrl: env.ANTOM_BASE_URL,
    clientId: env.ANTOM_CLIENT_ID,
    merchantPrivateKey: antomKey("merchantPrivate", "ANTOM_MERCHANT_PRIVATE_KEY"),
    antomPublicKey: antomKey("antomPublic", "ANTOM_PUBLIC_KEY"),
  };
}
const client = () => new AntomClient(credentials());
const money = (value: number, currency: string) => ({ currency, value: String(value) });

/**
 * Antom's answer to a capture, cancel or refund, read with `schema`. Unless it parses with
 * resultStatus S (and `complete` holds), Antom refused: a ProviderError saying `refused` and
 * Antom's result, with `code`.
 */
function acceptedAnswer<Answer extends { result: AntomResult }>(
  answer: { json: unknown; call: ApiCallRecord },
  schema: z.ZodType<Answer>,
  refused: string,
  code: string,
  complete: (data: Answer) => boolean = () => true,
): Answer {
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success || parsed.data.result.resultStatus !== "S" || !complete(parsed.data)) {
    const result = parsed.success ? parsed.data.result : undefined;
    throw new ProviderError(
      `${refused}: ${result?.resultCode ?? "?"} ${result?.resultMessage ?? ""}`,
      [answer.call],
      code,
    );
  }
  return parsed.data;
}

function paymentMethodOf(request: PaymentRequest) {
  if (request.storedCredential) return { paymentMethodType: "CARD", paymentMethodId: request.storedCredential.token };
  const card = request.card;
  if (!card) throw new ProviderError("Card details are missing");
  const holder = splitHolderName(card.holderName);
  return {
    paymentMethodType: "CARD",
    paymentMethodMetaData: {
      cardNo: card.number,
      cvv: card.cvc,
      expiryYear: card.expiryYear.slice(-2),
      expiryMonth: card.expiryMonth,
      cardholderName: { firstName: holder.first, lastName: holder.last },
      billingAddress: request.address
        ? {
            address1: request.address.line1,
            city: request.address.city,
            zipCode: request.address.postalCode,
            region: request.address.country,
          }
        : undefined,
      is3DSAuthentication: false,
      enableAuthenticationUpgrade: true,
      isCardOnFile: Boolean(request.saveCard),
      tokenize: Boolean(request.saveCard),
      ...(request.mpi ? { mpiData: request.mpi } : {}),
    },
  };
}

/** Antom: card authorization through the pay API, automatic or manual capture, 3DS, card on file, MIT. */
export const antom: PaymentProvider = {
  id: "antom",
  displayName: "Antom",
  cardOnFile: true,
  methods: [
    {
      provider: "antom",
      method: "card",
      kind: "card",
      label: "Card",
      description: "Visa, Mastercard, Amex, UnionPay, JCB with 3-D Secure (Antom); can be saved for next time.",
      currencies: SHOP_CURRENCIES,
      canSaveCard: true,
    },
  ],

  async createPayment(request) {
    const language = request.merchantInitiated ? undefined : await shopperBrowserLanguage();
    const answer = await client().post("pay", {
      productCode: "CASHIER_PAYMENT",
      paymentRequestId: request.paymentId,
      paymentAmount: money(request.amount, request.currency),
      order: {
        orderAmount: money(request.amount, request.currency),
        referenceOrderId: request.orderId,
        orderDescription: request.items
          .map((item) => `${item.name} × ${item.quantity}`)
          .join(", ")
          .slice(0, 256),
        goods: request.items.map((item, index) => ({
          referenceGoodsId: String(index + 1),
          goodsName: item.name,
          goodsUnitAmount: money(item.unitAmount, request.currency),
          goodsQuantity: String(item.quantity),
        })),
        buyer: { referenceBuyerId: request.merchantUserId, buyerEmail: request.payer.email },
      },
      paymentMethod: paymentMethodOf(request),
      paymentFactor: { isAuthorization: true, captureMode: request.captureMode === "manual" ? "MANUAL" : "AUTOMATIC" },
      ...(request.merchantInitiated ? { isMerchantInitiated: true, merchantInitiatedType: "UNSCHEDULED" } : {}),
      paymentNotifyUrl: request.notificationUrl,
      paymentRedirectUrl: request.returnUrl,
      settlementStrategy: { settlementCurrency: request.currency },
      env: {
        terminalType: "WEB",
        clientIp: request.shopperIp ?? "127.0.0.1",
        ...(language ? { browserInfo: { language } } : {}),
      },
    });
    const parsed = payAnswer.safeParse(answer.json);
    if (!parsed.success) throw unknownAnswer("Antom answered pay with an unexpected shape", [answer.call]);
    const pay = parsed.data;
    const card = request.card ? cardSummary(request.card.number) : undefined;
    const status = payStatus(pay.result, request.captureMode, Boolean(pay.normalUrl));
    // Antom's own refusals (a bad request, not a declined card) are our bug or configuration: say so.
    if (
      pay.result.resultStatus === "F" &&
      ["INVALID_SIGNATURE", "PARAM_ILLEGAL", "INVALID_CLIENT", "KEY_NOT_FOUND", "REPEAT_REQ_INCONSISTENT"].includes(
        pay.result.resultCode,
      )
    ) {
      throw new ProviderError(
        `Antom refused the pay request: ${pay.result.resultCode} ${pay.result.resultMessage ?? ""}`,
        [answer.call],
        "provider_refused",
      );
    }
    const outcome: ProviderOutcome = {
      status,
      providerPaymentId: pay.paymentId,
      nextAction: status === "requires_action" ? { type: "redirect", url: pay.normalUrl! } : { type: "none" },
      failure: status === "failed" ? failureOf(pay.result) : undefined,
      card,
      checks: checksOf(pay.paymentResultInfo),
      storedCredential: storedCardOf(pay.paymentResultInfo),
      capturedAmount: status === "succeeded" ? request.amount : undefined,
      calls: [answer.call],
    };
    if (outcome.storedCredential && card)
      outcome.storedCredential = {
        ...outcome.storedCredential,
        brand: card.brand,
        last4: card.last4,
        expiry: `${request.card!.expiryMonth}/${request.card!.expiryYear.slice(-2)}`,
      };
    return outcome;
  },

  async capture(payment, amount) {
    const answer = await client().post("capture", {
      captureRequestId: `cap_${payment.paymentId}_${randomUUID().slice(0, 8)}`,
      paymentId: payment.providerPaymentId,
      captureAmount: money(amount, payment.currency),
      isLastCapture: true,
    });
    const captured = acceptedAnswer(answer, captureAnswer, "Antom refused the capture", "capture_refused");
    return {
      status: "succeeded",
      capturedAmount: amount,
      dedupeKey: captureKey(payment.providerPaymentId!, captured.captureId),
      nextAction: { type: "none" },
      calls: [answer.call],
    };
  },

  async cancel(payment) {
    const answer = await client().post("cancel", { paymentId: payment.providerPaymentId });
    acceptedAnswer(answer, cancelAnswer, "Antom refused the cancel", "cancel_refused");
    return {
      status: "canceled",
      dedupeKey: cancelKey(payment.providerPaymentId!),
      nextAction: { type: "none" },
      calls: [answer.call],
    };
  },

  /**
   * [doc] cancel "closes an order while its status on Antom's side remains processing"; "if a
   * transaction is canceled before the payment is completed, the buyer will be unable to proceed
   * with the payment". By our paymentRequestId [doc: either id], so it works before Antom's id is known.
   */
  async closeOpenAttempt(payment) {
    const answer = await client().post("cancel", { paymentRequestId: payment.paymentId });
    acceptedAnswer(answer, cancelAnswer, "Antom refused to close the payment", "close_refused");
    return { calls: [answer.call] };
  },

  async refund(payment, amount) {
    const refundable = (payment.capturedAmount || payment.amount) - payment.refundedAmount;
    if (amount > refundable) throw new ProviderError(`Only ${refundable} can still be refunded`);
    const answer = await client().post("refund", {
      refundRequestId: `rf_${payment.paymentId}_${randomUUID().slice(0, 8)}`,
      paymentId: payment.providerPaymentId,
      refundAmount: money(amount, payment.currency),
      refundNotifyUrl: `${settings().APP_URL}/api/webhooks/antom`,
    });
    const refunded = acceptedAnswer(
      answer,
      refundAnswer,
      "Antom refused the refund",
      "refund_refused",
      (data) => !!data.refundId,
    );
    return {
      status: "partially_refunded",
      refundAmount: amount,
      dedupeKey: refundKey(refunded.refundId!),
      nextAction: { type: "none" },
      calls: [answer.call],
    };
  },

  /** Always by our paymentRequestId: it works whether or not the pay answer (and Antom's paymentId) ever came. */
  async inquire(payment) {
    const answer = await client().post("inquiryPayment", { paymentRequestId: payment.paymentId });
    const parsed = inquiryAnswer.safeParse(answer.json);
    if (
      parsed.success &&
      parsed.data.result.resultStatus === "F" &&
      parsed.data.result.resultCode === "ORDER_NOT_EXIST"
    ) {
      return {
        status: "failed",
        notAtProvider: true,
        nextAction: { type: "none" },
        failure: { code: "not_at_provider", message: "Antom has no record of this payment." },
        calls: [answer.call],
      };
    }
    if (!parsed.success || parsed.data.result.resultStatus !== "S")
      throw new ProviderError("Antom could not say how the payment stands", [answer.call]);
    const inquiry = parsed.data;
    if (!inquiry.paymentAmount) throw new ProviderError("Antom's inquiry answer has no paymentAmount", [answer.call]);
    const captured = (inquiry.transactions ?? []).some(
      (t) => t.transactionType === "CAPTURE" && t.transactionStatus !== "FAIL",
    );
    const status = inquiryStatus(
      inquiry.paymentStatus,
      payment.captureMode,
      captured || payment.captureMode === "automatic",
    );
    if (!status)
      throw new ProviderError(`Antom answered an unknown paymentStatus ${inquiry.paymentStatus}`, [answer.call]);
    return {
      status,
      providerPaymentId: inquiry.paymentId,
      nextAction: { type: "none" },
      failure:
        status === "failed"
          ? failureOf({ resultCode: inquiry.paymentResultCode, resultMessage: inquiry.paymentResultMessage })
          : undefined,
      checks: checksOf(inquiry.paymentResultInfo),
      storedCredential: storedCardOf(inquiry.paymentResultInfo),
      reported: { amount: minor(Number(inquiry.paymentAmount.value)), currency: inquiry.paymentAmount.currency },
      calls: [answer.call],
    };
  },

  verifyNotification: async (raw) => {
    const { clientId, antomPublicKey } = credentials();
    return verifyAntomNotification(raw, { clientId, antomPublicKey, path: "/api/webhooks/antom" });
  },

  /** Antom stops resending only on exactly this body. */
  acknowledge: () => Response.json(ANTOM_ACK),
};
