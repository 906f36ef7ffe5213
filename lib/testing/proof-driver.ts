/**
 * What the proof suites (authenticity, exactly-once, money-integrity, web-security) need from one
 * provider to send its notifications to the shop's /api/webhooks/<provider>. Each provider's part
 * lives at lib/emulators/<id>/proof-driver.ts (exported as `proofDriver`) and signs with the
 * emulator's own signing code, so the shop's verifier is checked against an independent signer.
 * The shop's part (an order and a payment in a given state) is generic: ./proof-drivers.ts.
 */

export interface Money {
  amount: number;
  currency: string;
}

/** An outcome a notification reports. */
export type Outcome = "processing" | "succeeded" | "failed" | "refunded" | "canceled" | "expired" | "captured";

export interface NotificationRequest {
  headers: Record<string, string>;
  body: string;
}

/** How the provider refers to a payment: what the shop stores once it has heard from it. */
export interface PaymentReference {
  /** The provider's id of the payment (in its notifications, whether or not the shop has it yet). */
  ref: string;
  /** What the shop keeps of the provider's answer besides the id (the payment's providerData). */
  providerData?: Record<string, string>;
}

/** A shop payment under test, with the provider's reference for it. */
export interface TestPayment extends Money, PaymentReference {
  id: string;
  orderId: string;
  provider: string;
}

export interface ProofDriver {
  /** The provider id: its folder under lib/emulators, its /api/webhooks/<id>. */
  provider: string;
  /** Outcomes this provider notifies. */
  outcomes: readonly Outcome[];
  /**
   * The provider's reference for the shop's payment `paymentId`, after whatever the emulator must
   * hold for it first; `remote` is what the provider's own record says (default the same money).
   */
  reference(paymentId: string, remote: Money): Promise<PaymentReference>;
  /** The provider's notification that `payment` reached `outcome`, reporting `money` (default the payment's). */
  notification(payment: TestPayment, outcome: Outcome, money?: Partial<Money>): Promise<NotificationRequest>;
  /** Asserts nothing; answers whether a response is the provider's exact acknowledgement. */
  isAck(response: { status: number; text: string }): boolean;
}

/** A unique run of digits for the providers' made-up payment ids. */
export const uniqueDigits = () => `${Date.now()}${Math.floor(Math.random() * 1e9)}`;
