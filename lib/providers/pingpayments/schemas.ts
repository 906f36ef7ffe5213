import { z } from "zod";

/** Wire shapes of the Ping Payments API (api/v1), as the shop reads them. */

export const paymentOrderCreated = z.object({ id: z.string().min(1) });

export const paymentCreated = z.object({
  id: z.string().min(1),
  provider_method_response: z.object({ pay_url: z.url() }).loose(),
});

export const pingPaymentStatus = z.enum(["INITIATED", "PENDING", "COMPLETED", "DECLINED", "CANCELLED", "CRASHED"]);
export type PingPaymentStatus = z.infer<typeof pingPaymentStatus>;

/** `GET /api/v1/payment_orders/{order_id}/payments/{payment_id}` */
export const paymentDetails = z
  .object({
    id: z.string(),
    status: pingPaymentStatus,
    currency: z.string().length(3),
    total_amount: z.number().int().nonnegative(),
    method: z.string().optional(),
    provider: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    status_reason: z.object({ code: z.string(), description: z.string() }).nullish(),
  })
  .loose();
export type PaymentDetails = z.infer<typeof paymentDetails>;

/**
 * `GET /api/v1/payment_orders/{order_id}` [doc: the endpoint]: the shop reads only its `id` (the
 * fields of its answer are not documented; the docs show no list of the order's payments).
 */
export const paymentOrderDetails = z.object({ id: z.string().min(1) }).loose();

/**
 * The status callback body: "the payment id and status" [doc: PROVIDERS.md §3, the body's shape is
 * a guess]. `payment_order_id` is read where it is sent [guess], not required: the shop's own
 * callback URL names the order too. The shop believes only its confirming GET.
 */
export const statusCallback = z
  .object({
    payment_id: z.string().min(1),
    payment_order_id: z.string().min(1).optional(),
    status: z.string().optional(),
  })
  .loose();

/** [doc] `{"errors":[{"error":..,"description":..,"property":..}]}`; description and property may be absent [tolerant]. */
export const errorBody = z.object({
  errors: z.array(
    z.object({ error: z.string(), description: z.string().nullish(), property: z.string().nullish() }).loose(),
  ),
});

/** The documented errors body as one line for the event log, and its error codes; undefined for another shape. */
export function readErrors(json: unknown): { codes: string[]; detail: string } | undefined {
  const parsed = errorBody.safeParse(json);
  if (!parsed.success) return undefined;
  const errors = parsed.data.errors;
  return {
    codes: errors.map((e) => e.error),
    detail: errors.map((e) => `${e.error}${e.property ? ` (${e.property})` : ""}: ${e.description ?? ""}`).join("; "),
  };
}
