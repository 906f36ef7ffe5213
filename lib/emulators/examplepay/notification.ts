// ExamplePay's notifications as it sends them [fixture: ./README.md]: the emulator's outbox and the
// proof suites' driver (./proof-driver.ts) build them here, signed with the emulator's own code.
import { randomUUID } from "node:crypto";
import { corruptSignature } from "../control";
import type { NotificationSigner } from "../outbox";
import { examplePayAccount } from "./config";
import { sign } from "./signature";
import type { ExamplePayment } from "./store";

export type NotificationType = "payment.succeeded" | "payment.failed" | "refund.succeeded";

/** A notification's body. */
export function notificationBody(
  payment: Pick<ExamplePayment, "id" | "merchantReference" | "status" | "amount" | "currency">,
  type: NotificationType,
  refund?: { id: string; amount: number; currency: string },
): string {
  return JSON.stringify({
    id: `evt_${randomUUID()}`,
    type,
    payment: {
      id: payment.id,
      merchant_reference: payment.merchantReference,
      status: payment.status,
      amount: payment.amount,
      currency: payment.currency,
    },
    ...(refund ? { refund } : {}),
  });
}

/** The signed headers of a notification's body. */
export function notificationHeaders(body: string, secret = examplePayAccount().secret): Record<string, string> {
  return { "content-type": "application/json", "x-examplepay-signature": sign(body, secret) };
}

/** ExamplePay's notification signer, run by the outbox at each attempt with the secret of that moment. */
export const EXAMPLEPAY_NOTIFICATION_SIGNER: NotificationSigner = {
  name: "examplepay_hmac",
  sign: async ({ body }) => ({ body, headers: notificationHeaders(body) }),
  corrupt: ({ body, headers }) => ({
    body,
    headers: { ...headers, "x-examplepay-signature": corruptSignature(headers["x-examplepay-signature"] ?? "") },
  }),
};
