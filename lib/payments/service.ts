import "server-only";
import { settings } from "@/lib/env";
import { newPaymentId } from "@/lib/ids";
import { log } from "@/lib/log";
import { minor } from "@/lib/money";
import { randomUUID } from "node:crypto";
import { findOrder, listOrderItems, orderCaptureMode } from "@/lib/db/queries/orders";
import { repeatOrder } from "@/lib/orders";
import {
  findCredential,
  findCredentialByToken,
  insertCredential,
  moveCredential,
  saveCredentialOnce,
} from "@/lib/db/queries/credentials";
import {
  AttemptClaimLost,
  claimOrderForAttempt,
  findPayment,
  findPaymentByProviderRef,
  hasExtraCharge,
  listUnreturnedExtraCharges,
  patchPayment,
  recordIntegrityFailure,
  recordPaymentEvent,
  type PaymentPatch,
} from "@/lib/db/queries/payments";
import type { Payment } from "@/lib/db/schema";
import { paymentRefOf } from "./payment-ref";
import type { NotAcknowledged, NotificationAnswer } from "./answers";
import { paymentEventOf, type PaymentEvent } from "./decide";
import { findMethod, getProvider, walletProvider } from "./registry";
import { noteRejectedNotification, noteUnchangedRedelivery } from "./rejections";
import { isPaid, isPending, isSwitchable } from "./state";
import { applyPaymentEvent, transitionPayment } from "./transitions";
import {
  NotificationRejected,
  ProviderError,
  type ApiCallRecord,
  type CaptureNotification,
  type CardInput,
  type NextAction,
  type PaymentNotification,
  type PaymentRequest,
  type PaymentStatusNotification,
  type ProviderOutcome,
  type RawNotification,
  type RefundNotification,
  type StoredCredentialInfo,
  type VerifiedNotification,
  type WalletBindingNotification,
} from "./types";

export class CheckoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckoutError";
  }
}

function recordCalls(paymentId: string, provider: string, calls: readonly ApiCallRecord[]) {
  for (const call of calls) {
    recordPaymentEvent({
      paymentId,
      provider,
      type: "api_call",
      summary: `${call.method} ${new URL(call.url).pathname} -> ${call.status || "no answer"}`,
      detail: call,
    });
  }
}

export function nextActionOf(payment: Payment): NextAction {
  if (payment.nextActionType === "redirect" && payment.nextActionUrl) {
    return { type: "redirect", url: payment.nextActionUrl, sdkTrigger: payment.nextActionSdkTrigger ?? undefined };
  }
  if (payment.nextActionType === "qr" && payment.nextActionQr) {
    return { type: "qr", payload: payment.nextActionQr, expiresAt: payment.nextActionExpiresAt ?? undefined };
  }
  return { type: "none" };
}

/** What the provider's answer tells about the payment whatever its status: references and the card. */
function factsFromOutcome(outcome: ProviderOutcome, payment: Payment): PaymentPatch {
  return {
    providerPaymentId: outcome.providerPaymentId,
    providerData: { ...payment.providerData, ...outcome.providerData },
    cardBrand: outcome.card?.brand,
    cardFirst6: outcome.card?.first6,
    cardLast4: outcome.card?.last4,
    ...checksPatch(outcome.checks),
    capturedAmount: outcome.capturedAmount,
  };
}

function checksPatch(checks: ProviderOutcome["checks"]): PaymentPatch {
  if (!checks) return {};
  return { avsResult: checks.avs, cvvResult: checks.cvv, threeDsResult: checks.threeDs };
}

