import { z } from "zod";

/** Wire shapes of PingPongCheckout v4 as the shop reads them. */

export const pingPongStatus = z.enum(["SUCCESS", "PROCESSING", "FAILED", "CLOSED"]);
export type PingPongStatus = z.infer<typeof pingPongStatus>;

/** `"true"`/`"false"` strings on the wire (booleans accepted too). */
const flag = z.union([z.boolean(), z.enum(["true", "false"])]).transform((value) => value === true || value === "true");

export const envelope = z
  .object({
    accId: z.string(),
    clientId: z.string().optional(),
    code: z.string().optional(),
    description: z.string().optional(),
    sign: z.string().optional(),
    signType: z.string().optional(),
    bizContent: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  })
  .loose();
export type Envelope = z.infer<typeof envelope>;

export const transaction = z
  .object({
    requestId: z.string().optional(),
    merchantTransactionId: z.string().optional(),
    transactionId: z.string(),
    amount: z.union([z.string(), z.number()]).transform(String),
    currency: z.string().length(3).optional(),
    status: pingPongStatus,
    paymentMethod: z.object({ type: z.string() }).loose().optional(),
    captureDelayHours: z.coerce.number().optional(),
    threeDContinue: flag.optional(),
    /** The risk plugin's opaque blob [doc: seed 000 step 8]: passed to complexTrigger as it came, never read. */
    threeDUnionParams: z.unknown().optional(),
    paymentQrCode: z.string().optional(),
    qrCodeExpireTime: z.union([z.string(), z.number()]).optional(),
    paymentRedirectUrl: z.string().optional(),
  })
  .loose();
export type Transaction = z.infer<typeof transaction>;

export const refundAnswer = z.object({ refundId: z.string(), transactionId: z.string(), status: pingPongStatus }).loose();
export const voidAnswer = z.object({ voidId: z.string(), transactionId: z.string(), status: pingPongStatus }).loose();

export const notification = transaction.extend({
  notifyType: z.enum(["PAYMENT", "REFUND", "VOID", "CLOSE"]).default("PAYMENT"),
  currency: z.string().length(3),
  refundId: z.string().optional(),
  refundAmount: z.union([z.string(), z.number()]).transform(String).optional(),
  voidId: z.string().optional(),
});
export type PingPongNotification = z.infer<typeof notification>;

/** One-click: the signing result and unbinding (by the merchant or in the wallet). */
export const bindingNotification = z
  .object({
    notifyType: z.enum(["SIGN", "UNBIND"]),
    requestId: z.string().optional(),
    merchantUserId: z.string(),
    token: z.string(),
    paymentMethod: z.object({ type: z.string() }).loose().optional(),
    status: z.enum(["SUCCESS", "FAILED"]),
    unbindSource: z.enum(["MERCHANT", "WALLET"]).optional(),
  })
  .loose();

/** bizContent arrives as a JSON string (some examples show an object). */
export function parseBizContent(value: Envelope["bizContent"]): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
