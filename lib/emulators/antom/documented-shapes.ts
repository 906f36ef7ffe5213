import { z } from "zod";

/**
 * The shapes Antom documents for what it sends (issue 13), strict: a field the docs do not show is
 * refused unless marked [guess] here. Sources: seed 002 (the pay answer and notifyPayment /
 * inquiryPayment samples, "Obtain authorization result") and PROVIDERS.md §2. The emulator's
 * answers and notifications must parse with these; so must the docs' own examples.
 */

/** [doc: seed 002] `result{resultCode, resultStatus, resultMessage}`, S / F / U. */
export const documentedResult = z.strictObject({
  resultCode: z.string().min(1),
  resultStatus: z.enum(["S", "F", "U"]),
  resultMessage: z.string(),
});

/** [doc: seed 002, PROVIDERS.md §2] an amount: `{currency, value}`, value a string of minor units. */
export const documentedAmount = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  value: z.string().regex(/^\d+$/),
});

/** [doc: seed 002 samples] ISO 8601 with an offset ("2021-11-12T01:27:50-08:00"). */
const antomTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

/** [doc: seed 002, notifyPayment sample] the 3DS result of an authenticated payment. */
const threeDSResult = z.strictObject({
  eci: z.string(),
  threeDSVersion: z.string(),
  caav: z.string(),
  dsTransactionId: z.string(),
});

export const documentedPaymentResultInfo = z.strictObject({
  avsResultRaw: z.string().optional(),
  cvvResultRaw: z.string().optional(),
  networkTransactionId: z.string().optional(),
  threeDSResult: threeDSResult.optional(),
  // [doc: PROVIDERS.md §2 "a card token when card-on-file was asked"; the field name is a guess]
  cardToken: z.string().optional(),
  // [guess] the brand and masked number of the card paid with (not in the docs' samples)
  cardBrand: z.string().optional(),
  cardNo: z
    .string()
    .regex(/^\d{6}\*+\d{4}$/, "a masked card number")
    .optional(),
});

/** [doc: seed 002 "Obtain authorization result"] the pay answer: S, F, or U with normalUrl. */
export const documentedPayAnswer = z
  .strictObject({
    result: documentedResult,
    paymentAmount: documentedAmount.optional(),
    paymentCreateTime: antomTime.optional(),
    paymentId: z.string().optional(),
    paymentRequestId: z.string().optional(),
    paymentResultInfo: documentedPaymentResultInfo.optional(),
    /** [doc: seed 002] U / PAYMENT_IN_PROCESS: the shopper is redirected here. */
    normalUrl: z.url().optional(),
  })
  .refine(
    (answer) =>
      answer.result.resultStatus !== "U" || (answer.result.resultCode === "PAYMENT_IN_PROCESS" && !!answer.normalUrl),
    {
      message: "U comes as PAYMENT_IN_PROCESS with normalUrl",
      path: ["normalUrl"],
    },
  )
  .refine((answer) => answer.result.resultStatus === "U" || !answer.normalUrl, {
    message: "normalUrl comes with U only",
    path: ["normalUrl"],
  });

/** An answer that is only Antom's refusal or result: `{result}` [doc: seed 002's result object]. */
export const documentedResultOnly = z.strictObject({ result: documentedResult });

/** [doc: PROVIDERS.md §2] the merchant's answer that stops the resending, exactly. */
export const documentedAck = z.strictObject({
  result: z.strictObject({
    resultCode: z.literal("SUCCESS"),
    resultStatus: z.literal("S"),
    resultMessage: z.literal("success"),
  }),
});

/** [doc: seed 002 table 3 + sample, "inquiryPayment: paymentStatus"] the inquiry's answer. */
export const documentedInquiryAnswer = z.strictObject({
  result: documentedResult,
  paymentStatus: z.enum(["SUCCESS", "FAIL", "PROCESSING", "CANCELLED"]),
  // [guess] the result of the payment itself (the inquiry's own `result` says the inquiry worked)
  paymentResultCode: z.string().optional(),
  paymentResultMessage: z.string().optional(),
  paymentRequestId: z.string(),
  paymentId: z.string(),
  paymentAmount: documentedAmount,
  paymentCreateTime: antomTime,
  paymentTime: antomTime.optional(),
  paymentResultInfo: documentedPaymentResultInfo.optional(),
  // [guess] the captures, refunds and cancels made on the payment
  transactions: z
    .array(
      z.strictObject({
        transactionType: z.enum(["CAPTURE", "REFUND", "CANCEL"]),
        transactionStatus: z.enum(["SUCCESS", "FAIL", "PROCESSING"]),
        transactionRequestId: z.string(),
        transactionAmount: documentedAmount,
        transactionId: z.string(),
        transactionTime: antomTime,
      }),
    )
    .optional(),
});

