import "server-only";
import type { z } from "zod";
import { settings } from "@/lib/env";
import { fromDecimalString, SHOP_CURRENCIES, toDecimalString } from "@/lib/money";
import {
  ProviderError,
  unknownAnswer,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderOutcome,
} from "@/lib/payments/types";
import { cardSummary, splitHolderName } from "@/lib/cards";
import { PingPongClient, type PingPongAnswer } from "./client";
import { failureOf, nextActionOf, SUCCESS_CODE, toPaymentStatus } from "./mappers";
import { refundAnswer, transaction, voidAnswer, type Transaction } from "./schemas";
import { refundKey, verifyPingPongNotification, voidKey } from "./webhook";
import { pingPongSettings } from "./settings";
import { pingPongWallets } from "./wallets";

function credentials() {
  const env = pingPongSettings();
  return {
    baseUrl: env.PINGPONG_BASE_URL,
    accId: env.PINGPONG_ACC_ID,
    clientId: env.PINGPONG_CLIENT_ID,
    salt: env.PINGPONG_SALT,
  };
}
const client = () => new PingPongClient(credentials());

/**
 * PingPong's answer to a refund or a void, its bizContent read with `schema`. Unless the code is
 * success and the status is not FAILED, PingPong refused: a ProviderError saying `refused`, with `code`.
 */
function acceptedBiz<Biz extends { status: string }>(
  answer: PingPongAnswer,
  schema: z.ZodType<Biz>,
  refused: string,
  code: string,
): Biz {
  const parsed = schema.safeParse(answer.biz);
  if (answer.code !== SUCCESS_CODE || !parsed.success || parsed.data.status === "FAILED") {
    throw new ProviderError(`${refused}: ${answer.code} ${answer.description}`, [answer.call], code);
  }
  return parsed.data;
}

/** PingPong's answer to a query about a transaction it does not have. */
const NOT_FOUND_CODE = "100005";

/** PingPong's answer to a CodeGrant payment whose token is unknown, revoked or someone else's. */
const TOKEN_MISSING_CODE = "300001";

/** The local methods, by how the shopper completes them. */
const APM_TYPES: Record<string, string> = { alipayhk: "AlipayHK", wechatpay: "WeChatPay", alipay: "Alipay" };

function paymentMethodOf(request: PaymentRequest) {
  if (request.storedCredential?.kind === "wallet") return { type: request.storedCredential.walletType };
  if (request.method !== "card") return { type: APM_TYPES[request.method] };
  const card = request.card;
  if (!card) throw new ProviderError("Card details are missing");
  const holder = splitHolderName(card.holderName);
  return {
    type: "scheme",
    cardInfo: {
      number: card.number,
      holderFirstName: holder.first,
      holderLastName: holder.last,
      expireMonth: card.expiryMonth,
      expireYear: card.expiryYear,
      cvv: card.cvc,
    },
  };
}

/** Reshapes a transaction answer into the shop's outcome; `authenticateUrl` is the shop's 3DS hand-off page. */
function outcomeOf(tx: Transaction, authenticateUrl: string, calls: ProviderOutcome["calls"]): ProviderOutcome {
  const status = toPaymentStatus(tx);
  const base = { status, providerPaymentId: tx.transactionId, calls };
  if (status !== "requires_action") return { ...base, nextAction: { type: "none" } };
  const nextAction = nextActionOf(tx, authenticateUrl);
  if (!nextAction) throw unknownAnswer("PingPong asked for 3-D Secure without threeDUnionParams", calls);
  return { ...base, nextAction };
}

/** Where the shop's page hands threeDUnionParams to the risk plugin (app/(shop)/orders/[id]/authenticate). */
function authenticateUrlOf(request: PaymentRequest): string {
  return `${settings().APP_URL}/orders/${request.orderId}/authenticate?attempt=${request.paymentId}`;
}

