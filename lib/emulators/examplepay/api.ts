import { randomUUID } from "node:crypto";
import { z } from "zod";
import { targetUrlError } from "../outbound-url";
import { enqueueNotification, type AckRule } from "../outbox";
import { examplePayAccount, NOTIFICATION_RETRY_SECONDS } from "./config";
import { EXAMPLEPAY_NOTIFICATION_SIGNER, notificationBody, type NotificationType } from "./notification";
import { verify } from "./signature";
import { findByReference, findPayment, savePayment, type ExamplePayment } from "./store";

/** ExamplePay's API [fixture: ./README.md]: signed JSON requests, signed JSON notifications. */

function error(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** The request's raw body if its merchant and signature are ExamplePay's account's, else the 401. */
async function authenticated(request: Request): Promise<string | Response> {
  const body = await request.text();
  const account = examplePayAccount();
  const merchantOk = request.headers.get("x-examplepay-merchant") === account.merchantId;
  if (!merchantOk || !verify(body, account.secret, request.headers.get("x-examplepay-signature")))
    return error(401, "unauthorized", "Unknown merchant or bad x-examplepay-signature.");
  return body;
}

/** The payment as the API shows it. */
function paymentView(payment: ExamplePayment) {
  return {
    id: payment.id,
    merchant_reference: payment.merchantReference,
    status: payment.status,
    amount: payment.amount,
    currency: payment.currency,
    refunded_amount: payment.refundedAmount,
  };
}

const url = z.url({ protocol: /^https?$/ });
const createBody = z.object({
  merchant_reference: z.string().min(1).max(100),
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  description: z.string().max(500).default(""),
  return_url: url,
  cancel_url: url,
  notification_url: url,
});

function parseJson<S extends z.ZodType>(schema: S, body: string): z.infer<S> | Response {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return error(400, "invalid_json", "The body is not JSON.");
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : error(400, "invalid_request", z.prettifyError(parsed.error));
}

export async function createPayment(request: Request): Promise<Response> {
  const body = await authenticated(request);
  if (body instanceof Response) return body;
  const input = parseJson(createBody, body);
  if (input instanceof Response) return input;
  for (const field of ["return_url", "cancel_url", "notification_url"] as const) {
    const refused = targetUrlError(input[field], field);
    if (refused) return error(400, "invalid_request", refused);
  }
  const payment = savePayment({
    id: `ep_${randomUUID()}`,
    merchantReference: input.merchant_reference,
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    returnUrl: input.return_url,
    cancelUrl: input.cancel_url,
    notificationUrl: input.notification_url,
    status: "pending",
    refundedAmount: 0,
  });
  const redirectUrl = new URL(`/emulators/examplepay/pay/${payment.id}`, request.url).toString();
  return Response.json({ ...paymentView(payment), redirect_url: redirectUrl }, { status: 201 });
}

export async function getPayment(request: Request, id: string): Promise<Response> {
  const body = await authenticated(request);
  if (body instanceof Response) return body;
  const payment = findPayment(id);
  return payment ? Response.json(paymentView(payment)) : error(404, "not_found", "No such payment.");
}

/** The inquiry by the merchant's own reference: it works when the create answer was lost. */
export async function findPaymentByReference(request: Request): Promise<Response> {
  const body = await authenticated(request);
  if (body instanceof Response) return body;
  const reference = new URL(request.url).searchParams.get("merchant_reference");
  const payment = reference ? findByReference(reference) : undefined;
  return payment ? Response.json(paymentView(payment)) : error(404, "not_found", "No such payment.");
}

const refundBody = z.object({ amount: z.number().int().positive(), refund_reference: z.string().min(1).max(100) });

export async function refundPayment(request: Request, id: string): Promise<Response> {
  const body = await authenticated(request);
  if (body instanceof Response) return body;
  const input = parseJson(refundBody, body);
  if (input instanceof Response) return input;
  const payment = findPayment(id);
  if (!payment) return error(404, "not_found", "No such payment.");
  if (payment.status !== "succeeded") return error(409, "not_refundable", `The payment is ${payment.status}.`);
  if (input.amount > payment.amount - payment.refundedAmount)
    return error(409, "amount_too_large", "More than is left to refund.");
  const refunded = savePayment({ ...payment, refundedAmount: payment.refundedAmount + input.amount });
  const refund = { id: `rf_${randomUUID()}`, amount: input.amount, currency: payment.currency };
  await notify(refunded, "refund.succeeded", refund);
  return Response.json({ ...refund, payment_id: payment.id, status: "succeeded" }, { status: 201 });
}

/** The shop's acknowledgement: a 2xx whose body is `{"received":true}` [fixture]. */
export const EXAMPLEPAY_ACKNOWLEDGEMENT: AckRule = {
  name: "examplepay_received",
  accepts(body) {
    try {
      return (JSON.parse(body ?? "") as { received?: unknown }).received === true;
    } catch {
      return false;
    }
  },
};

export async function notify(
  payment: ExamplePayment,
  type: NotificationType,
  refund?: { id: string; amount: number; currency: string },
): Promise<void> {
  const body = notificationBody(payment, type, refund);
  await enqueueNotification({
    provider: "examplepay",
    type,
    subject: payment.id,
    reference: payment.merchantReference,
    targetUrl: payment.notificationUrl,
    body,
    signer: EXAMPLEPAY_NOTIFICATION_SIGNER,
    retrySchedule: NOTIFICATION_RETRY_SECONDS,
    ackRule: EXAMPLEPAY_ACKNOWLEDGEMENT,
  });
}