function patchFromOutcome(outcome: ProviderOutcome, payment: Payment): PaymentPatch {
  const action = outcome.nextAction;
  return {
    ...factsFromOutcome(outcome, payment),
    nextActionType: action.type,
    nextActionUrl: action.type === "redirect" ? action.url : null,
    nextActionSdkTrigger: action.type === "redirect" ? (action.sdkTrigger ?? null) : null,
    nextActionQr: action.type === "qr" ? action.payload : null,
    nextActionExpiresAt: action.type === "qr" ? (action.expiresAt ?? null) : null,
    failureCode: outcome.failure?.code ?? null,
    failureMessage: outcome.failure?.message ?? null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one payment attempt for an order. The idempotency key comes from the pay form, so a
 * double submit finds the first attempt (and waits for its answer) instead of paying twice.
 */
export interface StartPaymentInput {
  orderId: string;
  provider: string;
  method: string;
  idempotencyKey: string;
  /** For card methods: goes to the provider only. */
  card?: CardInput;
  risk?: PaymentRequest["risk"];
  shopperIp?: string;
  userId?: string | null;
  /** Keep the card at the provider for the signed-in shopper's next payments. */
  saveCard?: boolean;
  /** Pay with this saved card (one of the order's shopper's). */
  storedCredentialId?: string;
  /** An operator's charge without the shopper (needs a saved card). */
  merchantInitiated?: boolean;
  mpi?: PaymentRequest["mpi"];
  /**
   * The open attempt the shopper chose to leave for this one ("Pay another way" on the order
   * page): closed at the provider and superseded first, where the provider's API can.
   */
  replaceAttempt?: string;
}

/** Stores a card the provider kept for later, for the order's signed-in shopper who asked for it. */
function rememberCard(payment: Payment, credential: StoredCredentialInfo | undefined): void {
  if (!credential || !payment.saveCard) return;
  const order = findOrder(payment.orderId);
  if (!order?.userId) return;
  saveCredentialOnce({
    userId: order.userId,
    provider: payment.provider,
    kind: "card",
    token: credential.token,
    // A provider that does not report the card keeps what the shopper typed before its call
    // (PaymentRequest.keepTypedCard: its notification may come before its answer).
    brand: credential.brand ?? payment.cardBrand,
    last4: credential.last4 ?? payment.cardLast4,
    expiry: credential.expiry ?? payment.cardExpiry,
  });
}

export async function startPayment(input: StartPaymentInput): Promise<Payment> {
  const order = findOrder(input.orderId);
  if (!order) throw new CheckoutError("This order does not exist.");
  if (order.status === "paid" || order.status === "refunded") throw new CheckoutError("This order is already paid.");
  const provider = getProvider(input.provider);
  const credential = input.storedCredentialId ? findCredential(input.storedCredentialId) : undefined;
  // A linked wallet is not one of the checkout methods: it is the shopper's own binding.
  const viaWallet = credential?.kind === "wallet";
  if (!viaWallet && !provider.methods.some((m) => m.method === input.method && m.currencies.includes(order.currency))) {
    throw new CheckoutError(`${provider.displayName} does not offer ${input.method} in ${order.currency}.`);
  }

  let storedCredential: PaymentRequest["storedCredential"];
  if (input.storedCredentialId) {
    if (
      !credential ||
      credential.status !== "active" ||
      credential.provider !== provider.id ||
      !order.userId ||
      credential.userId !== order.userId
    ) {
      throw new CheckoutError(
        viaWallet
          ? "This wallet is not linked any more. Link it again in your account."
          : "This saved card cannot be used for this order.",
      );
    }
    storedCredential = {
      token: credential.token,
      kind: credential.kind,
      walletType: credential.brand ?? undefined,
      merchantUserId: credential.merchantUserId ?? undefined,
    };
  } else if (input.merchantInitiated) {
    throw new CheckoutError("A merchant-initiated payment needs a saved card.");
  }
  const captureMode = orderCaptureMode(order.id);
  const { payment, created } = await claimAttempt(input, {
    id: newPaymentId(),
    orderId: order.id,
    provider: provider.id,
    method: input.method,
    idempotencyKey: input.idempotencyKey,
    amount: order.totalAmount,
    currency: order.currency,
    captureMode,
    cardBrand: credential?.brand,
    cardLast4: credential?.last4,
    providerData: {},
    saveCard: Boolean(input.saveCard && order.userId && provider.cardOnFile),
    merchantInitiated: Boolean(input.merchantInitiated),
  });
  if (!created) return waitForFirstAnswer(payment.id);

  const env = settings();
  const items = listOrderItems(order.id);
  const orderUrl = `${env.APP_URL}/orders/${order.id}`;
  try {
    const outcome = await provider.createPayment({
      paymentId: payment.id,
      orderId: order.id,
      method: input.method,
      amount: minor(order.totalAmount),
      currency: order.currency,
      items: items.map((item) => ({ name: item.name, unitAmount: minor(item.unitAmount), quantity: item.quantity })),
      payer: { name: order.name, email: order.email },
      card: input.card,
      risk: input.risk,
      shopperIp: input.shopperIp,
      merchantUserId: input.userId ?? undefined,
      captureMode,
      saveCard: payment.saveCard,
      storedCredential,
      merchantInitiated: input.merchantInitiated,
      mpi: input.mpi,
      address: { line1: order.addressLine, city: order.city, postalCode: order.postalCode, country: order.country },
      keepReference: (providerData) =>
        patchPayment(payment.id, { providerData: { ...payment.providerData, ...providerData } }),
      keepTypedCard: (card) =>
        patchPayment(payment.id, { cardBrand: card.brand, cardLast4: card.last4, cardExpiry: card.expiry }),
      returnUrl: `${orderUrl}?attempt=${payment.id}`,
      errorUrl: `${orderUrl}?attempt=${payment.id}&returned=error`,
      notificationUrl: `${env.APP_URL}/api/webhooks/${provider.id}`,
    });
    recordCalls(payment.id, provider.id, outcome.calls);
    const summary = `${provider.displayName} answered ${outcome.status}${outcome.nextAction.type !== "none" ? ` (${outcome.nextAction.type})` : ""}`;
    const result = transitionPayment(payment.id, outcome.status, patchFromOutcome(outcome, payment), {
      provider: provider.id,
      summary,
    });
    if (result.extraCharge) returnExtraChargeSoon(payment.id);
    rememberCard(result.payment, outcome.storedCredential);
    if (outcome.credentialInvalid && credential) {
      moveCredential(credential.id, ["active", "pending"], "revoked", {
        provider: provider.id,
        summary: `${provider.displayName} no longer knows this ${credential.kind}'s token`,
      });
    }
    let started = result.payment;
    if (!result.changed) {
      // Its notification came first and already moved the payment: keep the answer's facts only,
      // and its page where that notification said only "in process" (a pending notification before
      // an undecided answer with the provider's page): the shopper must still be sent there.
      const now = findPayment(payment.id) ?? payment;
      const stillToAct =
        now.status === "processing" && outcome.status === "requires_action" && outcome.nextAction.type === "redirect";
      patchPayment(payment.id, stillToAct ? patchFromOutcome(outcome, now) : factsFromOutcome(outcome, now));
      if (stillToAct) started = findPayment(payment.id) ?? started;
      recordPaymentEvent({
        paymentId: payment.id,
        provider: provider.id,
        type: "api_call",
        fromStatus: result.from,
        toStatus: outcome.status,
        summary: `${summary}, after a notification had moved it to ${result.from}`,
        detail: null,
      });
    }
    log("info", "payment started", { paymentId: payment.id, provider: provider.id, status: started.status });
    return started;
  } catch (error) {
    const calls = error instanceof ProviderError ? error.calls : [];
    recordCalls(payment.id, provider.id, calls);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ProviderError && error.outcomeUnknown) return awaitUnknownAnswer(payment, provider, error);
    log("error", "payment start failed", { paymentId: payment.id, provider: provider.id, error: message });
    const result = transitionPayment(
      payment.id,
      "failed",
      {
        failureCode: error instanceof ProviderError ? error.code : "internal_error",
        failureMessage: `${provider.displayName} could not start the payment. Please try again.`,
      },
      { provider: provider.id, summary: `Start failed: ${message}` },
    );
    return result.payment;
  }
}

/**
 * One live attempt per order: claims the order for a new attempt, or explains why not. A shopper
 * who chose to leave an open attempt ("Pay another way") has it closed at the provider and
 * superseded first, where the provider's API can close it; elsewhere the switch waits.
 */
async function claimAttempt(
  input: StartPaymentInput,
  values: Parameters<typeof claimOrderForAttempt>[0],
): Promise<{ payment: Payment; created: boolean }> {
  for (let round = 0; ; round++) {
    let claim;
    try {
      claim = claimOrderForAttempt(values);
    } catch (error) {
      if (error instanceof AttemptClaimLost)
        throw new CheckoutError(
          "Another payment for this order started at the same moment. Please check the order page.",
        );
      throw error;
    }
    switch (claim.outcome) {
      case "created":
        return { payment: claim.payment, created: true };
      case "repeated":
        return { payment: claim.payment, created: false };
      case "no_order":
        throw new CheckoutError("This order does not exist.");
      case "order_paid":
        throw new CheckoutError("This order is already paid.");
      case "live_attempt":
        if (round > 0 || input.replaceAttempt !== claim.live.id)
          throw new CheckoutError(liveAttemptMessage(claim.live, false));
        await supersede(claim.live);
    }
  }
}

function methodLabel(payment: Payment): string {
  return findMethod(payment.provider, payment.method)?.label ?? payment.method;
}

/** Why another attempt cannot start while `live` is live, and what the shopper can do. */
function liveAttemptMessage(live: Payment, switching: boolean): string {
  const provider = getProvider(live.provider);
  const label = methodLabel(live);
  if (live.status === "authorized") return "This order is already paid.";
  if (live.status === "created")
    return `Your ${label} payment for this order is still starting. Please wait a moment, then look at the order page.`;
  if (live.status === "processing")
    return `Your ${label} payment for this order is still being processed. Please wait for its result before you pay again.`;
  if (!provider.closeOpenAttempt) {
    const until = live.nextActionExpiresAt ? ` (at ${live.nextActionExpiresAt.toISOString().slice(11, 16)} UTC)` : "";
    const finish =
      live.nextActionType === "qr" ? "Scan its QR code to pay" : "Finish it on the payment page, or cancel it there";
    return `Your ${label} payment for this order is still open, and ${provider.displayName} cannot close it early. ${finish}; you can pay another way once it has expired${until}.`;
  }
  return switching
    ? `We could not close your open ${label} payment. Finish it, or try again in a moment.`
    : `Your ${label} payment for this order is still open. Finish it, or choose "Pay another way" on the order page.`;
}

/** Closes an open attempt at its provider and marks it superseded, or says why it cannot be left yet. */
async function supersede(live: Payment): Promise<void> {
  const provider = getProvider(live.provider);
  if (!isSwitchable(live.status) || live.status === "created" || !provider.closeOpenAttempt)
    throw new CheckoutError(liveAttemptMessage(live, false));
  try {
    const closed = await provider.closeOpenAttempt(paymentRefOf(live));
    recordCalls(live.id, provider.id, closed.calls);
  } catch (error) {
    recordCalls(live.id, provider.id, error instanceof ProviderError ? error.calls : []);
    const message = error instanceof Error ? error.message : String(error);
    recordPaymentEvent({
      paymentId: live.id,
      provider: provider.id,
      type: "error",
      summary: `Could not close it for the shopper's other way to pay: ${message}`,
      detail: null,
    });
    log("warn", "open attempt not closed", { paymentId: live.id, provider: provider.id, error: message });
    throw new CheckoutError(liveAttemptMessage(live, true));
  }
  const result = transitionPayment(
    live.id,
    "superseded",
    {
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
      failureCode: "superseded",
      failureMessage: "You chose another way to pay.",
    },
    { provider: provider.id, summary: `Closed at ${provider.displayName}: the shopper chose another way to pay` },
  );
  if (!result.changed && isPaid(result.payment.status)) throw new CheckoutError("This order is already paid.");
  log("info", "open attempt superseded", { paymentId: live.id, provider: provider.id, changed: result.changed });
}

/** Who returns a second charge, on the timeline. */
const AUTOMATIC_RETURN = "Automatic return of a second charge";
const returning = new Set<string>();
const lastReturnTry: Map<string, number> = ((globalThis as Record<string, unknown>).__lastExtraChargeReturn ??=
  new Map()) as Map<string, number>;

function returnExtraChargeSoon(paymentId: string): void {
  returnExtraCharge(paymentId).catch((error) =>
    log("error", "second charge not returned", {
      paymentId,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
}

/**
 * A second charge of an order (an extra_charge event, money still held) goes back at once: a
 * void when it is only authorized, a refund of what is left otherwise, through the provider. A
 * provider whose API cannot do it leaves it to the operator (marked in the console until settled).
 * Asked again by the reconciliation loop until the money is back.
 */
export async function returnExtraCharge(paymentId: string, minIntervalMs = 0): Promise<Payment | undefined> {
  const payment = findPayment(paymentId);
  if (!payment || !isPaid(payment.status) || !hasExtraCharge(paymentId) || returning.has(paymentId)) return payment;
  if (Date.now() - (lastReturnTry.get(paymentId) ?? 0) < minIntervalMs) return payment;
  lastReturnTry.set(paymentId, Date.now());
  const provider = getProvider(payment.provider);
  returning.add(paymentId);
  const returnBy =
    payment.status === "authorized" ? (provider.cancel ? "void" : undefined) : provider.refund ? "refund" : undefined;
  try {
    if (returnBy) {
      // On the timeline before the provider is asked: its notification may come before its answer.
      recordPaymentEvent({
        paymentId,
        provider: provider.id,
        type: "extra_charge",
        dedupeKey: `extra-charge-return:${paymentId}`,
        summary: `Returning the second charge: ${returnBy} asked from ${provider.displayName}`,
        detail: null,
      });
    }
    if (returnBy === "void") return await voidPayment(paymentId, AUTOMATIC_RETURN);
    if (returnBy === "refund")
      return await refundPayment(
        paymentId,
        (payment.capturedAmount || payment.amount) - payment.refundedAmount,
        AUTOMATIC_RETURN,
      );
    recordPaymentEvent({
      paymentId,
      provider: provider.id,
      type: "extra_charge",
      dedupeKey: `extra-charge-by-hand:${paymentId}`,
      summary: `${provider.displayName}'s API cannot ${payment.status === "authorized" ? "void" : "refund"} it: return this second charge by hand at ${provider.displayName}`,
      detail: null,
    });
    return payment;
  } catch (error) {
    log("warn", "second charge return failed", {
      paymentId,
      provider: provider.id,
      error: error instanceof Error ? error.message : String(error),
    });
    return findPayment(paymentId);
  } finally {
    returning.delete(paymentId);
  }
}

/** The reconciliation loop's part: second charges whose money is still held are returned again. */
export async function returnUnreturnedExtraCharges(minIntervalMs: number): Promise<void> {
  for (const payment of listUnreturnedExtraCharges()) await returnExtraCharge(payment.id, minIntervalMs);
}

/**
 * The provider may or may not have made the payment (no answer, a 5xx, an unreadable answer):
 * failing it would be a guess, and a shopper who pays again might pay twice. It waits in
 * `processing` with no next action until an inquiry (soon after, by our own reference) settles it.
 */
function awaitUnknownAnswer(payment: Payment, provider: ReturnType<typeof getProvider>, error: ProviderError): Payment {
  const current = findPayment(payment.id) ?? payment;
  log("warn", "payment start answer unknown", { paymentId: payment.id, provider: provider.id, error: error.message });
  const result = transitionPayment(
    payment.id,
    "processing",
    {
      providerData: { ...current.providerData, ...error.providerData },
      // Asked about sooner than other pending payments.
      startAnswerUnknown: true,
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
    },
    {
      provider: provider.id,
      summary: `${provider.displayName}'s answer is unknown (${error.message}); reconciliation will ask ${provider.displayName} and settle the payment`,
      detail: { code: error.code },
    },
  );
  const after = unknownAnswerInquiryAfterMs();
  // Asked again soon, in this process; the reconciliation loop does it too if this process ends first.
  setTimeout(() => {
    reconcilePayment(payment.id, 0).catch(() => undefined);
  }, after).unref?.();
  return result.payment;
}

/** How soon a payment whose start answer was lost is asked about (never later than a late notification would be). */
export function unknownAnswerInquiryAfterMs(): number {
  const env = settings();
  return Math.min(env.PAYMENT_UNKNOWN_INQUIRY_AFTER_MS, env.PAYMENT_INQUIRY_AFTER_MS);
}

/** How old an attempt must be before the provider's "no such payment" settles it: older than any call still on its way. */
function notAtProviderAfterMs(): number {
  const env = settings();
  return Math.max(env.PAYMENT_NOT_AT_PROVIDER_AFTER_MS, 2 * env.PROVIDER_TIMEOUT_MS);
}

/** A second submit of the same form: wait (briefly) for the first attempt's provider answer. */
async function waitForFirstAnswer(paymentId: string): Promise<Payment> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const payment = findPayment(paymentId);
    if (!payment) throw new CheckoutError("This payment disappeared.");
    if (payment.status !== "created" || Date.now() > deadline) return payment;
    await sleep(100);
  }
}

const lastInquiry: Map<string, number> = ((globalThis as Record<string, unknown>).__lastPaymentInquiry ??=
  new Map()) as Map<string, number>;

/**
 * Asks the provider for a pending payment's status (its notification is late or lost) and
 * applies the answer through the state machine. Asks at most once per `minIntervalMs`.
 */
export async function reconcilePayment(paymentId: string, minIntervalMs = 10_000): Promise<Payment | undefined> {
  const payment = findPayment(paymentId);
  if (!payment) return undefined;
  const provider = getProvider(payment.provider);
  if (!provider.inquire) return payment;
  const previous = lastInquiry.get(paymentId) ?? 0;
  if (Date.now() - previous < minIntervalMs) return payment;
  lastInquiry.set(paymentId, Date.now());
  try {
    const outcome = await provider.inquire(paymentRefOf(payment));
    recordCalls(payment.id, provider.id, outcome.calls);
    if (outcome.notAtProvider) return settleNotAtProvider(payment, provider, outcome);
    if (outcome.needsOperator) return awaitOperator(payment, provider, outcome.needsOperator);
    // The provider's amount and currency must be the payment's, or nothing moves (the operator is told).
    const reported = outcome.reported;
    if (reported && (reported.amount !== payment.amount || reported.currency !== payment.currency)) {
      const summary = `Inquiry refused: ${provider.displayName} reports ${reported.amount} ${reported.currency} (${outcome.status}), the payment is ${payment.amount} ${payment.currency}`;
      const fresh = recordIntegrityFailure({
        paymentId: payment.id,
        provider: provider.id,
        summary,
        detail: { reported, status: outcome.status },
        dedupeKey: `integrity:inquiry:${payment.id}:${reported.amount}:${reported.currency}`,
      });
      if (fresh) log("warn", "inquiry amount mismatch", { paymentId: payment.id, provider: provider.id });
      return findPayment(payment.id) ?? payment;
    }
    // The provider's own id, learnt by the inquiry when the start answer never came.
    if (!payment.providerPaymentId && outcome.providerPaymentId)
      patchPayment(payment.id, { providerPaymentId: outcome.providerPaymentId });
    // "Still in progress" is no news: it must not hide a QR code or a challenge the shopper is on.
    if (outcome.status === payment.status || isPending(outcome.status)) return findPayment(payment.id) ?? payment;
    const result = transitionPayment(
      payment.id,
      outcome.status,
      {
        failureCode: outcome.failure?.code ?? null,
        failureMessage: outcome.failure?.message ?? null,
        nextActionType: "none",
        nextActionUrl: null,
        nextActionQr: null,
      },
      { provider: provider.id, summary: `Reconciled by inquiry: ${provider.displayName} says ${outcome.status}` },
    );
    if (result.changed) rememberCard(result.payment, outcome.storedCredential);
    if (result.extraCharge) returnExtraChargeSoon(payment.id);
    return result.payment;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    recordCalls(payment.id, provider.id, error instanceof ProviderError ? error.calls : []);
    recordPaymentEvent({
      paymentId: payment.id,
      provider: provider.id,
      type: "error",
      summary: `Inquiry failed: ${message}`,
      detail: null,
    });
    return payment;
  }
}

/**
 * The provider says it has no such payment. For an attempt old enough that no call about it can
 * still be on its way, that is its word: the attempt failed (not_at_provider) and the shopper may
 * pay again. A younger one changes nothing.
 */
function settleNotAtProvider(
  payment: Payment,
  provider: ReturnType<typeof getProvider>,
  outcome: ProviderOutcome,
): Payment {
  if (!isPending(payment.status)) return payment;
  const age = Date.now() - payment.createdAt.getTime();
  if (age < notAtProviderAfterMs()) return findPayment(payment.id) ?? payment;
  const result = transitionPayment(
    payment.id,
    "failed",
    {
      failureCode: "not_at_provider",
      failureMessage: `${provider.displayName} has no record of this payment, so nothing was charged. Please try again.`,
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
    },
    {
      provider: provider.id,
      summary: `Reconciled by inquiry: ${provider.displayName} has no record of this payment (${Math.round(age / 1000)} s after it was started)`,
      detail: { failure: outcome.failure },
    },
  );
  if (result.changed) log("info", "payment not at provider", { paymentId: payment.id, provider: provider.id });
  return result.payment;
}

/** The dedupe key of a payment's one "needs an operator" event (the console shows it while the payment is pending). */
export const needsOperatorKey = (paymentId: string) => `needs-operator:${paymentId}`;

/**
 * The provider's API cannot tell how the attempt stands: it stays (or becomes) processing, is
 * never failed by time, and the operator is told once on its timeline.
 */
function awaitOperator(payment: Payment, provider: ReturnType<typeof getProvider>, reason: string): Payment {
  if (!isPending(payment.status)) return payment;
  if (payment.status !== "processing") {
    transitionPayment(
      payment.id,
      "processing",
      { nextActionType: "none", nextActionUrl: null, nextActionQr: null },
      {
        provider: provider.id,
        summary: `${provider.displayName} cannot say how this attempt stands: it waits for an operator`,
      },
    );
  }
  recordPaymentEvent({
    paymentId: payment.id,
    provider: provider.id,
    type: "error",
    dedupeKey: needsOperatorKey(payment.id),
    summary: `Needs an operator: ${reason}`,
    detail: null,
  });
  return findPayment(payment.id) ?? payment;
}

/** What the shop answers a notification (the route turns it into the provider's response), and why, for the log. */
export interface NotificationResult {
  answer: NotificationAnswer;
  outcome: string;
}

const ACK: NotificationAnswer = { kind: "ack" };

/**
 * A notification refused before or instead of being believed (or one that cannot be verified
 * now): a redacted warn line and a count on the console, never a row in the event log: anyone
 * can post to a webhook URL, and an unauthenticated request must not be able to fill it.
 */
function refused(providerId: string, answer: NotAcknowledged, reason: string, outcome: string): NotificationResult {
  noteRejectedNotification(providerId, answer.httpStatus, reason);
  return { answer, outcome };
}

/** A redelivery that changed nothing: the provider's acknowledgement, a count on the console, no row. */
function unchanged(provider: ReturnType<typeof getProvider>, reason: string, outcome: string): NotificationResult {
  noteUnchangedRedelivery(provider.id, provider.acknowledge().status, reason);
  return { answer: ACK, outcome };
}

/**
 * The one payment a notification names. Where it carries both the provider's id and our
 * reference, both must name the same payment, and a payment found by our reference must not hold
 * another provider id: otherwise one payment's news would move another.
 */
function paymentNamedBy(
  providerId: string,
  notification: PaymentNotification,
): { payment: Payment } | { refusal: NotificationResult } {
  const { providerPaymentId, merchantReference } = notification;
  const payment =
    (providerPaymentId && findPaymentByProviderRef(providerId, providerPaymentId)) ||
    (merchantReference && findPayment(merchantReference)) ||
    undefined;
  const names = `${notification.summary} (${[providerPaymentId, merchantReference].filter(Boolean).join(", ") || "no reference"})`;
  if (!payment || payment.provider !== providerId)
    return {
      refusal: refused(
        providerId,
        { kind: "refused", httpStatus: 404, reason: "Unknown payment" },
        `Unknown payment: ${names}`,
        "unknown_payment",
      ),
    };
  const otherReference = Boolean(merchantReference) && merchantReference !== payment.id;
  const otherProviderId =
    Boolean(providerPaymentId) && Boolean(payment.providerPaymentId) && payment.providerPaymentId !== providerPaymentId;
  if (otherReference || otherProviderId) {
    const reason = otherReference
      ? `its reference is another payment than its provider id's`
      : `payment ${payment.id} has provider id ${payment.providerPaymentId}`;
    return {
      refusal: refused(
        providerId,
        { kind: "refused", httpStatus: 422, reason: "The notification's ids name two different payments" },
        `Refused: ${names} names two payments: ${reason}`,
        "ids_mismatch",
      ),
    };
  }
  return { payment };
}

/**
 * An unconfirmed notification (Ping Payments' unsigned callback) claiming the state its payment
 * is already final in at that provider: answered without the confirming call. Whatever the call
 * said, nothing could change (no row, no fact), so the provider's acknowledgement and a count
 * are all it gets. It must name the payment exactly as the shop holds it; anything else is
 * confirmed as usual.
 */
function alreadyFinal(provider: ReturnType<typeof getProvider>, raw: RawNotification): NotificationResult | undefined {
  const claim = provider.finalClaimOf?.(raw);
  if (!claim) return undefined;
  const payment = findPaymentByProviderRef(provider.id, claim.providerPaymentId);
  if (!payment || payment.status !== claim.status) return undefined;
  if (Object.entries(claim.providerData).some(([key, value]) => payment.providerData?.[key] !== value))
    return undefined;
  return unchanged(
    provider,
    `the payment is already ${claim.status}, as claimed (answered without confirming): ${claim.summary}`,
    "already_final",
  );
}

/**
 * raw body -> verify -> find the payment (both ids name it) -> check amount and currency -> dedupe
 * -> decide -> write -> answer. Nothing changes unless every check passes. Only a verified
 * notification about one of the shop's payments that changes something is written to the event
 * log; anything else (badly signed, another merchant's, about a payment nobody knows, naming two
 * payments, a state that can never follow the payment's) is refused with a warn line and a count
 * on the console and is never recorded, and a redelivery that changes nothing is acknowledged
 * and counted, never a row.
 */
export async function receiveNotification(providerId: string, raw: RawNotification): Promise<NotificationResult> {
  const provider = getProvider(providerId);
  const final = alreadyFinal(provider, raw);
  if (final) return final;
  let notification: VerifiedNotification;
  try {
    notification = await provider.verifyNotification(raw);
  } catch (error) {
    if (error instanceof NotificationRejected)
      return refused(
        providerId,
        { kind: "refused", httpStatus: error.httpStatus, reason: error.message },
        error.message,
        "rejected",
      );
    const message = error instanceof Error ? error.message : String(error);
    log("error", "notification verification failed", { provider: providerId, error: message });
    // 503: the provider retries later, when its API answers again. Still unverified: no row.
    return refused(
      providerId,
      { kind: "retry-later", httpStatus: 503, reason: "Could not verify the notification now" },
      `Could not verify: ${message}`,
      "unverified",
    );
  }

  if (notification.kind === "unrecognized")
    return unchanged(provider, `not understood, nothing written: ${notification.summary}`, "unrecognized");
  if (notification.kind === "wallet-binding") return applyCredentialEvent(provider, notification);
  const named = paymentNamedBy(providerId, notification);
  if ("refusal" in named) return named.refusal;
  switch (notification.kind) {
    case "risk-event":
    case "refund-failed":
      return recordOnTimeline(provider, named.payment, notification);
    case "payment-status":
    case "capture":
    case "refund":
      return applyToPayment(provider, named.payment, notification);
  }
}

/** A risk event or a failed refund goes on the payment's timeline once and changes nothing. */
function recordOnTimeline(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: PaymentNotification,
): NotificationResult {
  const fresh = recordPaymentEvent({
    paymentId: payment.id,
    provider: provider.id,
    type: "notification",
    dedupeKey: notification.dedupeKey,
    summary: notification.summary,
    detail: notification.detail,
  });
  log("info", "informational notification", { paymentId: payment.id, provider: provider.id, fresh });
  if (!fresh) return unchanged(provider, `already recorded: ${notification.summary}`, "duplicate");
  return { answer: ACK, outcome: "recorded" };
}

type MovingNotification = PaymentStatusNotification | CaptureNotification | RefundNotification;

/**
 * The amount a notification reports, and whether it is the payment's whole amount or a part of
 * it (a capture, or a refund that does not repeat the payment's amount).
 */
function reportedAmount(notification: MovingNotification): { amount: number; whole: boolean } {
  switch (notification.kind) {
    case "payment-status":
      return { amount: notification.amount, whole: true };
    case "capture":
      return { amount: notification.amount, whole: false };
    case "refund":
      return notification.paymentAmount === undefined
        ? { amount: notification.amount, whole: false }
        : { amount: notification.paymentAmount, whole: true };
  }
}

/**
 * A verified report of other money than the payment's: the payment does not move, and the
 * operator must look. Its own dedupe key (not the notification's, which a correct redelivery
 * still needs) records each distinct report once however often it comes.
 */
function otherMoney(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: MovingNotification,
): NotificationResult | undefined {
  const { amount, whole } = reportedAmount(notification);
  const amountDiffers = notification.kind === "payment-status" && notification.amountDiffers === true;
  const amountFits = whole ? amount === payment.amount : amount <= payment.amount;
  if (amountFits && notification.currency === payment.currency && !amountDiffers) return undefined;
  const fresh = recordIntegrityFailure({
    paymentId: payment.id,
    provider: provider.id,
    summary: `Refused: ${provider.displayName} reports ${amountDiffers ? "a paid amount that differs from" : `${amount} ${notification.currency}`} (${notification.summary}), the payment is ${payment.amount} ${payment.currency}`,
    detail: notification.detail,
    dedupeKey: `integrity:${notification.dedupeKey}:${amount}:${notification.currency}`,
  });
  log("warn", "notification amount mismatch", { paymentId: payment.id, provider: provider.id, fresh });
  return {
    answer: { kind: "refused", httpStatus: 422, reason: "Amount or currency does not match the payment" },
    outcome: "amount_mismatch",
  };
}

/** A status, capture or refund of one of the shop's payments: checked, then applied once as decided. */
function applyToPayment(
  provider: ReturnType<typeof getProvider>,
  payment: Payment,
  notification: MovingNotification,
): NotificationResult {
  const mismatch = otherMoney(provider, payment, notification);
  if (mismatch) return mismatch;

  const reported = notification.kind === "payment-status" ? notification : undefined;
  const applied = applyPaymentEvent(payment.id, paymentEventOf(notification), {
    provider: provider.id,
    dedupeKey: notification.dedupeKey,
    summary: notification.summary,
    // What the shop answered the provider, for the timeline.
    detail: { notification: notification.detail, ourAck: { status: provider.acknowledge().status } },
    facts: {
      ...(payment.providerPaymentId || !notification.providerPaymentId
        ? {}
        : { providerPaymentId: notification.providerPaymentId }),
      ...checksPatch(reported?.checks),
    },
    patch: {
      failureCode: reported?.failure?.code ?? null,
      failureMessage: reported?.failure?.message ?? null,
      nextActionType: "none",
      nextActionUrl: null,
      nextActionQr: null,
    },
  });
  const outcome = applied.outcome === "duplicate" ? "duplicate" : applied.decision.outcome;
  log("info", "notification", { paymentId: payment.id, provider: provider.id, outcome, kind: notification.kind });
  if (applied.outcome === "duplicate")
    return unchanged(provider, `already applied: ${notification.summary}`, "duplicate");
  const { from, to } = applied.decision;
  switch (applied.decision.outcome) {
    case "early":
      // Not acknowledged: the provider sends it again, and by then the one it follows has come.
      return {
        answer: {
          kind: "retry-later",
          httpStatus: 409,
          reason: `The payment is ${from}: send this notification again later`,
        },
        outcome,
      };
    case "contradiction":
      return refused(
        provider.id,
        { kind: "refused", httpStatus: 422, reason: `The payment is ${from}: ${to} can never follow it` },
        `Refused: ${notification.summary} reports ${to}, which can never follow ${from} (payment ${payment.id})`,
        outcome,
      );
    case "stale":
      return unchanged(
        provider,
        `stale: ${notification.summary} reports ${to}, the payment is already ${from}`,
        outcome,
      );
    case "move":
    case "record":
      if (applied.outcome === "moved" && applied.transition.extraCharge) returnExtraChargeSoon(payment.id);
      // Only a notification that carries a stored credential needs the payment as it is now.
      if (reported?.storedCredential) rememberCard(findPayment(payment.id) ?? payment, reported.storedCredential);
      return { answer: ACK, outcome };
  }
}

export class OperatorActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OperatorActionError";
  }
}

