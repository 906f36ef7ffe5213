import type { EmulatorDescriptor } from "../descriptor";
import { jobs, queryRefund, queryTransaction, queryVoid, refund, unifiedPay, voidPayment } from "./api";
import { PINGPONG_NOTIFICATION_SIGNER } from "./envelope";
import { auth, authorize, bind, cancelAuthorization, unbind } from "./oneclick";
import { riskInit, riskPreflight, riskScript } from "./risk";
import { pingpongMerchant } from "./config";
import { chargesFor, nextDeadline } from "./store";
import {
  pingpongAdjustments,
  pingpongRiskInits,
  pingpongTransactions,
  pingpongWalletAuths,
  pingpongWalletPayments,
  pingpongWalletTokens,
} from "./tables";

/** PingPongCheckout v4 (cards, local payment methods, one-click wallets) and its risk-control plugin. */
export const pingpong: EmulatorDescriptor = {
  id: "pingpong",
  name: "PingPongCheckout",
  routes: [
    { path: "/v4/payment/unifiedPay", handlers: { POST: (request) => unifiedPay(request) } },
    { path: "/v4/payment/refund", handlers: { POST: (request) => refund(request) } },
    { path: "/v4/payment/void", handlers: { POST: (request) => voidPayment(request) } },
    { path: "/v4/transaction/query", handlers: { POST: (request) => queryTransaction(request) } },
    { path: "/v4/refund/query", handlers: { POST: (request) => queryRefund(request) } },
    { path: "/v4/void/query", handlers: { POST: (request) => queryVoid(request) } },
    { path: "/v4/paymethod/bind", handlers: { POST: (request) => bind(request) } },
    { path: "/v4/paymethod/unbind", handlers: { POST: (request) => unbind(request) } },
    { path: "/v4/paymethod/auth", handlers: { POST: (request) => auth(request) } },
    { path: "/v4/paymethod/authorize", handlers: { POST: (request) => authorize(request) } },
    { path: "/v4/paymethod/cancelAuthorization", handlers: { POST: (request) => cancelAuthorization(request) } },
    { path: "/risk/v1/init", handlers: { POST: (request) => riskInit(request), OPTIONS: () => riskPreflight() } },
    { path: "/static/risk-control/acquirerRiskControl.min.js", handlers: { GET: () => riskScript() } },
  ],
  tables: [
    pingpongRiskInits,
    pingpongTransactions,
    pingpongAdjustments,
    pingpongWalletTokens,
    pingpongWalletAuths,
    pingpongWalletPayments,
  ],
  charges: chargesFor,
  jobs,
  nextDeadline,
  // [doc] the merchant salt signs requests, answers and notifications (SHA-256 over salt + fields).
  sharedSecret: () => pingpongMerchant().salt,
  notificationSigner: PINGPONG_NOTIFICATION_SIGNER,
  // [doc: seed 001] merchantTransactionId, customer.email.
  scopeFields: { reference: "merchantTransactionId", email: "customer.email" },
  signsNotifications: true,
  catalogue: async () => (await import("./catalogue")).PingpongCatalogue,
};
