import { z } from "zod";

/**
 * The Ping Payments API's shapes as its docs state them (PROVIDERS.md §3; seed 003 prints no
 * JSON), strict: a field the docs do not show is refused unless it is marked [guess] here. The
 * emulator's answers and status callbacks must parse with these (see its integration test).
 */

const id = z.string().min(1);
/** [doc] "a currency" (seed 003, create a payment order); ISO 4217 letters [guess]. */
const currency = z.string().regex(/^[A-Z]{3}$/);

/** [doc] `POST /api/v1/payment_orders` `{split_tree_id, currency}`. */
export const createPaymentOrderRequest = z.strictObject({ split_tree_id: id, currency });

/** [doc] its answer `{id}` (seed 003: "contains the payment_order_id"). */
export const paymentOrderCreated = z.strictObject({ id });

/** [doc] `POST .../payments` body; `email` in payer [guess]; `desired_payment_status` only with the sandbox's dummy provider [doc]. */
export const createPaymentRequest = z.strictObject({
  currency,
  total_amount: z.number().int().nonnegative(),
  method: z.enum(["card", "dummy"]),
  provider: z.enum(["payment_iq", "dummy"]),
  order_items: z
    .array(
      z.strictObject({
        amount: z.number().int().nonnegative(),
        name: z.string(),
        merchant_id: id,
        vat_rate: z.number(),
      }),
    )
    .min(1),
  payer: z.strictObject({ name: z.string(), email: z.string().optional() /* [guess] */ }),
  provider_method_parameters: z.strictObject({
    success_url: z.url().optional(),
    error_url: z.url().optional(),
    desired_payment_status: z.string().optional(),
  }),
  status_callback_url: z.url().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/**
 * [doc] its answer `{id, provider_method_response: {pay_url}}`. [guess] the sandbox's dummy
 * provider has no page to send the payer to: its `provider_method_response` has no pay_url.
 */
export const paymentCreated = z.strictObject({
  id,
  provider_method_response: z.strictObject({ pay_url: z.url().optional() }),
});

/** [doc] 403, 404, 422, 500 with `{"errors":[{"error":..,"description":..,"property":..}]}`; `property` null when none [guess]. */
export const errorsBody = z.strictObject({
  errors: z
    .array(z.strictObject({ error: z.string().min(1), description: z.string(), property: z.string().nullable() }))
    .min(1),
});
export type DocumentedError = z.infer<typeof errorsBody>["errors"][number];

/** [doc] PENDING and COMPLETED; [guess] INITIATED (waiting for the payer), DECLINED, CANCELLED, CRASHED. */
export const paymentStatus = z.enum(["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"]);

/** [doc] `GET /api/v1/payment_orders/{id}` exists; every field but `id` is [guess] (the docs print none). */
export const paymentOrderDetails = z.strictObject({
  id,
  split_tree_id: id, // [guess]
  currency, // [guess]
  status: z.enum(["OPEN", "CLOSED", "SPLIT", "SETTLED"]), // [guess]: open, then closed, split, settled (the PUTs)
});

/**
 * [doc] `GET /api/v1/payment_orders/{id}/payments/{payment_id}` exists; its fields are [guess]:
 * the status, why it failed, and the documented create body's fields echoed back.
 */
export const paymentDetails = z.strictObject({
  id,
  status: paymentStatus,
  status_reason: z.strictObject({ code: z.string(), description: z.string() }).nullable(), // [guess]
  currency, // [guess]
  total_amount: z.number().int().nonnegative(), // [guess]
  method: z.string(), // [guess]
  provider: z.string(), // [guess]
  order_items: z.array(
    z.strictObject({ amount: z.number().int().nonnegative(), name: z.string(), merchant_id: id, vat_rate: z.number() }),
  ), // [guess]
  metadata: z.record(z.string(), z.unknown()), // [guess]
});

/**
 * [guess for the body] the status callback posted to `status_callback_url`: "the payment id and
 * status" (PROVIDERS.md §3); `payment_order_id` is [guess].
 */
export const statusCallback = z.strictObject({ payment_id: id, payment_order_id: id, status: paymentStatus });
