// Antom's part of the proof suites' notification driver (lib/testing/proof-driver.ts): its
// notifications signed with this emulator's own signing code and Antom's key, as Antom signs them.
import {
  uniqueDigits,
  type Money,
  type NotificationRequest,
  type Outcome,
  type ProofDriver,
  type TestPayment,
} from "@/lib/testing/proof-driver";
import { antomPrivateKey } from "./config";
import { signatureHeader, signMessage } from "./signature";

/** The shop's default Antom client id (the test server runs with none set) and its notifications' path. */
export const ANTOM = {
  clientId: "SANDBOX_2026STOREFRONT01",
  path: "/api/webhooks/antom",
  antomPrivateKey,
};

/** Signs an Antom notification body as Antom does (its private key, over our path and the client id). */
export function antomRequest(
  body: string,
  options: { clientId?: string; key?: string; path?: string; time?: string } = {},
): NotificationRequest {
  const clientId = options.clientId ?? ANTOM.clientId;
  const time = options.time ?? String(Date.now());
  const signature = signMessage(
    options.key ?? ANTOM.antomPrivateKey(),
    options.path ?? ANTOM.path,
    clientId,
    time,
    body,
  );
  return {
    headers: {
      "content-type": "application/json",
      "client-id": clientId,
      "request-time": time,
      signature: signatureHeader(signature),
    },
    body,
  };
}

const ANTOM_ACK_TEXT = JSON.stringify({
  result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
});

export function antomPayload(
  payment: TestPayment,
  outcome: Outcome,
  money: Partial<Money> = {},
): Record<string, unknown> {
  const paymentAmount = { currency: money.currency ?? payment.currency, value: String(money.amount ?? payment.amount) };
  const ok = { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" };
  const base = {
    paymentRequestId: payment.id,
    paymentId: payment.ref,
    paymentAmount,
    paymentCreateTime: "2026-11-24T10:00:00Z",
    paymentTime: "2026-11-24T10:00:05Z",
  };
  switch (outcome) {
    case "processing":
      return {
        ...base,
        notifyType: "PAYMENT_PENDING",
        result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "in process" },
      };
    case "succeeded":
      return { ...base, notifyType: "PAYMENT_RESULT", result: ok };
    case "failed":
      return {
        ...base,
        notifyType: "PAYMENT_RESULT",
        result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F", resultMessage: "Insufficient funds" },
      };
    case "refunded":
      return {
        notifyType: "REFUND_RESULT",
        result: ok,
        paymentId: payment.ref,
        refundId: `RF-${payment.ref}`,
        refundAmount: paymentAmount,
      };
    case "captured":
      return {
        notifyType: "CAPTURE_RESULT",
        result: ok,
        paymentId: payment.ref,
        captureId: `CP-${payment.ref}`,
        captureAmount: paymentAmount,
      };
    default:
      throw new Error(`Antom notifies no ${outcome}`);
  }
}

export const proofDriver: ProofDriver = {
  provider: "antom",
  outcomes: ["processing", "succeeded", "failed", "refunded", "captured"],
  terminals: [
    { reach: "failed", from: "requires_action" },
    { reach: "refunded", from: "succeeded" },
  ],
  // Its REFUND_RESULT names paymentId, not our paymentRequestId [guess: the shape lib/providers/antom/schemas.ts reads].
  refundsNameOnlyItsId: true,
  checkout: { method: "card", currency: "EUR", cardInShop: true },
  holdsMoney: ["SUCCESS"],
  faults: { method: "card", currency: "EUR", card: true },
  // Its 3DS challenge, answered with the passing code.
  hostedPage: (ref) => ({ path: `/emulators/antom/3ds/${encodeURIComponent(ref)}/submit`, fields: { code: "123456" } }),
  async reference() {
    return { ref: `2026${uniqueDigits()}` };
  },
  async notification(payment, outcome, money) {
    return antomRequest(JSON.stringify(antomPayload(payment, outcome, money)));
  },
  isAck: (response) => response.status === 200 && response.text === ANTOM_ACK_TEXT,
  withBody: (_request, body) => antomRequest(body),
};
