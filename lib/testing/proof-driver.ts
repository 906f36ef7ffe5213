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

/** A terminal state the provider's notifications can bring a payment to, and the shop state it follows. */
export interface TerminalCase {
  reach: Outcome;
  from: "requires_action" | "authorized" | "succeeded";
}

export interface ProofDriver {
  /** The provider id: its folder under lib/emulators, its /api/webhooks/<id>. */
  provider: string;
  /** Outcomes this provider notifies. */
  outcomes: readonly Outcome[];
  /** The terminal states its notifications reach, each from the state it follows (the exactly-once suite's "terminal states never move"). */
  terminals: readonly TerminalCase[];
  /** Its refund notifications name only its own payment id, so the shop must hold that id to find the payment. */
  refundsNameOnlyItsId?: boolean;
  /**
   * The provider's reference for the shop's payment `paymentId`, after whatever the emulator must
   * hold for it first (a record of the payment with `remote`, the shop's payment's money).
   */
  reference(paymentId: string, remote: Money): Promise<PaymentReference>;
  /** The provider's notification that `payment` reached `outcome`, reporting `money` (default the payment's). */
  notification(payment: TestPayment, outcome: Outcome, money?: Partial<Money>): Promise<NotificationRequest>;
  /** Asserts nothing; answers whether a response is the provider's exact acknowledgement. */
  isAck(response: { status: number; text: string }): boolean;
  /**
   * A notification of progress that `payment`, now succeeded, has moved past (a stale one). By
   * default its `processing` notification; a provider that notifies none and does not define this
   * skips the cases that need one.
   */
  staleProgress?(payment: TestPayment): Promise<NotificationRequest>;
  /**
   * A success naming `named` by the provider's id and `other` by our reference. By default `named`'s
   * notification with `other`'s id; a provider whose notifications are believed through a confirming
   * call makes its own record say so.
   */
  crossedNames?(named: TestPayment, other: TestPayment): Promise<NotificationRequest>;
  /**
   * A success for a payment the provider holds that is not `named`'s (another provider id) but names
   * `named` by our reference. By default `named`'s notification with another id.
   */
  strangerNamingOurs?(named: TestPayment): Promise<NotificationRequest>;
  /** `request` with another body, signed as the provider signs (by default the same headers, so only the body differs). */
  withBody?(request: NotificationRequest, body: string): NotificationRequest;
}

/** A unique run of digits for the providers' made-up payment ids. */
export const uniqueDigits = () => `${Date.now()}${Math.floor(Math.random() * 1e9)}`;
