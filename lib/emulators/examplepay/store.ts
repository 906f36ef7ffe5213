/**
 * ExamplePay's payments, in memory [fixture]: a Map on globalThis, so every route of the server
 * process (each bundle loads its own copy of this module) sees the same one. No table, no migration.
 */

export type ExamplePayStatus = "pending" | "succeeded" | "failed";

export interface ExamplePayment {
  id: string;
  merchantReference: string;
  amount: number;
  currency: string;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  notificationUrl: string;
  status: ExamplePayStatus;
  refundedAmount: number;
}

const payments: Map<string, ExamplePayment> = ((globalThis as Record<string, unknown>).__examplePayPayments ??=
  new Map()) as Map<string, ExamplePayment>;

export function savePayment(payment: ExamplePayment): ExamplePayment {
  payments.set(payment.id, payment);
  return payment;
}

export function findPayment(id: string): ExamplePayment | undefined {
  return payments.get(id);
}

export function findByReference(merchantReference: string): ExamplePayment | undefined {
  return [...payments.values()].find((payment) => payment.merchantReference === merchantReference);
}

/** Moves a pending payment to its result once (a double click changes it once); undefined if it was not pending. */
export function settle(id: string, status: "succeeded" | "failed"): ExamplePayment | undefined {
  const payment = payments.get(id);
  if (!payment || payment.status !== "pending") return undefined;
  return savePayment({ ...payment, status });
}

/**
 * The control plane's "the provider saw one charge": the payments made for a merchant reference
 * (a Promise, as the descriptor asks of every emulator; these are in memory).
 */
export async function chargesFor(reference: string): Promise<{ id: string; status: string }[]> {
  return [...payments.values()]
    .filter((payment) => payment.merchantReference === reference)
    .map(({ id, status }) => ({ id, status }));
}
