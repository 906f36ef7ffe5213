import "server-only";
import { randomUUID } from "node:crypto";
import { findOrder } from "@/lib/db/queries/orders";
import { findCredential } from "@/lib/db/queries/credentials";
import { recordPaymentEvent } from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { repeatOrder } from "@/lib/orders";
import { OperatorActionError } from "./operator-actions";
import { startPayment } from "./start-payment";

/**
 * Merchant-initiated: an operator charges the shopper's saved card for a copy of a past order,
 * without the shopper present (flagged as MIT to the provider).
 */
export async function chargeSavedCardAgain(
  fromOrderId: string,
  credentialId: string,
  operator: string,
): Promise<Payment> {
  const credential = await findCredential(credentialId);
  const original = await findOrder(fromOrderId);
  if (!credential || credential.status !== "active" || !original?.userId || credential.userId !== original.userId) {
    throw new OperatorActionError("That saved card does not belong to this order's shopper.");
  }
  const order = await repeatOrder(fromOrderId);
  const payment = await startPayment({
    orderId: order.id,
    provider: credential.provider,
    method: "card",
    storedCredentialId: credential.id,
    merchantInitiated: true,
    idempotencyKey: randomUUID(),
    userId: original.userId,
  });
  await recordPaymentEvent({
    paymentId: payment.id,
    provider: credential.provider,
    type: "operator_action",
    summary: `${operator} charged the saved card again (merchant-initiated) for order ${fromOrderId}`,
    detail: { operator, fromOrderId },
  });
  return payment;
}
