import type { Payment, PaymentStatus } from "@/lib/db/schema";
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
  /** What the provider's risk script collected in the browser (e.g. PingPong's jsGeneratedData). */
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
   * Keeps a reference the provider gave before its final answer (Ping's payment order), at once,
   * so that an inquiry finds the payment even if the shop dies before the answer.
   */
  keepReference?: (providerData: Record<string, string>) => void;
  /** Where the provider sends the shopper back, and where it posts notifications. */
  returnUrl: string;
  errorUrl: string;
  notificationUrl: string;
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
  /** `sdkTrigger`: what the provider's browser script takes, as it came, to lead there itself (PingPong's complexTrigger); `url` is then the shop's hand-off page. */
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

/** A notification the adapter has verified (signature or confirming GET) and parsed. */
export interface VerifiedNotification {
  /** Our payment id, where the provider echoes it. */
  merchantReference?: string;
  providerPaymentId?: string;
  status: PaymentStatus;
  amount: Minor;
  currency: string;
  /** Same value for every delivery of the same notification. */
  dedupeKey: string;
  failure?: { code: string; message: string };
  /** A refund notification: its amount adds to what the payment has had refunded. */
  refundAmount?: Minor;
  /** A capture notification: what the payment has had captured. */
  capturedAmount?: Minor;
  /** The amount is part of the payment (a capture or a refund), not the whole of it. */
  amountIsPart?: boolean;
  /** The provider itself says the money paid is not the payment's (Lesspay's 12 PAID, amount differs): an integrity failure whatever `amount` says. */
  amountDiffers?: boolean;
  /** "succeeded" means authorized when the payment was made with manual capture (Antom's S). */
  resolveByCaptureMode?: boolean;
  /** An event for the timeline only (e.g. a risk event): recorded once, changes no status. */
  informational?: boolean;
  /** About a wallet binding, not a payment: its token is activated, declined or revoked. */
  /**
   * About a wallet binding, not a payment: activated, declined or revoked. It names the binding by
   * its token or the signing's reference (`bindingRef`), whichever the provider sent; the shopper's
   * id is checked when present.
   */
  credentialEvent?: {
    token?: string;
    bindingRef?: string;
    merchantUserId?: string;
    event: "activated" | "declined" | "revoked";
    source?: string;
  };
  /** Verified, but nothing the shop can act on (an undocumented shape): acknowledged, counted, nothing written. */
  unrecognized?: boolean;
  storedCredential?: StoredCredentialInfo;
  checks?: { avs?: string; cvv?: string; threeDs?: string };
  summary: string;
  /** Redacted payload and confirming calls, for the event log. */
  detail: unknown;
}

/** An unconfirmed notification's claim of a final state (PaymentProvider.finalClaimOf). */
export interface FinalClaim {
  providerPaymentId: string;
  status: PaymentStatus;
  /** References the payment must hold as well (e.g. Ping's payment order id). */
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
  /** References learnt before the call that went wrong (e.g. Ping's payment order), kept for the inquiry. */
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

export interface PaymentProvider {
  id: ProviderId;
  displayName: string;
  methods: readonly PaymentMethod[];
  createPayment(request: PaymentRequest): Promise<ProviderOutcome>;
  capture?(payment: Payment, amount: Minor): Promise<ProviderOutcome>;
  /** Whether the provider can keep a card for later payments (checkout offers "save this card"). */
  cardOnFile?: boolean;
  cancel?(payment: Payment): Promise<ProviderOutcome>;
  /**
   * Closes an attempt the shopper left open (a QR code, a redirect or a hosted page) so that it
   * can no longer be paid, because the shopper chose another way to pay. Resolves once the
   * provider said yes; throws when it refused (e.g. the attempt was paid meanwhile) or its answer
   * is unknown. Absent where the provider's API cannot close an open attempt: the switch then
   * waits until the attempt has expired or failed.
   */
  closeOpenAttempt?(payment: Payment): Promise<{ calls: ApiCallRecord[] }>;
  refund?(payment: Payment, amount: Minor): Promise<ProviderOutcome>;
  /** An operator settles a paid payment at the provider (pays it out); its status does not change. */
  settle?(payment: Payment): Promise<ProviderOutcome>;
  inquire?(payment: Payment): Promise<ProviderOutcome>;
  /** Throws NotificationRejected when the notification cannot be believed. */
  verifyNotification(raw: RawNotification): Promise<VerifiedNotification>;
  /**
   * For a provider whose notifications are believed only through a confirming call (they are not
   * signed): what one claims, read from its body alone, when it claims a state after which the
   * provider notifies nothing more. A claim about a payment already in that state is answered
   * without the call (nothing it could confirm would change the payment).
   */
  finalClaimOf?(raw: RawNotification): FinalClaim | undefined;
  /** The exact acknowledgement the provider expects (the same for every notification it acknowledges). */
  acknowledge(notification?: VerifiedNotification): Response;
  /** One-click wallet linking, where the provider offers it. */
  wallets?: WalletLinking;
}