/**
 * An operator's refund or void: asks the provider, then applies its answer under the same dedupe
 * key the provider's later notification carries, so the two never count twice.
 */
async function operatorAction(
  paymentId: string,
  operator: string,
  action: "refund" | "void" | "capture" | "settle",
  run: (provider: ReturnType<typeof getProvider>, payment: Payment) => Promise<ProviderOutcome> | undefined,
): Promise<Payment> {
  const payment = findPayment(paymentId);
  if (!payment) throw new OperatorActionError("Unknown payment.");
  const provider = getProvider(payment.provider);
  const pending = run(provider, payment);
  if (!pending)
    throw new OperatorActionError(
      `${provider.displayName} payments cannot be ${{ refund: "refunded", void: "voided", capture: "captured", settle: "settled" }[action]} here.`,
    );
  let outcome: ProviderOutcome;
  try {
    outcome = await pending;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    recordCalls(payment.id, provider.id, error instanceof ProviderError ? error.calls : []);
    recordPaymentEvent({
      paymentId: payment.id,
      provider: provider.id,
      type: "operator_action",
      summary: `${operator}: ${action} failed: ${message}`,
      detail: null,
    });
    throw new OperatorActionError(message);
  }
  recordCalls(payment.id, provider.id, outcome.calls);
  const summary = `${operator} ${{ refund: `refunded ${outcome.refundAmount}`, void: "voided the payment", capture: `captured ${outcome.capturedAmount}`, settle: "settled the payment" }[action]}`;
  // A refund adds to what was refunded; anything else reports a status (with the amount captured, if it says).
  const event: PaymentEvent =
    outcome.refundAmount !== undefined
      ? { kind: "refund", amount: outcome.refundAmount }
      : { kind: "status", status: outcome.status, capturedAmount: outcome.capturedAmount };
  const applied = applyPaymentEvent(payment.id, event, {
    provider: provider.id,
    type: "operator_action",
    dedupeKey: outcome.dedupeKey ?? `${provider.id}:${action}:${payment.id}:${Date.now()}`,
    summary,
    detail: { operator },
    patch: {},
  });
  // Its notification came first and applied it: who asked for it still belongs on the timeline.
  if (applied.outcome === "duplicate")
    recordPaymentEvent({
      paymentId: payment.id,
      provider: provider.id,
      type: "operator_action",
      summary: `${summary} (its notification had already applied it)`,
      detail: { operator },
    });
  const decided = applied.outcome === "duplicate" ? applied.outcome : applied.decision.outcome;
  log("info", "operator action", { paymentId: payment.id, provider: provider.id, action, outcome: decided });
  return findPayment(payment.id)!;
}

