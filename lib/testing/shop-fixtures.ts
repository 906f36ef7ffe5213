// Test helpers that write the shop's side of an order and a payment straight to its database.
import { randomUUID } from "node:crypto";
import { insertOrderOnce } from "@/lib/db/queries/orders";
import { insertPaymentOnce } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import type { PaymentStatus } from "@/lib/db/schema";
import { newOrderId, newPaymentId } from "@/lib/ids";

/** A one-item order of `amount` minor units (a merino beanie at that price). */
export async function createTestOrder(options: {
  amount: number;
  currency: string;
  email?: string;
  name?: string;
  userId?: string | null;
}): Promise<string> {
  const id = newOrderId();
  await insertOrderOnce({
    id,
    checkoutToken: randomUUID(),
    userId: options.userId ?? null,
    email: options.email ?? "tester@example.com",
    name: options.name ?? "Test Shopper",
    addressLine: "1 Test Street",
    city: "Testville",
    postalCode: "12345",
    country: "SE",
    currency: options.currency,
    totalAmount: options.amount,
    items: [{ productId: "prd_merino-beanie", name: "Merino beanie", unitAmount: options.amount, quantity: 1 }],
  });
  return id;
}

/**
 * An order and its payment attempt with `provider`, moved to `status` (with the provider's
 * reference) as if the provider had answered.
 */
export async function createTestPayment(options: {
  provider: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  providerPaymentId: string;
  captureMode?: "automatic" | "manual";
  capturedAmount?: number;
  providerData?: Record<string, string>;
  email?: string;
}): Promise<{ id: string; orderId: string }> {
  const orderId = await createTestOrder(options);
  const { payment } = await insertPaymentOnce({
    id: newPaymentId(),
    orderId,
    provider: options.provider,
    method: "card",
    idempotencyKey: randomUUID(),
    amount: options.amount,
    currency: options.currency,
    captureMode: options.captureMode ?? "automatic",
  });
  await transitionPayment(
    payment.id,
    options.status,
    {
      providerPaymentId: options.providerPaymentId,
      providerData: options.providerData,
      ...(options.capturedAmount !== undefined ? { capturedAmount: options.capturedAmount } : {}),
    },
    { provider: options.provider, summary: "test set-up" },
  );
  return { id: payment.id, orderId };
}
