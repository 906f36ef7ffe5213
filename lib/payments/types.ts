import type { PaymentStatus } from "@/lib/db/schema";
import type { Minor } from "@/lib/money";

/** A provider's id: its folder's name (lib/providers/<id>), listed in lib/providers/index.ts. */
export type ProviderId = string;

/**
 * How checkout collects a method: on the provider's hosted page, with the shop's card form
 * (card data goes to the provider only), by a QR code, or by a redirect to the method's page.
 */
export type MethodKind = "hosted" | "card" | "qr" | "redirect";

/** One way to pay that checkout offers: a provider and one of its methods. */
export interface PaymentMethod {
  provider: ProviderId;
  method: string;
  kind: MethodKind;
  label: string;
  description: string;
  /** Currencies the method accepts; checkout hides it for others. */
  currencies: readonly string[];
  /** A signed-in shopper may save the card for next time (card on file). */
  canSaveCard?: boolean;
  /**
   * A hosted method whose page takes a card: like a `card` method it can be the shop's card
   * processor, so checkout shows it as the one Card choice, not as a method of its own.
   */
  cardPage?: boolean;
}

export interface PaymentRequest {
  paymentId: string;
  orderId: string;
  method: string;
  amount: Minor;
  currency: string;
  items: readonly { name: string; unitAmount: Minor; quantity: number }[];
  payer: { name: string; email: string };
  /** Card details for `card` methods: passed to the provider, never stored or logged. */
  card?: CardInput;
  /** What the provider's risk script collected in the browser (e.g. a risk plugin's device data). */
  risk?: { requestId?: string; jsGeneratedData?: Record<string, unknown>; browserInfo?: Record<string, unknown> };
  shopperIp?: string;
  /** The signed-in shopper's id at the provider (stored cards, wallets); absent for guests. */
  merchantUserId?: string;
  /** Automatic: captured with the authorization. Manual: the merchant captures later. */
  captureMode: "automatic" | "manual";
  /** Ask the provider to keep the card for later payments (card on file). */
  saveCard?: boolean;
  /** Pay with a stored credential (a card token, or a wallet binding's token) instead of card details. */
  storedCredential?: { token: string; kind: "card" | "wallet"; walletType?: string; merchantUserId?: string };
  /** Merchant-initiated: charged without the shopper present (needs a stored credential). */
  merchantInitiated?: boolean;
  /** An external 3-D Secure result (MPI): passed in, so no challenge. */
  mpi?: { eci: string; cavv: string; dsTransactionId: string; threeDSVersion?: string };
  /** The shopper's address, for AVS and the provider's risk checks. */
  address?: { line1: string; city: string; postalCode: string; country: string };
  /**
   * Keeps a reference the provider gave before its final answer (e.g. a payment order that holds the payment), at once,
   * so that an inquiry finds the payment even if the shop dies before the answer.
   */
  keepReference?: (providerData: Record<string, string>) => Promise<void>;
  /**
   * Keeps the typed card (masked) at once, for a provider that never reports the card it keeps:
   * its notification with the saved card's token may come before its answer.
   */
  keepTypedCard?: (card: TypedCard) => Promise<void>;
  /** Where the provider sends the shopper back, and where it posts notifications. */
  returnUrl: string;
  errorUrl: string;
  notificationUrl: string;
}

/** A card as the shopper typed it, as much as the shop may keep: brand, last four, MM/YY. */
export interface TypedCard {
  brand: string;
  last4: string;
  expiry: string;
}

/**
 * What an adapter is told of an existing payment (capture, cancel, close, refund, settle,
 * inquiry): the references on both sides and the money, not the shop's row.
 */
export interface PaymentRef {
  /** Our id, the merchant reference the provider was given (PaymentRequest's paymentId). */
  paymentId: string;
  /** The provider's id for it, once the provider named it. */
  providerPaymentId?: string;
  amount: Minor;
  currency: string;
  captureMode: "automatic" | "manual";
  capturedAmount: Minor;
  refundedAmount: Minor;
  /** The provider's own other references, as its adapter returned them (e.g. the payment order holding the payment). */
  providerData: Readonly<Record<string, string>>;
}

export interface StoredCredentialInfo {
  token: string;
  brand?: string;
  last4?: string;
  expiry?: string;
}

export interface CardInput {
  number: string;
  expiryMonth: string;
  expiryYear: string;
  cvc: string;
  holderName: string;
}

export type NextAction =
  | { type: "none" }
  /** `sdkTrigger`: what the provider's browser script takes, as it came, to lead there itself (its 3-D Secure trigger); `url` is then the shop's hand-off page. */
  | { type: "redirect"; url: string; sdkTrigger?: unknown }
  | { type: "qr"; payload: string; expiresAt?: Date };