export function refundPayment(paymentId: string, amount: number, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "refund", (provider, payment) => {
    if (payment.status !== "succeeded" && payment.status !== "partially_refunded")
      throw new OperatorActionError(`A ${payment.status} payment cannot be refunded.`);
    const refundable = (payment.capturedAmount || payment.amount) - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable)
      throw new OperatorActionError(`Refund between 1 and ${refundable} minor units.`);
    return provider.refund?.(paymentRefOf(payment), minor(amount));
  });
}

export function voidPayment(paymentId: string, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "void", (provider, payment) => {
    if (payment.status !== "authorized")
      throw new OperatorActionError(`Only an authorized payment can be voided; this one is ${payment.status}.`);
    return provider.cancel?.(paymentRefOf(payment));
  });
}

export function capturePayment(paymentId: string, amount: number, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "capture", (provider, payment) => {
    if (payment.status !== "authorized")
      throw new OperatorActionError(`Only an authorized payment can be captured; this one is ${payment.status}.`);
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > payment.amount)
      throw new OperatorActionError(`Capture between 1 and ${payment.amount} minor units.`);
    return provider.capture?.(paymentRefOf(payment), minor(amount));
  });
}

/** Settles a succeeded payment at its provider (Ping Payments: split, then settle its payment order). */
export function settlePayment(paymentId: string, operator: string): Promise<Payment> {
  return operatorAction(paymentId, operator, "settle", (provider, payment) => {
    if (payment.status !== "succeeded")
      throw new OperatorActionError(`Only a succeeded payment can be settled; this one is ${payment.status}.`);
    // Settling pays the money out; the payment's status stays as it is.
    return provider.settle?.(paymentRefOf(payment)).then((outcome) => ({ ...outcome, status: payment.status }));
  });
}

