import { z } from "zod";

/** Wire shapes of the Lesspay 2.0 gateway (api/global/v1/pay) as the shop reads them: tolerant, only what it needs. */

/** create-order's answer [doc: seed 004, Create Order Endpoint, Response Example]; `payData`/`payDataType` absent = no 3DS. */
export const createOrderAnswer = z.object({
  code: z.number(),
  msg: z.string().optional(),
  data: z
    .object({
      order_data: z
        .object({
          payOrderId: z.string(),
          payData: z.string().optional(),
          payDataType: z.string().optional(),
          orderState: z.number().optional(),
        })
        .loose(),
      pay_order_id: z.string().optional(),
    })
    .loose()
    .nullish(),
});

/**
 * The callback's `channel_biz_data` [doc: seed 004, Token Acquisition]: `card_token`, `issuer`,
 * `issuer_country`, and nothing about the card itself (no brand, last four or expiry: the shop
 * takes those from what the shopper typed, or shows them as unknown). All optional: it is there
 * only when the card was stored.
 */
export const channelBizData = z
  .object({ card_token: z.string().optional(), issuer: z.string().optional(), issuer_country: z.string().optional() })
  .loose();

/** A payment callback [doc: seed 004, Webhook; `fail_reason` [guess]: not documented, read when present]. */
export const paymentCallback = z
  .object({
    order_status: z.string().optional(),
    order_status_int: z.coerce.number(),
    pay_order_id: z.string(),
    request_id: z.string(),
    target_amount: z.string(),
    target_currency: z.string(),
    fail_reason: z.string().optional(),
    channel_biz_data: channelBizData.optional(),
  })
  .loose();

/** query-order's envelope [doc: PROVIDERS.md §4, codes]; what `data` holds is not documented (see `orderOfQuery`). */
export const queryAnswer = z
  .object({ code: z.number(), msg: z.string().optional(), data: z.unknown().optional() })
  .loose();

/** An order as the callback writes it (snake_case) [doc: seed 004, Webhook]; only the id and status are needed. */
const snakeOrder = z
  .object({
    pay_order_id: z.string(),
    order_status_int: z.coerce.number(),
    target_amount: z.string().optional(),
    target_currency: z.string().optional(),
    fail_reason: z.string().optional(),
    channel_biz_data: channelBizData.optional(),
  })
  .loose();

/** An order as create-order's `order_data` writes it (camelCase) [doc: seed 004, Response Example]: no amount in it. */
const camelOrder = z.object({ payOrderId: z.string(), orderState: z.coerce.number() }).loose();

/** What the shop reads of an order, whichever documented shape it came in. */
export interface LesspayOrderView {
  payOrderId: string;
  statusInt: number;
  amount?: string;
  currency?: string;
  failReason?: string;
  channelBizData?: z.infer<typeof channelBizData>;
}

/**
 * Reads query-order's `data` tolerantly [guess: Lesspay does not document it]: the callback's
 * snake_case order (`pay_order_id`, `order_status_int`, ...), or create-order's camelCase
 * `order_data` (`payOrderId`, `orderState`), either at `data` or at `data.order_data`. Undefined
 * when it is neither: the shop then waits for the callback.
 */
export function orderOfQuery(data: unknown): LesspayOrderView | undefined {
  const nested =
    data && typeof data === "object" && "order_data" in data ? (data as { order_data: unknown }).order_data : undefined;
  for (const candidate of [data, nested]) {
    const snake = snakeOrder.safeParse(candidate);
    if (snake.success) {
      const order = snake.data;
      return {
        payOrderId: order.pay_order_id,
        statusInt: order.order_status_int,
        amount: order.target_amount,
        currency: order.target_currency,
        failReason: order.fail_reason,
        channelBizData: order.channel_biz_data,
      };
    }
    const camel = camelOrder.safeParse(candidate);
    if (camel.success) return { payOrderId: camel.data.payOrderId, statusInt: camel.data.orderState };
  }
  return undefined;
}

export const riskEvent = z
  .object({
    event: z.enum(["payment_declined", "dispute_received"]),
    pay_order_id: z.string(),
    request_id: z.string().optional(),
    target_amount: z.string().optional(),
    target_currency: z.string().optional(),
    reason: z.string().optional(),
  })
  .loose();
