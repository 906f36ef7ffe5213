import "server-only";
import { settings } from "@/lib/env";
import { newPaymentId } from "@/lib/ids";
import { log } from "@/lib/log";
import { minor } from "@/lib/money";
import { findOrder, listOrderItems, orderCaptureMode } from "@/lib/db/queries/orders";
import { findCredential, moveCredential } from "@/lib/db/queries/credentials";
import {
  AttemptClaimLost,
  claimOrderForAttempt,
  findPayment,
  patchPayment,
  recordPaymentEvent,
} from "@/lib/db/queries/payments";
import type { Order, Payment } from "@/lib/db/schema";
import { CheckoutError } from "./checkout-error";
import { returnExtraChargeSoon } from "./extra-charges";
import { paymentRefOf } from "./payment-ref";
import { factsFromOutcome, patchFromOutcome, recordCalls, recordFailedCall, rememberCard } from "./provider-outcome";
import { reconcilePayment, unknownAnswerInquiryAfterMs } from "./reconcile-payment";
import { findMethod, getProvider } from "./registry";
import { isPaid, isSwitchable } from "./state";
import { transitionPayment } from "./transitions";
import { ProviderError, type CardInput, type PaymentRequest } from "./types";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one payment attempt for an order. The idempotency key comes from the pay form, so a
 * double submit finds the first attempt (and waits for its answer) instead of paying twice.
 */
