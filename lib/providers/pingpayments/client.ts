import "server-only";
import { z } from "zod";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { errorBody, paymentCreated, paymentDetails, paymentOrderCreated, paymentOrderDetails } from "./schemas";

export interface PingPaymentsCredentials {
  baseUrl: string;
  tenantId: string;
  apiSecret: string;
}

export interface CreatePaymentBody {
  currency: string;
  total_amount: number;
  method: "card";
  provider: "payment_iq";
  order_items: { amount: number; name: string; merchant_id: string; vat_rate: number }[];
  payer: { name: string; email?: string };
  provider_method_parameters: { success_url: string; error_url: string };
  status_callback_url: string;
  metadata?: Record<string, string>;
}

/**
 * HTTP client for the Ping Payments API (api/v1). Authenticates with the `tenant_id` and
 * `x-api-secret` headers; every call is returned with its redacted record for the event log.
 */
export class PingPaymentsClient {
  constructor(private readonly credentials: PingPaymentsCredentials) {}

  private async call<S extends z.ZodType>(
    method: "GET" | "POST" | "PUT",
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<{ data: z.infer<S>; call: ApiCallRecord }> {
    const answer = await sendProviderRequest({
      method,
      url: `${this.credentials.baseUrl}/api/v1${path}`,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        tenant_id: this.credentials.tenantId,
        "x-api-secret": this.credentials.apiSecret,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (answer.unreadable) throw unknownAnswer(`Ping Payments ${method} ${path}: ${describeAnswer(answer)}`, [answer.call]);
    if (answer.status < 200 || answer.status >= 300) {
      // A 4xx: Ping refused the request (documented errors body); nothing was made.
      const errors = errorBody.safeParse(answer.json);
      const detail = errors.success
        ? errors.data.errors.map((e) => `${e.error}${e.property ? ` (${e.property})` : ""}: ${e.description ?? ""}`).join("; ")
        : describeAnswer(answer);
      throw new ProviderError(`Ping Payments ${method} ${path} failed: ${detail}`, [answer.call], answer.status === 404 ? "not_found" : "provider_error");
    }
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) throw unknownAnswer(`Ping Payments ${method} ${path} answered an unexpected shape`, [answer.call]);
    return { data: parsed.data, call: answer.call };
  }

  createPaymentOrder(body: { split_tree_id: string; currency: string }) {
    return this.call("POST", "/payment_orders", paymentOrderCreated, body);
  }

  createPayment(paymentOrderId: string, body: CreatePaymentBody) {
    return this.call("POST", `/payment_orders/${encodeURIComponent(paymentOrderId)}/payments`, paymentCreated, body);
  }

  /** The payment order with its payments (how a payment whose create answer was lost is found). */
  getPaymentOrder(paymentOrderId: string) {
    return this.call("GET", `/payment_orders/${encodeURIComponent(paymentOrderId)}`, paymentOrderDetails);
  }

  /** [doc] `PUT /api/v1/payment_orders/{id}/close`: no payment can be made in the order any more. Any 2xx is a yes. */
  closePaymentOrder(paymentOrderId: string) {
    return this.call("PUT", `/payment_orders/${encodeURIComponent(paymentOrderId)}/close`, z.unknown());
  }

  getPayment(paymentOrderId: string, paymentId: string) {
    return this.call("GET", `/payment_orders/${encodeURIComponent(paymentOrderId)}/payments/${encodeURIComponent(paymentId)}`, paymentDetails);
  }
}
