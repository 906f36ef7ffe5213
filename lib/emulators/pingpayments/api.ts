import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isKnownCurrency } from "@/lib/money";
import { readJson, refusalResponse } from "@/lib/security/request-body";
import { targetUrlError } from "../outbound-url";
import { sameText, verifyingSecret } from "../signing-secrets";
import {
  answerStored,
  enqueueScripted,
  faultResponse,
  recordForcedPayment,
  takeNextPayment,
  testIdOf,
} from "../control";
import { LATE_CALLBACK_SECONDS, pingEmulatorTenant, STATUS_CALLBACK_RETRY_SECONDS, VAT_RATES } from "./config";
import { type DocumentedError } from "./documented-shapes";
import {
  duePendingSettlements,
  findPaymentInOrder,
  listPaymentsInOrder,
  markPaymentOrderStatus,
  findPaymentOrder,
  insertPayment,
  insertPaymentOrder,
  movePayment,
} from "./store";
import type { PingPaymentOrderRow, PingPaymentRow } from "./schema";

/**
 * The Ping Payments API (api/v1) as the emulator answers it: `tenant_id` + `x-api-secret`
 * headers (403 otherwise), 422 `{"errors":[{error, description, property}]}` for bad bodies,
 * 404 for unknown ids and routes [doc: PROVIDERS.md §3, errors 403, 404, 422, 500 in that shape].
 * Only the documented endpoints are served (no list of an order's payments).
 */

type ApiError = DocumentedError;

export function errorResponse(status: number, errors: ApiError[]): Response {
  return Response.json({ errors }, { status });
}

/** [doc] 404 in the errors shape; the code and wording are [guess]. */
export function unknownRoute(request: Request): Response {
  return errorResponse(404, [
    {
      error: "not_found",
      description: `No such endpoint: ${request.method} ${new URL(request.url).pathname}.`,
      property: null,
    },
  ]);
}

const orderNotFound = () =>
  errorResponse(404, [
    { error: "payment_order_not_found", description: "No payment order with that id.", property: "payment_order_id" },
  ]);

async function authenticate(request: Request): Promise<{ tenantId: string } | Response> {
  const tenant = pingEmulatorTenant();
  const tenantId = request.headers.get("tenant_id");
  const secret = request.headers.get("x-api-secret");
  if (!tenantId || !secret) {
    return errorResponse(403, [
      { error: "forbidden", description: "The tenant_id and x-api-secret headers are required.", property: null },
    ]);
  }
  const known =
    tenantId === tenant.tenantId &&
    (await verifyingSecret("pingpayments", tenant.apiSecret, (accepted) => sameText(secret, accepted))) !== undefined;
  if (!known) {
    return errorResponse(403, [
      { error: "forbidden", description: "Unknown tenant or wrong API secret.", property: null },
    ]);
  }
  return { tenantId };
}

async function readBody(request: Request): Promise<unknown | Response> {
  const json = await readJson(request);
  if (json.ok) return json.value;
  if (json.status === 413) return refusalResponse(json);
  return errorResponse(422, [{ error: "invalid_json", description: `${json.error}.`, property: null }]);
}

function validationErrors(error: z.ZodError): ApiError[] {
  return error.issues.map((issue) => {
    const property = issue.path.join(".") || null;
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    const currency = !missing && issue.path.at(-1) === "currency";
    return {
      error: missing ? "missing_required_property" : currency ? "invalid_currency" : "invalid_property",
      description: missing ? `${property} is required` : `${property}: ${issue.message}`,
      property,
    };
  });
}

/** [guess] Ping refuses a currency outside ISO 4217 with 422 (code invalid_currency, our own). */
const currencyCode = z.string().refine(isKnownCurrency, "must be an ISO 4217 currency code");

const paymentOrderBody = z.object({
  split_tree_id: z.string().min(1),
  currency: currencyCode,
});