export interface StartPaymentInput {
  orderId: string;
  /** The order (`orderId`'s), when the caller has just placed it: not read again. */
  order?: Order;
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

export async function startPayment(input: StartPaymentInput): Promise<Payment> {
  const order = input.order?.id === input.orderId ? input.order : await findOrder(input.orderId);
  if (!order) throw new CheckoutError("This order does not exist.", { code: "orderMissing" });
  // A paid order is refused by the claim below, after the same submit's attempt is looked up: a
  // repeated submit answers its attempt even once that attempt has paid the order.
  const provider = getProvider(input.provider);
  const credential = input.storedCredentialId ? await findCredential(input.storedCredentialId) : undefined;
  // A linked wallet is not one of the checkout methods: it is the shopper's own binding.
  const viaWallet = credential?.kind === "wallet";
  if (!viaWallet && !provider.methods.some((m) => m.method === input.method && m.currencies.includes(order.currency))) {
    throw new CheckoutError(`${provider.displayName} does not offer ${input.method} in ${order.currency}.`, {
      code: "methodNotOffered",
      provider: provider.displayName,
      method: input.method,
      currency: order.currency,
    });
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
      throw viaWallet
        ? new CheckoutError("This wallet is not linked any more. Link it again in your account.", {
            code: "walletNotLinked",
          })
        : new CheckoutError("This saved card cannot be used for this order.", { code: "savedCardUnusable" });
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
  const captureMode = await orderCaptureMode(order.id);
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
  const items = await listOrderItems(order.id);
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
    await recordCalls(payment.id, provider.id, outcome.calls);
    const summary = `${provider.displayName} answered ${outcome.status}${outcome.nextAction.type !== "none" ? ` (${outcome.nextAction.type})` : ""}`;
    const result = await transitionPayment(payment.id, outcome.status, patchFromOutcome(outcome, payment), {
      provider: provider.id,
      summary,
    });
    if (result.extraCharge) returnExtraChargeSoon(payment.id);
    await rememberCard(result.payment, outcome.storedCredential);
    if (outcome.credentialInvalid && credential) {
      await moveCredential(credential.id, ["active", "pending"], "revoked", {
        provider: provider.id,
        summary: `${provider.displayName} no longer knows this ${credential.kind}'s token`,
      });
    }
    let started = result.payment;
    if (!result.changed) {
      // Its notification came first and already moved the payment: keep the answer's facts only,
      // and its page where that notification said only "in process" (a pending notification before
      // an undecided answer with the provider's page): the shopper must still be sent there.
      const now = (await findPayment(payment.id)) ?? payment;
      const stillToAct =
        now.status === "processing" && outcome.status === "requires_action" && outcome.nextAction.type === "redirect";
      await patchPayment(payment.id, stillToAct ? patchFromOutcome(outcome, now) : factsFromOutcome(outcome, now));
      if (stillToAct) started = (await findPayment(payment.id)) ?? started;
      await recordPaymentEvent({
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
    await recordCalls(payment.id, provider.id, calls);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ProviderError && error.outcomeUnknown) return awaitUnknownAnswer(payment, provider, error);
    log("error", "payment start failed", { paymentId: payment.id, provider: provider.id, error: message });
    const result = await transitionPayment(
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
      claim = await claimOrderForAttempt(values);
    } catch (error) {
      if (error instanceof AttemptClaimLost)
        throw new CheckoutError(
          "Another payment for this order started at the same moment. Please check the order page.",
          { code: "attemptRace" },
        );
      throw error;
    }
    switch (claim.outcome) {
      case "created":
        return { payment: claim.payment, created: true };
      case "repeated":
        return { payment: claim.payment, created: false };
      case "no_order":
        throw new CheckoutError("This order does not exist.", { code: "orderMissing" });
      case "order_paid":
        throw orderPaid();
      case "live_attempt":
        if (round > 0 || input.replaceAttempt !== claim.live.id) throw liveAttemptRefusal(claim.live, false);
        await supersede(claim.live);
    }
  }
}

function methodLabel(payment: Payment): string {
  return findMethod(payment.provider, payment.method)?.label ?? payment.method;
}

const orderPaid = () => new CheckoutError("This order is already paid.", { code: "orderPaid" });

/** Why another attempt cannot start while `live` is live, and what the shopper can do. */
function liveAttemptRefusal(live: Payment, switching: boolean): CheckoutError {
  const provider = getProvider(live.provider);
  const label = methodLabel(live);
  const attempt = { provider: live.provider, method: live.method };
  if (live.status === "authorized") return orderPaid();
  if (live.status === "created")
    return new CheckoutError(
      `Your ${label} payment for this order is still starting. Please wait a moment, then look at the order page.`,
      { code: "attemptStarting", attempt },
    );
  if (live.status === "processing")
    return new CheckoutError(
      `Your ${label} payment for this order is still being processed. Please wait for its result before you pay again.`,
      { code: "attemptProcessing", attempt },
    );
  if (!provider.closeOpenAttempt) {
    const until = live.nextActionExpiresAt ? ` (at ${live.nextActionExpiresAt.toISOString().slice(11, 16)} UTC)` : "";
    const qr = live.nextActionType === "qr";
    const finish = qr ? "Scan its QR code to pay" : "Finish it on the payment page, or cancel it there";
    return new CheckoutError(
      `Your ${label} payment for this order is still open, and ${provider.displayName} cannot close it early. ${finish}; you can pay another way once it has expired${until}.`,
      { code: "attemptOpenUntilExpiry", attempt, provider: provider.displayName, qr, until: live.nextActionExpiresAt },
    );
  }
  return switching
    ? new CheckoutError(`We could not close your open ${label} payment. Finish it, or try again in a moment.`, {
        code: "attemptNotClosed",
        attempt,
      })
    : new CheckoutError(
        `Your ${label} payment for this order is still open. Finish it, or choose "Pay another way" on the order page.`,
        { code: "attemptOpen", attempt },
      );
}

/** Closes an open attempt at its provider and marks it superseded, or says why it cannot be left yet. */
async function supersede(live: Payment): Promise<void> {
  const provider = getProvider(live.provider);
  if (!isSwitchable(live.status) || live.status === "created" || !provider.closeOpenAttempt)
    throw liveAttemptRefusal(live, false);
  try {
    const closed = await provider.closeOpenAttempt(paymentRefOf(live));
    await recordCalls(live.id, provider.id, closed.calls);
  } catch (error) {
    const message = await recordFailedCall(live.id, provider.id, error, {
      type: "error",
      summary: (message) => `Could not close it for the shopper's other way to pay: ${message}`,
    });
    log("warn", "open attempt not closed", { paymentId: live.id, provider: provider.id, error: message });
    throw liveAttemptRefusal(live, true);
  }
  const result = await transitionPayment(
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
  if (!result.changed && isPaid(result.payment.status)) throw orderPaid();
  log("info", "open attempt superseded", { paymentId: live.id, provider: provider.id, changed: result.changed });
}

/**
 * The provider may or may not have made the payment (no answer, a 5xx, an unreadable answer):
 * failing it would be a guess, and a shopper who pays again might pay twice. It waits in
 * `processing` with no next action until an inquiry (soon after, by our own reference) settles it.
 */
async function awaitUnknownAnswer(
  payment: Payment,
  provider: ReturnType<typeof getProvider>,
  error: ProviderError,
): Promise<Payment> {
  const current = (await findPayment(payment.id)) ?? payment;
  log("warn", "payment start answer unknown", { paymentId: payment.id, provider: provider.id, error: error.message });
  const result = await transitionPayment(
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
  // The order page asks on its first poll, right after the shopper lands there (an answered 5xx
  // is settled by that), then every PAYMENT_UNKNOWN_INQUIRY_AFTER_MS. Asked soon in this process
  // too, and by the reconciliation loop if this process ends first.
  setTimeout(() => {
    reconcilePayment(payment.id, 0).catch(() => undefined);
  }, unknownAnswerInquiryAfterMs()).unref?.();
  return result.payment;
}

/** A second submit of the same form: wait (briefly) for the first attempt's provider answer. */
async function waitForFirstAnswer(paymentId: string): Promise<Payment> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const payment = await findPayment(paymentId);
    if (!payment) throw new CheckoutError("This payment disappeared.", { code: "paymentDisappeared" });
    if (payment.status !== "created" || Date.now() > deadline) return payment;
    await sleep(100);
  }
}
