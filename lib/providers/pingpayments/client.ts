import "server-only";
import { z } from "zod";
import { ProviderError, unknownAnswer, type ApiCallRecord } from "@/lib/payments/types";
import { describeAnswer, sendProviderRequest } from "../http";
import { paymentCreated, paymentDetails, paymentOrderCreated, paymentOrderDetails, readErrors } from "./schemas";
import { PINGPAYMENTS_SECRET_FIELDS } from "./settings";

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

/** Ping refused a request: its documented error codes (`errors[].error`) with the usual ProviderError. */
export class PingPaymentsRefusal extends ProviderError {
  constructor(
    message: string,
    calls: ApiCallRecord[],
    code: string,
    readonly errorCodes: string[],
  ) {
    super(message, calls, code);
  }
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
      secretFields: PINGPAYMENTS_SECRET_FIELDS,
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
    if (answer.unreadable)
      throw unknownAnswer(`Ping Payments ${method} ${path}: ${describeAnswer(answer)}`, [answer.call]);
    if (answer.status < 200 || answer.status >= 300) {
      // A 4xx: Ping refused the request (documented errors body); nothing was made.
      const errors = readErrors(answer.json);
      throw new PingPaymentsRefusal(
        `Ping Payments ${method} ${path} failed: ${errors?.detail ?? describeAnswer(answer)}`,
        [answer.call],
        answer.status === 404 ? "not_found" : "provider_error",
        errors?.codes ?? [],
      );
    }
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success)
      throw unknownAnswer(`Ping Payments ${method} ${path} answered an unexpected shape`, [answer.call]);
    return { data: parsed.data, call: answer.call };
  }

  createPaymentOrder(body: { split_tree_id: string; currency: string }) {
    return this.call("POST", "/payment_orders", paymentOrderCreated, body);
  }

  createPayment(paymentOrderId: string, body: CreatePaymentBody) {
    return this.call("POST", `/payment_orders/${encodeURIComponent(paymentOrderId)}/payments`, paymentCreated, body);
  }

  /** [doc] `GET /api/v1/payment_orders/{id}`: whether Ping has the order (its other fields are not documented). */
  getPaymentOrder(paymentOrderId: string) {
    return this.call("GET", `/payment_orders/${encodeURIComponent(paymentOrderId)}`, paymentOrderDetails);
  }

  /** [doc] `PUT /api/v1/payment_orders/{id}/close`: no payment can be made in the order any more. Any 2xx is a yes. */
  closePaymentOrder(paymentOrderId: string) {
    return this.call("PUT", `/payment_orders/${encodeURIComponent(paymentOrderId)}/close`, z.unknown());
  }

  /** [doc] `PUT /api/v1/payment_orders/{id}/split`: the order's money is split along its split tree. Any 2xx is a yes. */
  splitPaymentOrder(paymentOrderId: string) {
    return this.call("PUT", `/payment_orders/${encodeURIComponent(paymentOrderId)}/split`, z.unknown());
  }

  /** [doc] `PUT /api/v1/payment_orders/{id}/settle`: the split money is paid out. Any 2xx is a yes. */
  settlePaymentOrder(paymentOrderId: string) {
    return this.call("PUT", `/payment_orders/${encodeURIComponent(paymentOrderId)}/settle`, z.unknown());
  }

  /** [doc] `GET /api/v1/payment_orders/{id}/payments/{payment_id}`. */
  getPayment(paymentOrderId: string, paymentId: string) {
    return this.call(
      "GET",
      `/payment_orders/${encodeURIComponent(paymentOrderId)}/payments/${encodeURIComponent(paymentId)}`,
      paymentDetails,
    );
  }
}
