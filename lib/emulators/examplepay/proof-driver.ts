// ExamplePay's part of the proof suites' notification driver (lib/testing/proof-driver.ts): its
// notifications built and signed by this emulator's own code, as ExamplePay sends them [fixture].
import { randomUUID } from "node:crypto";
import type { Outcome, ProofDriver, TestPayment } from "@/lib/testing/proof-driver";
import { EXAMPLEPAY_ACKNOWLEDGEMENT } from "./api";
import { notificationBody, notificationHeaders, type NotificationType } from "./notification";

/** The notification of each outcome ExamplePay notifies [fixture]. */
const NOTIFICATION_TYPE: Partial<Record<Outcome, NotificationType>> = {
  succeeded: "payment.succeeded",
  failed: "payment.failed",
  refunded: "refund.succeeded",
};

const signed = (body: string) => ({ headers: notificationHeaders(body), body });

export const proofDriver: ProofDriver = {
  provider: "examplepay",
  outcomes: ["succeeded", "failed", "refunded"],
  terminals: [
    { reach: "failed", from: "requires_action" },
    { reach: "refunded", from: "succeeded" },
  ],
  // Its hosted page: the payer approves or declines (no card typed anywhere).
  checkout: { method: "card", currency: "USD", cardInShop: false },
  holdsMoney: ["succeeded"],
  hostedPage: (ref, { approve }) => ({
    path: `/emulators/examplepay/pay/${encodeURIComponent(ref)}/${approve ? "approve" : "decline"}`,
    fields: {},
  }),
  // Its notifications carry the whole payment (id and our reference): no record needed first.
  async reference() {
    return { ref: `ep_${randomUUID()}` };
  },
  async notification(payment: TestPayment, outcome, money = {}) {
    const amount = money.amount ?? payment.amount;
    const currency = money.currency ?? payment.currency;
    const about = { id: payment.ref, merchantReference: payment.id, amount, currency };
    const type = NOTIFICATION_TYPE[outcome];
    if (!type) throw new Error(`ExamplePay notifies no ${outcome}`);
    if (type === "refund.succeeded")
      return signed(
        notificationBody({ ...about, status: "succeeded" }, type, { id: `rf_${randomUUID()}`, amount, currency }),
      );
    return signed(notificationBody({ ...about, status: outcome === "failed" ? "failed" : "succeeded" }, type));
  },
  isAck: (response) => response.status === 200 && EXAMPLEPAY_ACKNOWLEDGEMENT.accepts(response.text),
  withBody: (_request, body) => signed(body),
};
