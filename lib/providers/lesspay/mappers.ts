import type { PaymentStatus } from "@/lib/payments/state";
import type { ProviderOutcome } from "@/lib/payments/types";
import type { z } from "zod";
import type { channelBizData } from "./schemas";

/** Lesspay order status codes: 0 PENDING_CONFIRM, 1 PENDING_PAY, 2 SUCCEED, 3 FAILED, 4 CANCELED, 5 REFUND, 6 CLOSED, 12 PAID (amount differs). */
export function orderStatus(code: number): PaymentStatus | undefined {
  switch (code) {
    case 0:
    case 1:
      return "processing";
    case 2:
    case 12:
      return "succeeded";
    case 3:
    case 4:
      return "failed";
    case 5:
      return "refunded";
    case 6:
      return "expired";
    default:
      return undefined;
  }
}

const BRANDS: Record<string, string> = { VISA: "Visa", MASTERCARD: "Mastercard", AMEX: "Amex", UNIONPAY: "UnionPay", JCB: "JCB", DISCOVER: "Discover" };

export function storedCardOf(data: z.infer<typeof channelBizData> | undefined): ProviderOutcome["storedCredential"] {
  if (!data?.card_token) return undefined;
  const month = data.card_expiry_month !== undefined ? String(data.card_expiry_month).padStart(2, "0") : undefined;
  const year = data.card_expiry_year !== undefined ? String(data.card_expiry_year).slice(-2) : undefined;
  return {
    token: data.card_token,
    brand: data.card_brand ? (BRANDS[data.card_brand.toUpperCase()] ?? data.card_brand) : undefined,
    last4: data.card_last4,
    expiry: month && year ? `${month}/${year}` : undefined,
  };
}

const MESSAGES: Record<string, string> = {
  "do not honor": "The card was declined by the issuing bank.",
  "insufficient funds": "Insufficient funds on the card.",
  "expired card": "The card has expired.",
};

export function failureOf(reason: string | undefined) {
  const text = reason?.trim() || "The payment failed.";
  return { code: text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "failed", message: MESSAGES[text.toLowerCase()] ?? (/3-?d/i.test(text) ? "3-D Secure authentication failed." : text) };
}
