import { z } from "zod";

/** Wire shapes of the Lesspay 2.0 gateway (api/global/v1/pay) as the shop reads them. */

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

export const channelBizData = z
  .object({
    card_token: z.string().optional(),
    card_brand: z.string().optional(),
    card_last4: z.string().optional(),
    card_expiry_month: z.union([z.string(), z.number()]).optional(),
    card_expiry_year: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

export const queryAnswer = z.object({
  code: z.number(),
  msg: z.string().optional(),
  data: z
    .object({ pay_order_id: z.string(), order_status_int: z.number(), target_amount: z.string(), target_currency: z.string(), fail_reason: z.string().optional(), channel_biz_data: channelBizData.optional() })
    .loose()
    .nullish(),
});

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

export const riskEvent = z
  .object({ event: z.enum(["payment_declined", "dispute_received"]), pay_order_id: z.string(), request_id: z.string().optional(), target_amount: z.string().optional(), target_currency: z.string().optional(), reason: z.string().optional() })
  .loose();
