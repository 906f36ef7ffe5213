import type { EmulatorDescriptor } from "../descriptor";
import { handleApi, jobs, LESSPAY_NOTIFICATION_SIGNER, riskEventRoute } from "./api";
import { LESSPAY_ACKNOWLEDGEMENT, lesspaySettings } from "./config";
import { lesspayCardTokens, lesspayOrders } from "./tables";
import { chargesFor, nextDeadline } from "./store";

/** Lesspay 2.0: the pay API (create-order, query-order), its cashier and 3DS pages, and risk events. */
export const lesspay: EmulatorDescriptor = {
  id: "lesspay",
  name: "Lesspay",
  routes: [
    { path: "/api/global/v1/pay/[action]", handlers: { POST: (request, { action }) => handleApi(request, action) } },
    {
      path: "/orders/[payOrderId]/risk-event",
      handlers: { POST: (request, { payOrderId }) => riskEventRoute(request, payOrderId) },
    },
  ],
  tables: [lesspayOrders, lesspayCardTokens],
  acknowledgement: LESSPAY_ACKNOWLEDGEMENT,
  charges: chargesFor,
  jobs,
  nextDeadline,
  // [doc] the app secret signs requests and callbacks (`&key={appSecret}`, SHA-256).
  sharedSecret: () => lesspaySettings().appSecret,
  notificationSigner: LESSPAY_NOTIFICATION_SIGNER,
  // [doc: seed 004] request_id; its order has no shopper email field.
  scopeFields: { reference: "request_id", email: null },
  signsNotifications: true,
  catalogue: async () => (await import("./catalogue")).LesspayCatalogue,
};