/** A provider's answer, reshaped into the shop's own terms inside lib/providers/<p>. */
export interface ProviderOutcome {
  status: PaymentStatus;
  providerPaymentId?: string;
  providerData?: Record<string, string>;
  nextAction: NextAction;
  failure?: { code: string; message: string };
  /** The card as the shop may keep it: brand, first six, last four. */
  card?: { brand: string; first6: string; last4: string };
  /** For refunds and voids: the key their notification will carry too, so only one applies. */
  dedupeKey?: string;
  /** A refund's amount, added to what the payment has had refunded. */
  refundAmount?: Minor;
  /** A capture's amount (what the payment has had captured). */
  capturedAmount?: Minor;
  /** A card the provider stored for later (card on file). */
  storedCredential?: StoredCredentialInfo;
  /** The stored credential used is no longer valid at the provider (revoke it). */
  credentialInvalid?: boolean;
  /** AVS, CVV and 3DS results as the provider reports them. */
  checks?: { avs?: string; cvv?: string; threeDs?: string };
  /** An inquiry's answer: the amount and currency the provider holds for the payment (checked before it moves anything). */
  reported?: { amount: Minor; currency: string };
  /** An inquiry's answer: the provider says it has no such payment (its word, not a guess). */
  notAtProvider?: boolean;
  /** An inquiry's answer: the provider's API cannot tell (why, for the operator); the attempt waits for an operator, never failed by time. */
  needsOperator?: string;
  /** Redacted request/response pairs for the payment's event log. */
  calls: ApiCallRecord[];
}

export interface ApiCallRecord {
  method: string;
  url: string;
  status: number;
  request?: unknown;
  response?: unknown;
  durationMs: number;
}

export interface RawNotification {
  headers: Headers;
  body: string;
  /** The URL it was posted to: its query is the shop's own, where the shop gave the provider that URL. */
  url?: string;
}

/** What every verified notification carries, whatever it is about. */
interface NotificationBase {
  summary: string;
  /** Redacted payload and confirming calls, for the event log. */
  detail: unknown;
}

/** A notification the shop may record: every delivery of the same one carries the same key. */
interface Deduplicated extends NotificationBase {
  dedupeKey: string;
}

/**
 * Names one of the shop's payments: our reference where the provider echoes it, its own id, or
 * both (then both must name the same payment).
 */
interface NamesPayment {
  merchantReference?: string;
  providerPaymentId?: string;
}

/** A status the provider reports for a payment; its amount and currency are the whole payment's. */
export interface PaymentStatusNotification extends Deduplicated, NamesPayment {
  kind: "payment-status";
  /**
   * "approved": paid, without saying whether it was captured (a card result that does not say whether it was captured): the
   * payment is authorized when it was made with manual capture, succeeded otherwise.
   */
  status: PaymentStatus | "approved";
  amount: Minor;
  currency: string;
  /** The provider itself says the money paid is not the payment's (a paid status whose amount differs): an integrity failure whatever `amount` says. */
  amountDiffers?: boolean;
  failure?: { code: string; message: string };
  storedCredential?: StoredCredentialInfo;
  checks?: { avs?: string; cvv?: string; threeDs?: string };
}

/** A capture's result; its amount is part of the payment (at most the whole). */
export interface CaptureNotification extends Deduplicated, NamesPayment {
  kind: "capture";
  /** captured: the payment has had `amount` captured; failed: the authorization stays as it was. */
  result: "captured" | "failed";
  amount: Minor;
  currency: string;
}

/** A refund made: its amount adds to what the payment has had refunded. */
export interface RefundNotification extends Deduplicated, NamesPayment {
  kind: "refund";
  /** The refund's amount (part of the payment). */
  amount: Minor;
  currency: string;
  /** The whole payment's amount, where the provider repeats it with the refund: checked instead of the refund's. */
  paymentAmount?: Minor;
}

/** A refund the provider did not make: on the payment's timeline once, nothing moves, its amount is not checked. */
export interface RefundFailedNotification extends Deduplicated, NamesPayment {
  kind: "refund-failed";
}

/** A risk event: on the payment's timeline once, changes nothing, its amount is not checked. */
export interface RiskEventNotification extends Deduplicated, NamesPayment {
  kind: "risk-event";
}

/**
 * About a wallet binding, not a payment: activated, declined or revoked. It names the binding by
 * its token or the signing's reference (`bindingRef`), whichever the provider sent; the shopper's
 * id is checked when present.
 */
export interface WalletBindingNotification extends Deduplicated {
  kind: "wallet-binding";
  binding: {
    token?: string;
    bindingRef?: string;
    merchantUserId?: string;
    event: "activated" | "declined" | "revoked";
    source?: string;
  };
}

/** Verified, but nothing the shop can act on (an undocumented shape): acknowledged, counted, nothing written. */
export interface UnrecognizedNotification extends NotificationBase {
  kind: "unrecognized";
}

/** A notification the adapter has verified (signature or confirming GET) and parsed: one kind, its own fields. */
export type VerifiedNotification =
  | PaymentStatusNotification
  | CaptureNotification
  | RefundNotification
  | RefundFailedNotification
  | RiskEventNotification
  | WalletBindingNotification
  | UnrecognizedNotification;

/** A verified notification about one of the shop's payments. */
export type PaymentNotification = Exclude<VerifiedNotification, WalletBindingNotification | UnrecognizedNotification>;