/**
 * Merchant-initiated: an operator charges the shopper's saved card for a copy of a past order,
 * without the shopper present (flagged as MIT to the provider).
 */
export async function chargeSavedCardAgain(
  fromOrderId: string,
  credentialId: string,
  operator: string,
): Promise<Payment> {
  const credential = findCredential(credentialId);
  const original = findOrder(fromOrderId);
  if (!credential || credential.status !== "active" || !original?.userId || credential.userId !== original.userId) {
    throw new OperatorActionError("That saved card does not belong to this order's shopper.");
  }
  const order = repeatOrder(fromOrderId);
  const payment = await startPayment({
    orderId: order.id,
    provider: credential.provider,
    method: "card",
    storedCredentialId: credential.id,
    merchantInitiated: true,
    idempotencyKey: randomUUID(),
    userId: original.userId,
  });
  recordPaymentEvent({
    paymentId: payment.id,
    provider: credential.provider,
    type: "operator_action",
    summary: `${operator} charged the saved card again (merchant-initiated) for order ${fromOrderId}`,
    detail: { operator, fromOrderId },
  });
  return payment;
}

/**
 * A notification about a wallet binding (signing result, unbinding from either side): believed
 * only for a token the shop asked for, signed by the same shopper; applied once.
 */
function applyCredentialEvent(
  provider: ReturnType<typeof getProvider>,
  notification: WalletBindingNotification,
): NotificationResult {
  const event = notification.binding;
  const credential =
    (event.token ? findCredentialByToken(provider.id, event.token) : undefined) ??
    (event.bindingRef ? findCredentialByToken(provider.id, pendingBindingToken(event.bindingRef)) : undefined);
  if (!credential)
    return refused(
      provider.id,
      { kind: "refused", httpStatus: 404, reason: "Unknown token" },
      `Unknown wallet token: ${notification.summary}`,
      "unknown_token",
    );
  if (event.merchantUserId !== undefined && credential.merchantUserId !== event.merchantUserId) {
    return refused(
      provider.id,
      { kind: "refused", httpStatus: 422, reason: "The token belongs to another merchantUserId" },
      `Refused: the token belongs to another shopper (${notification.summary})`,
      "user_mismatch",
    );
  }
  const move = {
    activated: { from: ["pending"] as const, to: "active" as const },
    declined: { from: ["pending"] as const, to: "declined" as const },
    revoked: { from: ["active", "pending"] as const, to: "revoked" as const },
  }[event.event];
  // A binding still known only by its signing reference needs the token to become usable.
  const awaitingToken = credential.token === pendingBindingToken(event.bindingRef ?? "");
  if (event.event === "activated" && awaitingToken && !event.token)
    return unchanged(provider, `a linking without its token, nothing written: ${notification.summary}`, "no_token");
  const token = awaitingToken ? event.token : undefined;
  const result = moveCredential(
    credential.id,
    move.from,
    move.to,
    {
      provider: provider.id,
      summary: notification.summary,
      dedupeKey: notification.dedupeKey,
      detail: notification.detail,
    },
    token,
  );
  log("info", "wallet binding notification", { credentialId: credential.id, event: event.event, result });
  if (result === "duplicate") return unchanged(provider, `already applied: ${notification.summary}`, result);
  // The binding has moved on (e.g. a link notified after the shopper unlinked): nothing is written.
  if (result === "refused")
    return unchanged(provider, `the binding is already ${credential.status}: ${notification.summary}`, result);
  return { answer: ACK, outcome: result };
}

