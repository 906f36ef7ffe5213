import { devKey, type DevKeyStore } from "@/lib/dev-keys";
import type { AckRule } from "../outbox";

/** The Antom emulator's own settings (it reads its env, never the shop's). */
export function antomSettings() {
  return {
    clientId: process.env.EMULATOR_ANTOM_CLIENT_ID || "SANDBOX_2026STOREFRONT01",
    /** Shown on the 3DS page. */
    merchantName: process.env.EMULATOR_ANTOM_MERCHANT_NAME || "Merchant Storefront",
  };
}

/** The development key pairs the emulator shares with the merchant on a laptop (its "dashboard"). */
export const ANTOM_DEV_KEYS: DevKeyStore = {
  dirVariable: "ANTOM_KEYS_DIR",
  defaultDir: "data/antom",
  pairs: ["merchant", "antom"],
};

/** Antom's private key: signs answers and notifications. */
export const antomPrivateKey = () => devKey(ANTOM_DEV_KEYS, "antom", "private", "EMULATOR_ANTOM_PRIVATE_KEY");
/** The merchant's public key, as uploaded to the Antom dashboard: verifies requests. */
export const merchantPublicKey = () =>
  devKey(ANTOM_DEV_KEYS, "merchant", "public", "EMULATOR_ANTOM_MERCHANT_PUBLIC_KEY");

/** Where the emulator is mounted; the signed path never includes it. */
export const BASE_PATH = "/emulators/antom";

export const API_ACTIONS = ["pay", "capture", "cancel", "refund", "inquiryPayment", "inquiryRefund"] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

export interface ResultInfo {
  resultCode: string;
  resultStatus: "S" | "F" | "U";
  resultMessage: string;
}

const ok = (resultCode: string, resultMessage: string): ResultInfo => ({
  resultCode,
  resultStatus: "S",
  resultMessage,
});
const failed = (resultCode: string, resultMessage: string): ResultInfo => ({
  resultCode,
  resultStatus: "F",
  resultMessage,
});

/** Result codes [doc: Antom's result code tables]; messages are the emulator's. */
export const RESULTS = {
  success: ok("SUCCESS", "success"),
  inProcess: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "payment in process" } as ResultInfo,
  invalidClient: failed("INVALID_CLIENT", "The client is invalid."),
  invalidSignature: failed("INVALID_SIGNATURE", "The signature is invalid."),
  paramIllegal: failed("PARAM_ILLEGAL", "Illegal parameters."),
  repeatInconsistent: failed("REPEAT_REQ_INCONSISTENT", "The request id was used before with different content."),
  orderNotExist: failed("ORDER_NOT_EXIST", "The order does not exist."),
  captureExceeds: failed("CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", "The capture amount exceeds the authorized amount."),
  refundExceeds: failed("REFUND_AMOUNT_EXCEED", "The refund amount exceeds the refundable amount."),
  orderStatusInvalid: failed("ORDER_STATUS_INVALID", "The order status does not allow this operation."),
  invalidPaymentMethod: failed("INVALID_PAYMENT_METHOD_META_DATA", "paymentMethodId is not a valid card token"),
  doNotHonor: failed("DO_NOT_HONOR", "Do not honor"),
  insufficientFunds: failed("USER_BALANCE_NOT_ENOUGH", "Insufficient funds"),
  expiredCard: failed("INVALID_EXPIRATION_DATE", "The card has expired"),
  authenticationFailed: failed("AUTHENTICATION_FAILED", "3-D Secure authentication failed"),
} as const;

export const DECLINE_RESULTS = {
  generic: RESULTS.doNotHonor,
  insufficient_funds: RESULTS.insufficientFunds,
  expired_card: RESULTS.expiredCard,
} as const;

/** The answer that acknowledges a notification [seed 002 + doc]. */
export const NOTIFICATION_ACK = {
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
} as const;

/**
 * Antom resends until the merchant answers a 2xx whose JSON body has `result.resultCode ===
 * "SUCCESS"` and `result.resultStatus === "S"` [doc: PROVIDERS.md §2] (NOTIFICATION_ACK).
 */
export const ANTOM_ACKNOWLEDGEMENT: AckRule = {
  name: "antom_result_s",
  accepts(body) {
    try {
      const parsed: unknown = JSON.parse(body ?? "");
      const result = parsed && typeof parsed === "object" ? (parsed as { result?: unknown }).result : undefined;
      if (!result || typeof result !== "object") return false;
      const { resultCode, resultStatus } = result as { resultCode?: unknown; resultStatus?: unknown };
      return resultCode === "SUCCESS" && resultStatus === "S";
    } catch {
      return false;
    }
  },
};

/**
 * Waits after each failed notification attempt, in seconds: the first attempt is immediate, then
 * 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h (8 attempts in 24 h) [doc, other notifications].
 */
export const NOTIFICATION_RETRY_SECONDS = [120, 600, 600, 3600, 7200, 21600, 54000] as const;

/** How long a PROCESSING payment (test card ...0119) waits before it settles as SUCCESS. */
export const PENDING_SETTLES_AFTER_SECONDS = 120;

/** How late a "late" notification is sent [the project's]. */
export const LATE_NOTIFICATION_SECONDS = 120;

/** Antom's own test rows: AVS / CVV results [the project's]. */
export const AVS_NO_MATCH_ZIP = "00000";
export const CVV_NO_MATCH = "000";

/** The 3DS result a passed challenge reports [guess: ECI 05 (Visa, fully authenticated), 3DS 2.2.0]. */
export const CHALLENGE_ECI = "05";
export const THREE_DS_VERSION = "2.2.0";

/** Brand names as Antom writes them in paymentResultInfo.cardBrand. */
export function antomBrand(brand: string): string {
  return (
    (
      { Visa: "VISA", Mastercard: "MASTERCARD", Amex: "AMEX", UnionPay: "UNIONPAY", JCB: "JCB" } as Record<
        string,
        string
      >
    )[brand] ?? brand.toUpperCase()
  );
}