/** PingPongCheckout: non-hosted card with its risk plugin and 3DS, and local payments by QR or redirect. */
export const pingPong: PaymentProvider = {
  id: "pingpong",
  displayName: "PingPongCheckout",
  methods: [
    {
      provider: "pingpong",
      method: "card",
      kind: "card",
      label: "Card",
      description: "Visa, Mastercard, Amex, UnionPay, JCB, with 3-D Secure (PingPongCheckout).",
      currencies: SHOP_CURRENCIES,
    },
    {
      provider: "pingpong",
      method: "alipayhk",
      kind: "qr",
      label: "AlipayHK",
      description: "Scan a QR code with the AlipayHK app.",
      currencies: SHOP_CURRENCIES,
    },
    {
      provider: "pingpong",
      method: "wechatpay",
      kind: "qr",
      label: "WeChat Pay",
      description: "Scan a QR code with WeChat.",
      currencies: SHOP_CURRENCIES,
    },
    {
      provider: "pingpong",
      method: "alipay",
      kind: "redirect",
      label: "Alipay",
      description: "Pay on Alipay's page and come back.",
      currencies: SHOP_CURRENCIES,
    },
  ],

  async createPayment(request) {
    const env = pingPongSettings();
    const wallet = request.storedCredential?.kind === "wallet" ? request.storedCredential : undefined;
    const isCard = request.method === "card" && !wallet;
    const answer = await client().post("/v4/payment/unifiedPay", {
      requestId:
        isCard && typeof request.risk?.requestId === "string"
          ? request.risk.requestId
          : PingPongClient.newRequestId(request.paymentId),
      merchantTransactionId: request.paymentId,
      amount: toDecimalString(request.amount, request.currency),
      currency: request.currency,
      captureDelayHours: isCard ? env.PINGPONG_CAPTURE_DELAY_HOURS : 0,
      notificationUrl: request.notificationUrl,
      closeNotificationUrl: request.notificationUrl,
      payResultUrl: request.returnUrl,
      payCancelUrl: request.errorUrl,
      shopperIP: request.shopperIp ?? "127.0.0.1",
      merchantUserId: wallet?.merchantUserId ?? request.merchantUserId,
      ...(wallet ? { token: wallet.token, bizType: "CodeGrant" } : {}),
      customer: { email: request.payer.email },
      goods: request.items.map((item) => ({
        name: item.name,
        unitPrice: toDecimalString(item.unitAmount, request.currency),
        number: String(item.quantity),
      })),
      device: { orderTerminal: "01" },
      paymentMethod: paymentMethodOf(request),
      ...(isCard ? { jsGeneratedData: request.risk?.jsGeneratedData, browserInfo: request.risk?.browserInfo } : {}),
    });
    const card = isCard && request.card ? cardSummary(request.card.number) : undefined;
    const requestId =
      typeof answer.biz === "object" && answer.biz && "requestId" in answer.biz
        ? String((answer.biz as { requestId: unknown }).requestId)
        : undefined;
    const parsed = transaction.safeParse(answer.biz);
    if (wallet && answer.code === TOKEN_MISSING_CODE) {
      return {
        status: "failed",
        nextAction: { type: "none" },
        failure: {
          code: "wallet_link_invalid",
          message: `Your ${wallet.walletType ?? "wallet"} link is no longer valid. Link the wallet again in your account to pay in one click.`,
        },
        credentialInvalid: true,
        calls: [answer.call],
      };
    }
    if (answer.code !== SUCCESS_CODE) {
      if (!parsed.success && !/^30\d{4}$/.test(answer.code)) {
        throw new ProviderError(
          `PingPong refused the payment: ${answer.code} ${answer.description}`,
          [answer.call],
          "provider_refused",
        );
      }
      return {
        status: "failed",
        providerPaymentId: parsed.success ? parsed.data.transactionId : undefined,
        nextAction: { type: "none" },
        failure: failureOf(answer.code, answer.description),
        card,
        calls: [answer.call],
      };
    }
    if (!parsed.success) throw unknownAnswer("PingPong answered without a transaction", [answer.call]);
    const outcome = outcomeOf(parsed.data, authenticateUrlOf(request), [answer.call]);
    // The risk plugin on the 3DS hand-off page is created with the same requestId as the card check.
    return { ...outcome, card, providerData: requestId ? { riskRequestId: requestId } : undefined };
  },

  async refund(payment, amount) {
    if (!payment.providerPaymentId) throw new ProviderError("This payment never reached PingPong");
    const answer = await client().post("/v4/payment/refund", {
      requestId: PingPongClient.newRequestId(`rf-${payment.paymentId}`),
      transactionId: payment.providerPaymentId,
      amount: toDecimalString(amount, payment.currency),
      currency: payment.currency,
      notificationUrl: `${settings().APP_URL}/api/webhooks/pingpong`,
    });
    const refunded = acceptedBiz(answer, refundAnswer, "PingPong refused the refund", "refund_refused");
    return {
      status: "partially_refunded",
      refundAmount: amount,
      dedupeKey: refundKey(refunded.refundId),
      nextAction: { type: "none" },
      calls: [answer.call],
    };
  },

  async cancel(payment) {
    if (!payment.providerPaymentId) throw new ProviderError("This payment never reached PingPong");
    const answer = await client().post("/v4/payment/void", {
      requestId: PingPongClient.newRequestId(`vd-${payment.paymentId}`),
      transactionId: payment.providerPaymentId,
    });
    const voided = acceptedBiz(answer, voidAnswer, "PingPong refused the void", "void_refused");
    return {
      status: "canceled",
      dedupeKey: voidKey(voided.voidId),
      nextAction: { type: "none" },
      calls: [answer.call],
    };
  },

  /** Transaction Query by PingPong's id, or by our merchantTransactionId when its answer never came. */
  async inquire(payment) {
    const answer = await client().post(
      "/v4/transaction/query",
      payment.providerPaymentId
        ? { transactionId: payment.providerPaymentId }
        : { merchantTransactionId: payment.paymentId },
    );
    if (answer.code === NOT_FOUND_CODE) {
      return {
        status: "failed",
        notAtProvider: true,
        nextAction: { type: "none" },
        failure: { code: "not_at_provider", message: "PingPong has no record of this payment." },
        calls: [answer.call],
      };
    }
    const parsed = transaction.safeParse(answer.biz);
    if (answer.code !== SUCCESS_CODE || !parsed.success)
      throw new ProviderError(`PingPong query failed: ${answer.code} ${answer.description}`, [answer.call]);
    const tx = parsed.data;
    const status = toPaymentStatus({
      ...tx,
      threeDContinue: false,
      paymentQrCode: undefined,
      paymentRedirectUrl: undefined,
    });
    let reported;
    try {
      reported = tx.currency ? { amount: fromDecimalString(tx.amount, tx.currency), currency: tx.currency } : undefined;
    } catch {
      throw new ProviderError(`PingPong query answered an amount that is not valid: ${tx.amount}`, [answer.call]);
    }
    if (!reported) throw new ProviderError("PingPong query answered without a currency", [answer.call]);
    return {
      status,
      providerPaymentId: tx.transactionId,
      reported,
      nextAction: { type: "none" },
      failure: status === "failed" ? failureOf(undefined, answer.description) : undefined,
      calls: [answer.call],
    };
  },

  verifyNotification: async (raw) => verifyPingPongNotification(raw, credentials()),

  /** Any HTTP 200 acknowledges a PingPong notification. */
  acknowledge: () => new Response("OK", { status: 200 }),

  wallets: pingPongWallets,
};
