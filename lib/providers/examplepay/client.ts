import "server-only";
import { z } from "zod";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { errorBody, paymentCreated, paymentView, refundCreated } from "./schemas";
import { EXAMPLEPAY_SECRET_FIELDS, examplePaySettings } from "./settings";
import { examplePaySign } from "./signature";

/** ExamplePay's API [fixture]: signed JSON; every call comes back with its redacted record for the event log. */
async function call<S extends z.ZodType>(
  method: "GET" | "POST",
  path: string,
  schema: S,
  body?: unknown,
): Promise<{ data: z.infer<S>; call: ApiCallRecord }> {
  const env = examplePaySettings();
  const text = body === undefined ? "" : JSON.stringify(body);
  const answer = await sendProviderRequest({
    secretFields: EXAMPLEPAY_SECRET_FIELDS,
    method,
    url: `${env.EXAMPLEPAY_BASE_URL}${path}`,
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-examplepay-merchant": env.EXAMPLEPAY_MERCHANT_ID,
      "x-examplepay-signature": examplePaySign(text, env.EXAMPLEPAY_SECRET),
    },
    body: body === undefined ? undefined : text,
  });
  if (answer.unreadable) throw unknownAnswer(`ExamplePay ${method} ${path}: ${describeAnswer(answer)}`, [answer.call]);
  if (answer.status < 200 || answer.status >= 300) {
    // A 4xx: ExamplePay refused the request (its error body); nothing was made.
    const refusal = errorBody.safeParse(answer.json);
    throw new ProviderError(
      `ExamplePay ${method} ${path} failed: ${refusal.success ? refusal.data.error.code : describeAnswer(answer)}`,
      [answer.call],
      answer.status === 404 ? "not_found" : "provider_error",
    );
  }
  const parsed = schema.safeParse(answer.json);
  if (!parsed.success) throw unknownAnswer(`ExamplePay ${method} ${path} answered an unexpected shape`, [answer.call]);
  return { data: parsed.data, call: answer.call };
}

export const examplePayApi = {
  createPayment: (body: {
    merchant_reference: string;
    amount: number;
    currency: string;
    description: string;
    return_url: string;
    cancel_url: string;
    notification_url: string;
  }) => call("POST", "/v1/payments", paymentCreated, body),
  /** By our own reference: it finds the payment even when the create answer was lost. */
  findPayment: (merchantReference: string) =>
    call("GET", `/v1/payments?merchant_reference=${encodeURIComponent(merchantReference)}`, paymentView),
  refund: (paymentId: string, body: { amount: number; refund_reference: string }) =>
    call("POST", `/v1/payments/${encodeURIComponent(paymentId)}/refunds`, refundCreated, body),
};
