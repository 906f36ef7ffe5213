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

export const refundAnswer = z
  .object({ refundId: z.string(), transactionId: z.string(), status: pingPongStatus })
  .loose();
export const voidAnswer = z.object({ voidId: z.string(), transactionId: z.string(), status: pingPongStatus }).loose();

export const notification = transaction.extend({
  notifyType: z.enum(["PAYMENT", "REFUND", "VOID", "CLOSE"]).default("PAYMENT"),
  currency: z.string().length(3),
  refundId: z.string().optional(),
  refundAmount: z.union([z.string(), z.number()]).transform(String).optional(),
  voidId: z.string().optional(),
});
export type PingPongNotification = z.infer<typeof notification>;

/**
 * One-click: the signing result and unbinding (by the merchant or in the wallet). The body is not
 * published [guess, PROVIDERS.md §1 One-click]; seed 001 only says the signing notification
 * delivers the token. So every field is optional and read tolerantly: the binding is named by
 * whichever of token / requestId (the bind's) it carries, and the event by notifyType / status.
 * A body with a transactionId is a payment notification, never this.
 */
export const bindingNotification = z
  .object({
    notifyType: z.string().optional(),
    requestId: z.string().optional(),
    merchantUserId: z.string().optional(),
    token: z.string().optional(),
    paymentMethod: z.object({ type: z.string() }).loose().optional(),
    status: z.string().optional(),
    unbindSource: z.string().optional(),
    transactionId: z.undefined().optional(),
  })
  .loose();
export type BindingNotification = z.infer<typeof bindingNotification>;

/**
 * The signing answer [doc: §1 One-click, bizContent{token (O), authUrl (O)}]: the shop needs the
 * authUrl to send the shopper on; the token is optional (it also comes with the signing
 * notification), and other fields are ignored.
 */
export const bindAnswer = z.object({ token: z.string().min(1).optional(), authUrl: z.string().url() }).loose();

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
