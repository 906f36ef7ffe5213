import type { PaymentStatus } from "@/lib/payments/state";
import type { ProviderOutcome } from "@/lib/payments/types";
import type { AntomResult, PaymentResultInfo } from "./schemas";

/**
 * A pay result in the shop's terms: S is authorized (manual) or succeeded (automatic), F failed, U
 * waiting. [doc: seed 002] U / PAYMENT_IN_PROCESS comes with normalUrl, where the shopper is sent;
 * a U without one is not documented [guess]: the shop then waits (processing) for the notification
 * (PAYMENT_PENDING / PAYMENT_RESULT) or an inquiry rather than refusing the answer.
 */
export function payStatus(
  result: AntomResult,
  captureMode: "automatic" | "manual",
  hasRedirect: boolean,
): PaymentStatus {
  if (result.resultStatus === "S") return captureMode === "manual" ? "authorized" : "succeeded";
  if (result.resultStatus === "F") return "failed";
  return hasRedirect ? "requires_action" : "processing";
}

export function inquiryStatus(
  paymentStatus: string | undefined,
  captureMode: "automatic" | "manual",
  captured: boolean,
): PaymentStatus | undefined {
  switch (paymentStatus) {
    case "SUCCESS":
      return captureMode === "manual" && !captured ? "authorized" : "succeeded";
    case "FAIL":
      return "failed";
    case "CANCELLED":
      return "canceled";
    case "PROCESSING":
      return "processing";
    default:
      return undefined;
  }
}

const MESSAGES: Record<string, string> = {
  DO_NOT_HONOR: "The card was declined by the issuing bank.",
  USER_BALANCE_NOT_ENOUGH: "Insufficient funds on the card.",
  INVALID_EXPIRATION_DATE: "The card has expired.",
  AUTHENTICATION_FAILED: "3-D Secure authentication failed.",
  RISK_REJECT: "The payment was refused by the risk check.",
};

export function failureOf(result: { resultCode?: string; resultMessage?: string }) {
  const code = result.resultCode ?? "PROCESS_FAIL";
  return { code, message: MESSAGES[code] ?? result.resultMessage ?? "The payment failed." };
}

/** AVS, CVV and 3DS results as the operator sees them. */
export function checksOf(info: PaymentResultInfo | undefined): ProviderOutcome["checks"] {
  if (!info) return undefined;
  const three = info.threeDSResult;
  return {
    avs: info.avsResultRaw,
    cvv: info.cvvResultRaw,
    threeDs: three
      ? [three.threeDSVersion && `3DS ${three.threeDSVersion}`, three.eci && `ECI ${three.eci}`]
          .filter(Boolean)
          .join(", ") || "authenticated"
      : undefined,
  };
}

const BRAND_LABELS: Record<string, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMEX: "Amex",
  UNIONPAY: "UnionPay",
  JCB: "JCB",
  DISCOVER: "Discover",
};

export function storedCardOf(info: PaymentResultInfo | undefined): ProviderOutcome["storedCredential"] {
  if (!info?.cardToken) return undefined;
  const brand = info.cardBrand ? (BRAND_LABELS[info.cardBrand.toUpperCase()] ?? info.cardBrand) : undefined;
  return {
    token: info.cardToken,
    brand,
    last4: info.cardNo?.slice(-4),
    expiry: info.expiryMonth && info.expiryYear ? `${info.expiryMonth}/${info.expiryYear.slice(-2)}` : undefined,
  };
}
