import { z } from "zod";

/**
 * The shapes Lesspay documents for what it sends (seed 004 and PROVIDERS.md §4), strict: a field
 * the docs do not show is refused here unless marked [guess]. The emulator's answers and callbacks
 * must parse with these (issue 13), so it never teaches the shop to need an invented field.
 */

const decimalString = z.string().regex(/^\d+(\.\d+)?$/);

/** create-order's `order_data` [doc: seed 004, Response Examples]; `payData`/`payDataType` only with a page to go to. */
export const orderData = z.strictObject({
  payOrderId: z.string(),
  payOrderDetailId: z.string(),
  payOrderDetailIdEncode: z.string(),
  mchOrderNo: z.string(),
  payOrderDetailState: z.number().int(),
  orderState: z.number().int(),
  payData: z.string().optional(),
  payDataType: z.literal("payurl").optional(),
});

/** create-order's answer [doc: seed 004, Response Examples]. */
export const createOrderAnswer = z.strictObject({
  code: z.literal(0),
  msg: z.literal("SUCCESS"),
  data: z.strictObject({ order_data: orderData, pay_order_id: z.string() }),
});

const ERROR_CODES: readonly number[] = [10, 11, 12, 1201, 1202, 5000, 5002, 5003, 5004, 9999];

/** An error answer: the envelope's `code` and `msg` without `data` [doc: PROVIDERS.md §4 codes; the envelope of seed 004's answers]. */
export const errorAnswer = z.strictObject({
  code: z.number().refine((code) => ERROR_CODES.includes(code), "not a documented error code"),
  msg: z.string(),
});

/** HTTP 401 for a bad signature [doc: PROVIDERS.md §4]; its body `{code: 401, msg}` [guess]. */
export const unauthorizedAnswer = z.strictObject({ code: z.literal(401), msg: z.string() });

/** channel_biz_data [doc: seed 004, Token Acquisition]: the token and its issuer, nothing about the card. */
export const channelBizData = z.strictObject({
  card_token: z.string(),
  issuer: z.string(),
  issuer_country: z.string(),
});

/** Order status ints and names [doc: PROVIDERS.md §4 order status]. */
const ORDER_STATUS_NAMES = [
  "PENDING_CONFIRM",
  "PENDING_PAY",
  "SUCCEED",
  "FAILED",
  "CANCELED",
  "REFUND",
  "CLOSED",
  "PAID",
] as const;
const ORDER_STATUS_INTS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 12];
const orderStatusInt = z.number().refine((value) => ORDER_STATUS_INTS.includes(value), "not a documented order status");

/** The order fields of a callback [doc: seed 004, Webhook and Callback Parameters]. */
const orderFields = {
  order_status: z.enum(ORDER_STATUS_NAMES),
  order_status_int: orderStatusInt,
  pay_order_id: z.string(),
  request_id: z.string(),
  target_amount: decimalString,
  target_currency: z.string().regex(/^[A-Z]{3}$/),
  channel_biz_data: channelBizData.optional(),
  // [guess] Why a FAILED order failed: not documented; the shop reads it only when present.
  fail_reason: z.string().optional(),
};

/** A payment callback [doc: seed 004, Webhook]; `msg` [guess] repeats `fail_reason` in a FAILED one. */
export const paymentCallback = z.strictObject({
  api_version: z.literal("V2"),
  description: z.string(),
  fail_url: z.string(),
  success_url: z.string(),
  product_name: z.string(),
  ...orderFields,
  msg: z.string().optional(),
});

/** A risk event on notify_url [doc: PROVIDERS.md §4 names `event`; the other fields are a guess]. */
export const riskEvent = z.strictObject({
  event: z.enum(["payment_declined", "dispute_received"]),
  pay_order_id: z.string(),
  // [guess] below: not documented.
  request_id: z.string(),
  target_amount: decimalString,
  target_currency: z.string(),
  reason: z.string(),
});

/**
 * query-order's answer [guess: its `data` is not documented; the emulator answers the callback's
 * order fields, one of the two documented shapes of an order].
 */
export const queryOrderAnswer = z.strictObject({
  code: z.literal(0),
  msg: z.literal("SUCCESS"),
  data: z.strictObject(orderFields),
});

/** create-order's request as seed 004's parameter tables list it (Cashier, Direct Card, Token Payment). */
const commonRequest = {
  target_amount: decimalString,
  target_currency: z.string(),
  transaction_type: z.literal("PAY_IN"),
  notify_url: z.string(),
  request_id: z.string().max(20),
  fail_url: z.string(),
  success_url: z.string(),
  product_name: z.string(),
  description: z.string(),
  way_type: z.literal("CARD_PAYMENT"),
  api_version: z.literal("V2"),
};
export const createOrderRequest = z.union([
  z.strictObject({ ...commonRequest, pay_access_type: z.literal(1) }),
  z.strictObject({
    ...commonRequest,
    pay_access_type: z.literal(2),
    channel_extra: z.union([
      z.strictObject({
        extra_type: z.literal("card"),
        card_data: z.strictObject({
          number: z.string(),
          expiry_month: z.number().int(),
          expiry_year: z.number().int(),
          cvv: z.string(),
          store_for_future_use: z.boolean().optional(),
        }),
      }),
      z.strictObject({ extra_type: z.literal("token"), token_data: z.strictObject({ token: z.string() }) }),
    ]),
  }),
]);
