import type { EmulatorDescriptor } from "../descriptor";
import {
  closePaymentOrder,
  createPayment,
  createPaymentOrder,
  getPayment,
  getPaymentOrder,
  jobs,
  settlePaymentOrder,
  splitPaymentOrder,
  unknownRoute,
} from "./api";
import { pingEmulatorTenant } from "./config";
import { chargesFor, nextDeadline } from "./store";
import { pingPaymentOrders, pingPayments } from "./tables";

const unknown = (request: Request) => unknownRoute(request);

/** Ping Payments (api/v1 payment orders) with the PaymentIQ card checkout. */
export const pingpayments: EmulatorDescriptor = {
  id: "pingpayments",
  name: "Ping Payments",
  routes: [
    { path: "/api/v1/payment_orders", handlers: { POST: (request) => createPaymentOrder(request) } },
    {
      path: "/api/v1/payment_orders/[orderId]",
      handlers: { GET: (request, { orderId }) => getPaymentOrder(request, orderId) },
    },
    {
      path: "/api/v1/payment_orders/[orderId]/close",
      handlers: { PUT: (request, { orderId }) => closePaymentOrder(request, orderId) },
    },
    {
      path: "/api/v1/payment_orders/[orderId]/split",
      handlers: { PUT: (request, { orderId }) => splitPaymentOrder(request, orderId) },
    },
    {
      path: "/api/v1/payment_orders/[orderId]/settle",
      handlers: { PUT: (request, { orderId }) => settlePaymentOrder(request, orderId) },
    },
    {
      path: "/api/v1/payment_orders/[orderId]/payments",
      handlers: {
        POST: (request, { orderId }) => createPayment(request, orderId, new URL(request.url).origin),
        // The docs show no list of an order's payments: 404 in the errors shape.
        GET: unknown,
      },
    },
    {
      path: "/api/v1/payment_orders/[orderId]/payments/[paymentId]",
      handlers: { GET: (request, { orderId, paymentId }) => getPayment(request, orderId, paymentId) },
    },
    // Anything under the API that is not a documented endpoint: the documented 404 errors shape, not an HTML page.
    {
      path: "/api/[...path]",
      handlers: { GET: unknown, POST: unknown, PUT: unknown, PATCH: unknown, DELETE: unknown },
    },
  ],
  tables: [pingPaymentOrders, pingPayments],
  charges: chargesFor,
  jobs,
  nextDeadline,
  // [doc] `x-api-secret` authenticates every request (no request signing, no callback signature).
  sharedSecret: () => pingEmulatorTenant().apiSecret,
  // Its status callbacks carry no signature: a forced bad_signature has nothing to corrupt.
  // [guess] the merchant's own metadata key (the shop's), and payer.email (the docs show payer.name only).
  scopeFields: { reference: "metadata.merchant_reference", email: "payer.email" },
  signsNotifications: false,
  catalogue: async () => (await import("./catalogue")).PingPaymentsCatalogue,
};