/** [guess: not in seed 002 or PROVIDERS.md] the answers of capture, refund and cancel. */
export const guessedCaptureAnswer = z.strictObject({
  result: documentedResult,
  captureRequestId: z.string(),
  captureId: z.string(),
  paymentId: z.string(),
  captureAmount: documentedAmount,
  captureTime: antomTime,
});
export const guessedRefundAnswer = z.strictObject({
  result: documentedResult,
  refundRequestId: z.string(),
  refundId: z.string(),
  paymentId: z.string(),
  refundAmount: documentedAmount,
  refundTime: antomTime,
});
export const guessedInquiryRefundAnswer = z.strictObject({
  result: documentedResult,
  refundStatus: z.enum(["SUCCESS", "FAIL", "PROCESSING"]),
  refundAmount: documentedAmount,
  refundId: z.string(),
  refundRequestId: z.string(),
  paymentId: z.string(),
  refundTime: antomTime,
});
export const guessedCancelAnswer = z.strictObject({
  result: documentedResult,
  paymentId: z.string(),
  paymentRequestId: z.string(),
  cancelTime: antomTime,
});

const paymentNotification = {
  result: documentedResult,
  paymentRequestId: z.string(),
  paymentId: z.string(),
  paymentAmount: documentedAmount,
  paymentCreateTime: antomTime,
};

/** [doc: seed 002 sample, PROVIDERS.md §2] notifyPayment, by notifyType. */
export const documentedNotification = z.discriminatedUnion("notifyType", [
  // [doc: seed 002] a final status only: S or F.
  z.strictObject({
    notifyType: z.literal("PAYMENT_RESULT"),
    ...paymentNotification,
    result: documentedResult.refine(
      (result) => result.resultStatus !== "U",
      "PAYMENT_RESULT is sent for a final status",
    ),
    paymentTime: antomTime,
    paymentResultInfo: documentedPaymentResultInfo.optional(),
  }),
  // [doc: PROVIDERS.md §2 notifyType PAYMENT_PENDING]: still in process; no paymentTime yet [guess].
  z.strictObject({
    notifyType: z.literal("PAYMENT_PENDING"),
    ...paymentNotification,
    result: documentedResult.refine((result) => result.resultStatus === "U", "PAYMENT_PENDING is U"),
  }),
  // [guess: PROVIDERS.md §2 "capture results as CAPTURE_RESULT [guess]"] the capture answer's fields.
  z.strictObject({
    notifyType: z.literal("CAPTURE_RESULT"),
    result: documentedResult,
    captureRequestId: z.string(),
    paymentId: z.string(),
    captureId: z.string(),
    captureAmount: documentedAmount,
    captureTime: antomTime,
  }),
  // [guess: undocumented] minimal: its status is `result`, then the ids and the amount.
  z.strictObject({
    notifyType: z.literal("REFUND_RESULT"),
    result: documentedResult,
    refundRequestId: z.string(),
    refundId: z.string(),
    paymentId: z.string(),
    refundAmount: documentedAmount,
  }),
]);

/** [doc: seed 002 "API call" sample] the part of a pay request the emulator insists on: a card authorization. */
export const documentedPayFactor = z.strictObject({
  isAuthorization: z.literal(true),
  captureMode: z.enum(["AUTOMATIC", "MANUAL"]).optional(),
});

/** What the emulator may answer to each API action: the action's documented (or guessed) answer, or `{result}` alone. */
export const documentedAnswerOf = {
  pay: documentedPayAnswer,
  capture: z.union([guessedCaptureAnswer, documentedResultOnly]),
  cancel: z.union([guessedCancelAnswer, documentedResultOnly]),
  refund: z.union([guessedRefundAnswer, documentedResultOnly]),
  inquiryPayment: z.union([documentedInquiryAnswer, documentedResultOnly]),
  inquiryRefund: z.union([guessedInquiryRefundAnswer, documentedResultOnly]),
} as const;
