import { z } from "zod";

/**
 * The shapes PingPongCheckout documents for its answers, notifications and errors (issue 13),
 * strict: a field the docs do not show is refused unless it is marked [guess] below. The
 * emulator's answers must parse with these (its integration tests check them), and so must the
 * documented examples in lib/providers/pingpong/fixtures.
 */

/** bizContent is a JSON-encoded string on the wire; some examples show an object [doc: PROVIDERS.md §1 Envelope]. */
function bizContentOf<T extends z.ZodType>(inner: T) {
  return z
    .union([
      z.string().transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "bizContent is not JSON" });
          return z.NEVER;
        }
      }),
      z.record(z.string(), z.unknown()),
    ])
    .pipe(inner);
}

/** "true"/"false" on the wire, or booleans [doc: §1 Response shows threeDContinue; its type is not stated]. */
const flag = z.union([z.boolean(), z.enum(["true", "false"])]);

/** Status values [doc: PROCESSING, FAILED, CLOSED; SUCCESS a guess]. */
export const documentedStatus = z.enum(["SUCCESS", "PROCESSING", "FAILED", "CLOSED"]);

/** The answer's and notification's result: code and description [doc: §1 Response; success "000000" a guess]. */
const result = { code: z.string().regex(/^\d{6}$/), description: z.string() };

/** What every answer, error and notification carries [doc: §1 Response]: who, the result, and the sign. */
const signedResult = {
  accId: z.string(),
  clientId: z.string(),
  ...result,
  sign: z.string(),
  signType: z.enum(["SHA256", "MD5"]),
};

/** A unifiedPay / transaction answer's bizContent [doc: §1 Response; seed 000 Local Payment for the APM fields]. */
export const documentedTransaction = z.strictObject({
  requestId: z.string(),
  merchantTransactionId: z.string(),
  /** Major units with six decimals, "100.000000" [doc]. */
  amount: z.string().regex(/^\d+\.\d{6}$/),
  transactionId: z.string(),
  status: documentedStatus,
  paymentMethod: z.strictObject({ type: z.string() }),
  threeDContinue: flag.optional(),
  /** Opaque: the plugin's own blob, nothing inside is documented [doc: §1 Card]. */
  threeDUnionParams: z.unknown().optional(),
  captureDelayHours: z.number().int().nonnegative().optional(),
  paymentQrCode: z.string().optional(),
  paymentRedirectUrl: z.string().optional(),
  /** [guess] the answer's currency (the docs list none; notifications need one to read the amount). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** [guess] when the QR code expires (epoch milliseconds). */
  qrCodeExpireTime: z.string().optional(),
  /** [guess] Transaction Query's refunded total (the query's answer is not published). */
  refundedAmount: z
    .string()
    .regex(/^\d+\.\d{6}$/)
    .optional(),
});

/** An answer envelope [doc: §1 Response]: `{accId, clientId, code, description, sign, signType, bizContent}`. */
function answerOf<T extends z.ZodType>(biz: T) {
  return z.strictObject({ ...signedResult, bizContent: bizContentOf(biz) });
}

export const documentedTransactionAnswer = answerOf(documentedTransaction);

/** A refusal: the answer envelope without bizContent [doc: §1 Response, decline code 301002]. */
export const documentedError = z.strictObject(signedResult);

/** The signing answer [doc: §1 One-click: bizContent{token (O), authUrl (O)}]. */
export const documentedBindAnswer = answerOf(
  z.strictObject({ token: z.string().optional(), authUrl: z.string().optional() }),
);

/** A notification envelope [doc: §1 Notifications: JSON POST signed like requests, so with `version`]. */
function notificationOf<T extends z.ZodType>(biz: T) {
  return z.strictObject({ ...signedResult, version: z.literal("1.0"), bizContent: bizContentOf(biz) });
}

/** A payment notification: the transaction's fields, plus [guess] fields the docs do not show. */
export const documentedPaymentNotification = notificationOf(
  documentedTransaction.extend({
    /** [guess] which event: the docs only name the CLOSED result to closeNotificationUrl. */
    notifyType: z.enum(["PAYMENT", "REFUND", "VOID", "CLOSE"]).optional(),
    /** [guess] refund and void notifications' ids and refunded amount. */
    refundId: z.string().optional(),
    voidId: z.string().optional(),
    refundAmount: z
      .string()
      .regex(/^\d+\.\d{6}$/)
      .optional(),
  }),
);

/**
 * The signing / unbinding notification: its body is not published [guess, PROVIDERS.md §1
 * One-click], except that it delivers the token (seed 001). Every field here is our guess.
 */
export const guessedBindingNotification = notificationOf(
  z.strictObject({
    notifyType: z.enum(["SIGN", "UNBIND"]),
    requestId: z.string(),
    merchantUserId: z.string(),
    token: z.string(),
    paymentMethod: z.strictObject({ type: z.string() }),
    status: z.enum(["SUCCESS", "FAILED"]),
    unbindSource: z.enum(["MERCHANT", "WALLET"]).optional(),
  }),
);
