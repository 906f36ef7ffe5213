import type { EmulatorDescriptor } from "../descriptor";
import type { EmulatorRoute } from "../routes";
import { ANTOM_NOTIFICATION_SIGNER, handleApi, jobs } from "./api";
import { ANTOM_ACKNOWLEDGEMENT } from "./config";
import * as tables from "./tables";
import { chargesFor, nextDeadline } from "./store";

const payments: EmulatorRoute["handlers"] = { POST: (request, { action }) => handleApi(request, action) };

/** Antom's card payments (pay, capture, cancel, refund, inquiries), live and sandbox paths alike. */
export const antom: EmulatorDescriptor = {
  id: "antom",
  name: "Antom",
  routes: [
    { path: "/ams/api/v1/payments/[action]", handlers: payments },
    { path: "/ams/sandbox/api/v1/payments/[action]", handlers: payments },
  ],
  tables: Object.values(tables),
  acknowledgement: ANTOM_ACKNOWLEDGEMENT,
  charges: chargesFor,
  jobs,
  // No sharedSecret: merchants sign with an RSA key pair and verify Antom's answers with Antom's
  // public key [doc]; a new key is a new pair registered in the portal (keyVersion in the
  // signature header), not a secret both sides share, and no overlap window is published [guess],
  // so the control plane offers no rotation here.
  nextDeadline,
  notificationSigner: ANTOM_NOTIFICATION_SIGNER,
  // [doc: seed 002] paymentRequestId, order.buyer.buyerEmail.
  scopeFields: { reference: "paymentRequestId", email: "order.buyer.buyerEmail" },
  signsNotifications: true,
  catalogue: async () => (await import("./catalogue")).AntomCatalogue,
};
