import type { EmulatorDescriptor } from "../descriptor";
import { createPayment, EXAMPLEPAY_ACKNOWLEDGEMENT, findPaymentByReference, getPayment, refundPayment } from "./api";
import { answer, payPage } from "./hosted";
import { EXAMPLEPAY_NOTIFICATION_SIGNER } from "./notification";
import { chargesFor } from "./store";

/** ExamplePay (test only, ./README.md): the tests' sixth provider, listed inside `testOnly`. */
export const examplepay: EmulatorDescriptor = {
  id: "examplepay",
  name: "ExamplePay (test only)",
  routes: [
    {
      path: "/v1/payments",
      handlers: { POST: (request) => createPayment(request), GET: (request) => findPaymentByReference(request) },
    },
    { path: "/v1/payments/[id]", handlers: { GET: (request, { id }) => getPayment(request, id) } },
    { path: "/v1/payments/[id]/refunds", handlers: { POST: (request, { id }) => refundPayment(request, id) } },
    // Its hosted page is a route of its table (no app/emulators/examplepay folder).
    { path: "/pay/[id]", handlers: { GET: (_request, { id }) => payPage(id) } },
    { path: "/pay/[id]/approve", handlers: { POST: (request, { id }) => answer(request, id, true) } },
    { path: "/pay/[id]/decline", handlers: { POST: (request, { id }) => answer(request, id, false) } },
  ],
  // Its payments are in memory (./store.ts): no table, so no migration outside its folder.
  tables: [],
  acknowledgement: EXAMPLEPAY_ACKNOWLEDGEMENT,
  charges: chargesFor,
  jobs: {},
  notificationSigner: EXAMPLEPAY_NOTIFICATION_SIGNER,
  // The fixture takes no forced outcomes; these name its own fields.
  scopeFields: { reference: "merchant_reference", email: null },
  signsNotifications: true,
  catalogue: async () => (await import("./catalogue")).ExamplePayCatalogue,
};
