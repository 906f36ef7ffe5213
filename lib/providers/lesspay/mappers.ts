import type { PaymentStatus } from "@/lib/payments/state";
import type { ProviderOutcome } from "@/lib/payments/types";
import type { z } from "zod";
import type { channelBizData } from "./schemas";

/** Lesspay's order status codes [doc: PROVIDERS.md §4, Order status]. */
export const LESSPAY_STATUS = {
  PENDING_CONFIRM: 0,
  PENDING_PAY: 1,
  SUCCEED: 2,
  FAILED: 3,
  CANCELED: 4,
  REFUND: 5,
  CLOSED: 6,
  PAID_AMOUNT_DIFFERS: 12,
} as const;

/**
 * The shop's state for a Lesspay order status: 0 PENDING_CONFIRM and 1 PENDING_PAY are still
 * open; 2 SUCCEED paid; 3 FAILED and 4 CANCELED (the payer cancelled) failed; 6 CLOSED (closed
 * unpaid, the cashier's time ran out) expired; 5 REFUND refunded. 12 PAID (amount differs) is "succeeded" only as the provider's claim:
 * it is never believed as paid in full (the webhook flags it `amountDiffers`, the inquiry refuses it).
 */
export function orderStatus(code: number): PaymentStatus | undefined {
  switch (code) {
    case LESSPAY_STATUS.PENDING_CONFIRM:
    case LESSPAY_STATUS.PENDING_PAY:
      return "processing";
    case LESSPAY_STATUS.SUCCEED:
    case LESSPAY_STATUS.PAID_AMOUNT_DIFFERS:
      return "succeeded";
    case LESSPAY_STATUS.FAILED:
    case LESSPAY_STATUS.CANCELED:
      return "failed";
    case LESSPAY_STATUS.CLOSED:
      return "expired";
    case LESSPAY_STATUS.REFUND:
      return "refunded";
    default:
      return undefined;
  }
}

/**
 * A stored card from `channel_biz_data`: its `card_token` only. Lesspay sends no brand, last four
 * or expiry [doc: seed 004, Token Acquisition]; the shop keeps those from what the shopper typed
 * (brand and last four of the payment), or shows them as unknown (a cashier payment).
 */
export function storedCardOf(data: z.infer<typeof channelBizData> | undefined): ProviderOutcome["storedCredential"] {
  if (!data?.card_token) return undefined;
  return { token: data.card_token };
}

/** Why an order that is not paid ended, in the shop's words (3 FAILED reads the [guess] `fail_reason`). */
export function failureOfStatus(
  code: number,
  reason: string | undefined,
): { code: string; message: string } | undefined {
  if (code === LESSPAY_STATUS.CANCELED)
    return { code: "canceled", message: "The payment was cancelled on Lesspay's page." };
  if (code === LESSPAY_STATUS.CLOSED)
    return { code: "closed", message: "The payment was closed before it was completed." };
  if (code === LESSPAY_STATUS.FAILED) return failureOf(reason);
  return undefined;
}

const MESSAGES: Record<string, string> = {
  "do not honor": "The card was declined by the issuing bank.",
  "insufficient funds": "Insufficient funds on the card.",
  "expired card": "The card has expired.",
};

export function failureOf(reason: string | undefined) {
  const text = reason?.trim() || "The payment failed.";
  return {
    code:
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_|_$/g, "") || "failed",
    message: MESSAGES[text.toLowerCase()] ?? (/3-?d/i.test(text) ? "3-D Secure authentication failed." : text),
  };
}
