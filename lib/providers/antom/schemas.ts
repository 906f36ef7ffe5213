import { z } from "zod";

/** Wire shapes of Antom's payments API (ams/api/v1) as the shop reads them. */

export const result = z
  .object({ resultCode: z.string(), resultStatus: z.enum(["S", "F", "U"]), resultMessage: z.string().optional() })
  .loose();
export type AntomResult = z.infer<typeof result>;

export const amount = z.object({ currency: z.string().length(3), value: z.string().regex(/^\d+$/) });

export const paymentResultInfo = z
  .object({
    avsResultRaw: z.string().optional(),
    cvvResultRaw: z.string().optional(),
    networkTransactionId: z.string().optional(),
    cardBrand: z.string().optional(),
    cardNo: z.string().optional(),
    cardToken: z.string().optional(),
    expiryMonth: z.string().optional(),
    expiryYear: z.string().optional(),
    threeDSResult: z
      .object({
        eci: z.string().optional(),
        threeDSVersion: z.string().optional(),
        caav: z.string().optional(),
        dsTransactionId: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type PaymentResultInfo = z.infer<typeof paymentResultInfo>;

export const payAnswer = z
  .object({
    result,
    paymentId: z.string().optional(),
    paymentRequestId: z.string().optional(),
    paymentAmount: amount.optional(),
    normalUrl: z.string().optional(),
    paymentResultInfo: paymentResultInfo.optional(),
  })
  .loose();

export const captureAnswer = z
  .object({ result, captureId: z.string().optional(), captureAmount: amount.optional() })
  .loose();
export const refundAnswer = z
  .object({ result, refundId: z.string().optional(), refundAmount: amount.optional() })
  .loose();
export const cancelAnswer = z.object({ result }).loose();

export const inquiryAnswer = z
  .object({
    result,
    paymentStatus: z.enum(["SUCCESS", "FAIL", "PROCESSING", "CANCELLED"]).optional(),
    paymentResultCode: z.string().optional(),
    paymentResultMessage: z.string().optional(),
    paymentId: z.string().optional(),
    paymentAmount: amount.optional(),
    paymentResultInfo: paymentResultInfo.optional(),
    transactions: z
      .array(
        z
          .object({
            transactionType: z.string(),
            transactionStatus: z.string().optional(),
            transactionAmount: amount.optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();

export const notification = z.discriminatedUnion("notifyType", [
  z
    .object({
      notifyType: z.literal("PAYMENT_RESULT"),
      result,
      paymentRequestId: z.string(),
      paymentId: z.string(),
      paymentAmount: amount,
      paymentResultInfo: paymentResultInfo.optional(),
    })
    .loose(),
  z
    .object({
      notifyType: z.literal("PAYMENT_PENDING"),
      result,
      paymentRequestId: z.string(),
      paymentId: z.string(),
      paymentAmount: amount,
    })
    .loose(),
  z
    .object({
      notifyType: z.literal("CAPTURE_RESULT"),
      result,
      paymentId: z.string(),
      captureId: z.string().optional(),
      captureRequestId: z.string().optional(),
      captureAmount: amount,
    })
    .loose(),
  z
    .object({
      notifyType: z.literal("REFUND_RESULT"),
      result,
      paymentId: z.string(),
      refundId: z.string().optional(),
      refundRequestId: z.string().optional(),
      refundAmount: amount,
    })
    .loose(),
]);
export type AntomNotification = z.infer<typeof notification>;
