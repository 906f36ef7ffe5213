import { z } from "zod";

/** Wire shapes of ExamplePay's API and notifications [fixture: lib/emulators/examplepay/README.md]. */

export const examplePayStatus = z.enum(["pending", "succeeded", "failed"]);

const money = { amount: z.number().int().nonnegative(), currency: z.string().length(3) };

export const paymentView = z
  .object({ id: z.string().min(1), merchant_reference: z.string(), status: examplePayStatus, ...money })
  .loose();

export const paymentCreated = paymentView.extend({ redirect_url: z.url() });

export const refundCreated = z.object({ id: z.string().min(1), ...money, status: z.literal("succeeded") }).loose();

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

export const notification = z.object({
  id: z.string().min(1),
  type: z.enum(["payment.succeeded", "payment.failed", "refund.succeeded"]),
  payment: paymentView,
  refund: z.object({ id: z.string().min(1), ...money }).optional(),
});