/** What a pending binding's token column holds until the signing notification brings the token. */
export function pendingBindingToken(bindingRef: string): string {
  return `pending-binding:${bindingRef}`;
}

/** The provider that links wallets, with its linking capability (CheckoutError when none does). */
function wallets() {
  const provider = walletProvider();
  if (!provider) throw new CheckoutError("No payment provider links wallets here.");
  return { provider, linking: provider.wallets, notificationUrl: `${settings().APP_URL}/api/webhooks/${provider.id}` };
}

/** Starts linking a wallet for one-click payments: a pending binding, and the wallet's signing page. */
export async function linkWallet(userId: string, walletType: string): Promise<string> {
  const env = settings();
  const { provider, linking, notificationUrl } = wallets();
  const answer = await linking.bind({
    merchantUserId: userId,
    walletType,
    resultUrl: `${env.APP_URL}/account?linked=${encodeURIComponent(walletType)}#wallets`,
    notificationUrl,
  });
  // Without a token in the answer, the binding waits under its signing reference for the signing notification's token.
  insertCredential({
    userId,
    provider: provider.id,
    kind: "wallet",
    token: answer.token ?? pendingBindingToken(answer.bindingRef),
    brand: walletType,
    merchantUserId: userId,
    status: "pending",
  });
  log("info", "wallet link started", { userId, walletType, provider: provider.id });
  return answer.authUrl;
}