const paymentBody = z.object({
  currency: currencyCode,
  total_amount: z.number().int().positive(),
  method: z.enum(["card", "dummy"]),
  provider: z.enum(["payment_iq", "dummy"]),
  order_items: z
    .array(
      z.object({
        amount: z.number().int().nonnegative(),
        name: z.string().min(1),
        merchant_id: z.string().min(1),
        vat_rate: z
          .number()
          .refine((rate) => (VAT_RATES as readonly number[]).includes(rate), "must be one of 0, 6, 12, 25"),
      }),
    )
    .min(1),
  payer: z.object({ name: z.string().optional(), email: z.string().optional() }).loose().optional(),
  provider_method_parameters: z
    .object({
      success_url: z.url().optional(),
      error_url: z.url().optional(),
      desired_payment_status: z.enum(["COMPLETED", "DECLINED", "CANCELLED", "CRASHED", "PENDING"]).optional(),
    })
    .loose(),
  status_callback_url: z.url().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The URLs a payment registers (where its status callback goes, where the payer returns) must be
 * where the outbound policy allows. [guess] Ping publishes no such rule (it refuses malformed
 * URLs); answered as 422 invalid_property, one error per URL.
 */
function registeredUrlErrors(data: z.infer<typeof paymentBody>): ApiError[] {
  const urls: [string, string | undefined][] = [
    ["status_callback_url", data.status_callback_url],
    ["provider_method_parameters.success_url", data.provider_method_parameters.success_url],
    ["provider_method_parameters.error_url", data.provider_method_parameters.error_url],
  ];
  return urls.flatMap(([property, value]) => {
    const refused = value === undefined ? undefined : targetUrlError(value, property);
    return refused ? [{ error: "invalid_property", description: `${refused}.`, property }] : [];
  });
}

export async function createPaymentOrder(request: Request): Promise<Response> {
  const auth = await authenticate(request);
  if (auth instanceof Response) return auth;
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const parsed = paymentOrderBody.safeParse(body);
  if (!parsed.success) return errorResponse(422, validationErrors(parsed.error));
  // [guess] a split tree the tenant does not have is refused like a bad property (422).
  if (!pingEmulatorTenant().splitTreeIds.includes(parsed.data.split_tree_id)) {
    return errorResponse(422, [
      {
        error: "split_tree_not_found",
        description: "The tenant has no split tree with that id.",
        property: "split_tree_id",
      },
    ]);
  }
  const order = await insertPaymentOrder({
    id: randomUUID(),
    tenantId: auth.tenantId,
    splitTreeId: parsed.data.split_tree_id,
    currency: parsed.data.currency,
  });
  return Response.json({ id: order.id }, { status: 200 });
}

export async function getPaymentOrder(request: Request, paymentOrderId: string): Promise<Response> {
  // [doc] the endpoint; [guess] its fields (the docs print none): what the order was made with, and its state.
  // No payments: the docs show no list of an order's payments.
  return withOrder(request, paymentOrderId, async (order) =>
    Response.json({ id: order.id, split_tree_id: order.splitTreeId, currency: order.currency, status: order.status }),
  );
}

export async function createPayment(request: Request, paymentOrderId: string, origin: string): Promise<Response> {
  const auth = await authenticate(request);
  if (auth instanceof Response) return auth;
  const order = await findPaymentOrder(auth.tenantId, paymentOrderId);
  if (!order) return orderNotFound();
  if (order.status !== "OPEN")
    return errorResponse(422, [
      { error: "payment_order_closed", description: "The payment order is closed.", property: "payment_order_id" },
    ]);
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const parsed = paymentBody.safeParse(body);
  if (!parsed.success) return errorResponse(422, validationErrors(parsed.error));
  const data = parsed.data;
  const errors: ApiError[] = [];
  if (data.currency !== order.currency) {
    errors.push({
      error: "currency_mismatch",
      description: `The payment's currency ${data.currency} differs from the payment order's ${order.currency}.`,
      property: "currency",
    });
  }
  // [guess] an order item for a merchant the tenant does not have is refused (422), one error per item.
  const merchants = pingEmulatorTenant().merchantIds;
  data.order_items.forEach((item, index) => {
    if (!merchants.includes(item.merchant_id)) {
      errors.push({
        error: "merchant_not_found",
        description: `The tenant has no merchant ${item.merchant_id}.`,
        property: `order_items.${index}.merchant_id`,
      });
    }
  });
  const itemsTotal = data.order_items.reduce((sum, item) => sum + item.amount, 0);
  if (itemsTotal !== data.total_amount) {
    errors.push({
      error: "total_amount_mismatch",
      description: `order_items add up to ${itemsTotal}, total_amount is ${data.total_amount}.`,
      property: "total_amount",
    });
  }
  if (
    data.provider === "payment_iq" &&
    (!data.provider_method_parameters.success_url || !data.provider_method_parameters.error_url)
  ) {
    errors.push({
      error: "missing_required_property",
      description: "PaymentIQ needs success_url and error_url.",
      property: "provider_method_parameters",
    });
  }
  errors.push(...registeredUrlErrors(data));
  if (data.method === "card" && data.provider !== "payment_iq") {
    errors.push({
      error: "invalid_property",
      description: "method card is offered by provider payment_iq.",
      property: "provider",
    });
  }
  if (errors.length) return errorResponse(422, errors);

  const taken = await takeNextPayment("pingpayments", {
    // [guess] metadata is the merchant's own (the shop keeps its payment id in merchant_reference); payer.email [guess].
    reference: typeof data.metadata?.merchant_reference === "string" ? data.metadata.merchant_reference : null,
    email: data.payer?.email ?? null,
    testId: testIdOf(request),
  });
  if (taken.before) return faultResponse("pingpayments", taken.before);
  const id = randomUUID();
  // Charged (a fault after the charge): completed at once, as if the payer had paid on the page.
  const desired = taken.charged
    ? "COMPLETED"
    : data.provider === "dummy"
      ? (data.provider_method_parameters.desired_payment_status ?? "COMPLETED")
      : undefined;
  const payment = await insertPayment({
    id,
    paymentOrderId: order.id,
    tenantId: auth.tenantId,
    currency: data.currency,
    totalAmount: data.total_amount,
    method: data.method,
    provider: data.provider,
    status: desired ?? "INITIATED",
    orderItems: data.order_items,
    payer: data.payer ?? null,
    providerMethodParameters: data.provider_method_parameters,
    statusCallbackUrl: data.status_callback_url ?? null,
    metadata: data.metadata ?? null,
  });
  await recordForcedPayment("pingpayments", id, taken);
  if (desired) {
    await sendStatusCallback(payment);
    return answerStored("pingpayments", taken, Response.json({ id, provider_method_response: {} }, { status: 200 }));
  }
  return answerStored(
    "pingpayments",
    taken,
    Response.json(
      { id, provider_method_response: { pay_url: `${origin}/emulators/pingpayments/paymentiq/checkout/${id}` } },
      { status: 200 },
    ),
  );
}

/**
 * [doc] `GET .../payments/{payment_id}` exists; its fields are [guess] (the docs print none): the
 * payment's status (PENDING and COMPLETED documented, the others guessed), why it failed, and
 * what it was made with (the documented body's currency, total_amount, method, provider,
 * order_items, metadata).
 */
function paymentView(payment: PingPaymentRow) {
  return {
    id: payment.id,
    status: payment.status,
    status_reason: payment.statusReasonCode
      ? { code: payment.statusReasonCode, description: payment.statusReasonDescription ?? "" }
      : null,
    currency: payment.currency,
    total_amount: payment.totalAmount,
    method: payment.method,
    provider: payment.provider,
    order_items: payment.orderItems,
    metadata: payment.metadata ?? {},
  };
}

export async function getPayment(request: Request, paymentOrderId: string, paymentId: string): Promise<Response> {
  const auth = await authenticate(request);
  if (auth instanceof Response) return auth;
  const payment = await findPaymentInOrder(auth.tenantId, paymentOrderId, paymentId);
  if (!payment)
    return errorResponse(404, [
      {
        error: "payment_not_found",
        description: "No payment with that id in this payment order.",
        property: "payment_id",
      },
    ]);
  return Response.json(paymentView(payment));
}

/** An order the tenant has, or the documented 404; `then` runs with it after authentication. */
async function withOrder(
  request: Request,
  paymentOrderId: string,
  then: (order: PingPaymentOrderRow, tenantId: string) => Promise<Response>,
): Promise<Response> {
  const auth = await authenticate(request);
  if (auth instanceof Response) return auth;
  const order = await findPaymentOrder(auth.tenantId, paymentOrderId);
  return order ? then(order, auth.tenantId) : orderNotFound();
}

export async function closePaymentOrder(request: Request, paymentOrderId: string): Promise<Response> {
  return withOrder(request, paymentOrderId, async (order, tenantId) => {
    // [guess] an order already split or settled stays so: closing it changes nothing more.
    await markPaymentOrderStatus(order.id, ["OPEN"], "CLOSED");
    // [guess] A payment still waiting on the PaymentIQ page of a closed order can no longer be
    // paid: it is cancelled (its page sends the payer back), with no status callback.
    const payments = await listPaymentsInOrder(tenantId, order.id);
    for (const open of payments.filter((payment) => payment.status === "INITIATED")) {
      await movePayment(open.id, ["INITIATED"], "CANCELLED", {
        statusReasonCode: "payment_order_closed",
        statusReasonDescription: "The payment order was closed.",
      });
    }
    return new Response(null, { status: 204 });
  });
}

/**
 * [doc] `PUT /api/v1/payment_orders/{id}/split` (PROVIDERS.md §3): the order's money is split
 * along its split tree. [guess] preconditions: a payment of the order has COMPLETED (nothing to
 * split otherwise) and the order is not split yet; a split order takes no more payments. The
 * error codes and the 204 are [guess].
 */
export async function splitPaymentOrder(request: Request, paymentOrderId: string): Promise<Response> {
  return withOrder(request, paymentOrderId, async (order, tenantId) => {
    if (order.status === "SPLIT" || order.status === "SETTLED") {
      return errorResponse(422, [
        {
          error: "payment_order_already_split",
          description: `The payment order is already ${order.status.toLowerCase()}.`,
          property: "payment_order_id",
        },
      ]);
    }
    if (!(await listPaymentsInOrder(tenantId, order.id)).some((payment) => payment.status === "COMPLETED")) {
      return errorResponse(422, [
        {
          error: "payment_order_not_completed",
          description: "The payment order has no completed payment to split.",
          property: "payment_order_id",
        },
      ]);
    }
    await markPaymentOrderStatus(order.id, ["OPEN", "CLOSED"], "SPLIT");
    return new Response(null, { status: 204 });
  });
}

/**
 * [doc] `PUT /api/v1/payment_orders/{id}/settle` (PROVIDERS.md §3): the split money is paid out.
 * [guess] preconditions: the order was split first; settling twice is refused. Codes and 204 [guess].
 */
export async function settlePaymentOrder(request: Request, paymentOrderId: string): Promise<Response> {
  return withOrder(request, paymentOrderId, async (order) => {
    if (order.status === "SETTLED") {
      return errorResponse(422, [
        {
          error: "payment_order_already_settled",
          description: "The payment order is already settled.",
          property: "payment_order_id",
        },
      ]);
    }
    if (order.status !== "SPLIT") {
      return errorResponse(422, [
        {
          error: "payment_order_not_split",
          description: "Split the payment order before settling it.",
          property: "payment_order_id",
        },
      ]);
    }
    await markPaymentOrderStatus(order.id, ["SPLIT"], "SETTLED");
    return new Response(null, { status: 204 });
  });
}

/**
 * Posts the payment's status to its status_callback_url through the outbox, honouring the
 * callback behaviour the tester scripted (late, twice, never).
 */
export async function sendStatusCallback(payment: PingPaymentRow): Promise<void> {
  if (!payment.statusCallbackUrl) return;
  const reference = payment.metadata?.merchant_reference;
  const notification = {
    provider: "pingpayments",
    // [doc: seed 003] its only kind: the status callback (its body's status says which).
    type: "status_callback",
    subject: payment.id,
    reference: typeof reference === "string" ? reference : null,
    targetUrl: payment.statusCallbackUrl,
    body: JSON.stringify({ payment_id: payment.id, payment_order_id: payment.paymentOrderId, status: payment.status }),
    retrySchedule: STATUS_CALLBACK_RETRY_SECONDS,
  };
  await enqueueScripted(notification, {
    behaviour: payment.callbackBehaviour,
    lateSeconds: LATE_CALLBACK_SECONDS,
    // Ping's status callback carries no signature: bad_signature is refused when it is set.
    // Out of order: the final status is followed by a stale PENDING one.
    stale: () =>
      payment.status === "PENDING"
        ? undefined
        : {
            ...notification,
            body: JSON.stringify({
              payment_id: payment.id,
              payment_order_id: payment.paymentOrderId,
              status: "PENDING",
            }),
          },
  });
}

/** A PENDING payment (test card ...0119) completes by itself when its time comes, and says so. */
/** Its scheduled work, run on every outbox tick (the descriptor hands it to the worker). */
export const jobs: Record<string, () => Promise<void>> = {
  "pingpayments:settle-pending": async () => {
    for (const due of await duePendingSettlements()) {
      const settled = await movePayment(due.id, ["PENDING"], "COMPLETED", { settleAt: null });
      if (settled) await sendStatusCallback(settled);
    }
  },
};