/** An unconfirmed notification's claim of a final state (PaymentProvider.finalClaimOf). */
export interface FinalClaim {
  providerPaymentId: string;
  status: PaymentStatus;
  /** References the payment must hold as well (e.g. the payment order's id). */
  providerData: Record<string, string>;
  summary: string;
}

export class NotificationRejected extends Error {
  constructor(
    readonly httpStatus: 400 | 401 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
    this.name = "NotificationRejected";
  }
}

export interface ProviderErrorOptions {
  /**
   * Whether the provider may have acted on the request: no answer in time, a 5xx, an HTML page, or
   * JSON that does not parse or fit the schema. Only a clear refusal (the provider's documented
   * error or decline) leaves it false. Set by each provider client, read by the service.
   */
  outcomeUnknown?: boolean;
  /** References learnt before the call that went wrong (e.g. a payment order), kept for the inquiry. */
  providerData?: Record<string, string>;
}

export class ProviderError extends Error {
  readonly outcomeUnknown: boolean;
  providerData?: Record<string, string>;
  constructor(
    message: string,
    readonly calls: ApiCallRecord[] = [],
    readonly code = "provider_error",
    options: ProviderErrorOptions = {},
  ) {
    super(message);
    this.name = "ProviderError";
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.providerData = options.providerData;
  }
}

/** A ProviderError whose answer cannot be read: the provider may or may not have acted (code answer_unknown). */
export function unknownAnswer(message: string, calls: ApiCallRecord[]): ProviderError {
  return new ProviderError(message, calls, "answer_unknown", { outcomeUnknown: true });
}

/**
 * One-click wallet linking, for a provider that has it: the shopper signs a wallet once (its
 * signing page), the provider notifies the token, and later payments use it without asking.
 */
export interface WalletLinking {
  /** The wallets a shopper can link. */
  wallets: readonly string[];
  /**
   * Starts a signing: the shopper's `authUrl`, the signing's own reference (`bindingRef`) and the
   * token when the provider already answers it (else it comes with the signing notification).
   */
  bind(input: {
    merchantUserId: string;
    walletType: string;
    resultUrl: string;
    notificationUrl: string;
  }): Promise<{ token?: string; bindingRef: string; authUrl: string }>;
  unbind(input: { merchantUserId: string; token: string }): Promise<void>;
  /** A deprecated authorization flow (authorization page -> code -> token), while the provider keeps it. */
  legacy?: {
    enabled(): boolean;
    start(input: {
      merchantUserId: string;
      walletType: string;
      resultUrl: string;
      notificationUrl: string;
    }): Promise<{ authUrl: string }>;
    exchange(input: { merchantUserId: string; code: string }): Promise<{ token: string; walletType?: string }>;
  };
}

/** An operator's settlement at the provider: it leaves the payment's status as it is, so it names none. */
export type SettlementOutcome = Omit<ProviderOutcome, "status">;

export interface PaymentProvider {
  id: ProviderId;
  displayName: string;
  methods: readonly PaymentMethod[];
  createPayment(request: PaymentRequest): Promise<ProviderOutcome>;
  capture?(payment: PaymentRef, amount: Minor): Promise<ProviderOutcome>;
  /** Whether the provider can keep a card for later payments (checkout offers "save this card"). */
  cardOnFile?: boolean;
  cancel?(payment: PaymentRef): Promise<ProviderOutcome>;
  /**
   * Closes an attempt the shopper left open (a QR code, a redirect or a hosted page) so that it
   * can no longer be paid, because the shopper chose another way to pay. Resolves once the
   * provider said yes; throws when it refused (e.g. the attempt was paid meanwhile) or its answer
   * is unknown. Absent where the provider's API cannot close an open attempt: the switch then
   * waits until the attempt has expired or failed.
   */
  closeOpenAttempt?(payment: PaymentRef): Promise<{ calls: ApiCallRecord[] }>;
  refund?(payment: PaymentRef, amount: Minor): Promise<ProviderOutcome>;
  /** An operator settles a paid payment at the provider (pays it out); its status does not change. */
  settle?(payment: PaymentRef): Promise<SettlementOutcome>;
  inquire?(payment: PaymentRef): Promise<ProviderOutcome>;
  /** Throws NotificationRejected when the notification cannot be believed. */
  verifyNotification(raw: RawNotification): Promise<VerifiedNotification>;
  /**
   * For a provider whose notifications are believed only through a confirming call (they are not
   * signed): what one claims, read from its body alone, when it claims a state after which the
   * provider notifies nothing more. A claim about a payment already in that state is answered
   * without the call (nothing it could confirm would change the payment).
   */
  finalClaimOf?(raw: RawNotification): FinalClaim | undefined;
  /**
   * The exact acknowledgement the provider expects (the same for every notification it
   * acknowledges): the body of the "ack" answer (lib/payments/answers.ts gives the others).
   */
  acknowledge(): Response;
  /** One-click wallet linking, where the provider offers it. */
  wallets?: WalletLinking;
}