/** The shopper unlinks a wallet from the shop: the provider is told, and the binding is revoked. */
export async function unlinkWallet(userId: string, credentialId: string): Promise<void> {
  const credential = findCredential(credentialId);
  if (!credential || credential.userId !== userId || credential.kind !== "wallet")
    throw new CheckoutError("Unknown wallet link.");
  const linking = getProvider(credential.provider).wallets;
  if (credential.status === "active" && linking)
    await linking.unbind({ merchantUserId: credential.merchantUserId ?? userId, token: credential.token });
  moveCredential(credential.id, ["active", "pending"], "revoked", {
    provider: credential.provider,
    summary: `Unlinked by the shopper`,
  });
}

/** The deprecated authorization flow, when the wallet provider has it and it is turned on. */
function legacyLinking() {
  const { provider, linking, notificationUrl } = wallets();
  if (!linking.legacy?.enabled()) throw new CheckoutError("The legacy wallet authorization is turned off.");
  return { provider, legacy: linking.legacy, notificationUrl };
}

/** Deprecated authorization flow (WalletLinking.legacy, where enabled): the wallet's authorization page. */
export async function startLegacyWalletAuthorization(userId: string, walletType: string): Promise<string> {
  const { legacy, notificationUrl } = legacyLinking();
  const answer = await legacy.start({
    merchantUserId: userId,
    walletType,
    resultUrl: `${settings().APP_URL}/account/wallets/legacy?wallet=${encodeURIComponent(walletType)}`,
    notificationUrl,
  });
  return answer.authUrl;
}

/** Deprecated authorization flow: the code the wallet returned, exchanged for an active token. */
export async function finishLegacyWalletAuthorization(userId: string, walletType: string, code: string) {
  const { provider, legacy } = legacyLinking();
  const answer = await legacy.exchange({ merchantUserId: userId, code });
  const existing = findCredentialByToken(provider.id, answer.token);
  return (
    existing ??
    insertCredential({
      userId,
      provider: provider.id,
      kind: "wallet",
      token: answer.token,
      brand: answer.walletType ?? walletType,
      merchantUserId: userId,
      status: "active",
    })
  );
}
