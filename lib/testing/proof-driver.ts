/**
 * What the proof suites (authenticity, exactly-once, money-integrity, web-security, faults) need
 * from one provider: its notifications to the shop's /api/webhooks/<provider>, and how its tests
 * pay (the method and currency, its hosted page, the emulator's charges that hold money, forced
 * faults). Each provider's part lives at lib/emulators/<id>/proof-driver.ts (exported as
 * `proofDriver`) and signs with the emulator's own signing code, so the shop's verifier is checked
 * against an independent signer. The suites find it by folder: a provider with a driver runs every
 * "for each provider" case with no list to edit. The shop's part (an order and a payment in a given
 * state) is generic: ./proof-drivers.ts.
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

/** How the one-charge suite pays with a provider. */
export interface CheckoutCase {
  /** Its card-taking method. */
  method: string;
  /** The currency its tests pay in. */
  currency: string;
  /** Whether the shop's form takes the card (else the payer types it on the provider's hosted page). */
  cardInShop: boolean;
}

/** How the faults suite starts a payment whose answer is the provider's alone (no browser step before the charge). */
export interface FaultCase {
  method: string;
  currency: string;
  /** Whether the shop sends a card with it. */
  card: boolean;
}

/** A form the payer posts on the provider's hosted page: a path on the test server and its fields. */
export interface HostedPageForm {
  path: string;
  fields: Record<string, string>;
}

/** What the provider's risk script gives the shopper's browser for a card, where it has one. */
export interface BrowserRisk {
  requestId: string;
  jsGeneratedData: Record<string, unknown>;
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
  checkout: CheckoutCase;
  /** Its emulator's statuses of a charge that holds the payer's money (charged or authorized, not returned). */
  holdsMoney: readonly string[];
  /** For a provider whose emulator honours the control plane's forced faults. */
  faults?: FaultCase;
  /**
   * The payer acts on the hosted page of the payment the provider calls `ref`: pays with
   * `cardNumber` (or declines, `approve` false), scans the QR code, or answers the 3DS challenge.
   */
  hostedPage?(ref: string, payer: { cardNumber: string; approve: boolean }): HostedPageForm;
  /** Asks the provider's risk script, as the browser does, for what a card payment must carry. */
  browserRisk?(cardNumber: string): Promise<BrowserRisk>;
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
