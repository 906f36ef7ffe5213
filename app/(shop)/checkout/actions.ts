"use server";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser } from "@/lib/auth";
import { digitsOf, parseExpiry, validateCard, type CardFieldErrors } from "@/lib/cards";
import { findCredential } from "@/lib/db/queries/credentials";
import type { Payment } from "@/lib/db/schema";
import { loadOrderForViewer } from "@/lib/order-view";
import { EmptyCartError, placeOrder } from "@/lib/orders";
import { refusePayAttempt } from "@/lib/payments/pay-attempts";
import { isOffered } from "@/lib/payments/card-processor";
import { findMethod } from "@/lib/payments/registry";
import { CheckoutError } from "@/lib/payments/checkout-error";
import { nextActionOf } from "@/lib/payments/provider-outcome";
import { startPayment, type StartPaymentInput } from "@/lib/payments/start-payment";
import { clientAddress } from "@/lib/security/client-address";
import { readCart, readCurrency, writeCart } from "@/lib/shopper-session";
import { parseForm, type ActionState } from "@/lib/action-state";
import { fieldErrorWords, MAX_LENGTHS, problem, refusalWords, tooManyWords } from "@/components/checkout/refusal-words";

type CheckoutField =
  "checkoutToken" | "email" | "name" | "addressLine" | "city" | "postalCode" | "country" | "paymentMethod";

/** What a payment form's action answers when it does not redirect: the shop's one action state, plus the card's own errors. */
export type PaymentFormState = ActionState<CheckoutField> & { cardErrors?: CardFieldErrors };

/** `provider:method`, or `provider:card:<saved card id>` for a saved card. */
const paymentMethodField = z
  .string({ error: problem("paymentMethodMissing") })
  .regex(/^[a-z]+:[a-z_]+(:[a-z0-9_]+)?$/, problem("paymentMethodMissing"))
  .transform((value) => {
    const [provider, method, savedCardId] = value.split(":");
    return { provider, method, savedCardId };
  });

/** A contact field: trimmed, at least `min` characters and at most its limit, each refusal its own message. */
const contactField = (field: Exclude<keyof typeof MAX_LENGTHS, "email">, min: number) =>
  z
    .string()
    .trim()
    .min(min, problem(`${field}Missing`))
    .max(MAX_LENGTHS[field], problem(`${field}TooLong`));

const checkoutForm = z.object({
  checkoutToken: z.uuid(),
  email: z.email(problem("emailInvalid")).max(MAX_LENGTHS.email, problem("emailTooLong")),
  name: contactField("name", 2),
  addressLine: contactField("addressLine", 3),
  city: contactField("city", 2),
  postalCode: contactField("postalCode", 2),
  country: z.string().regex(/^[A-Z]{2}$/, problem("countryMissing")),
  paymentMethod: paymentMethodField,
});

const CARD_FIELDS = new Set([
  "cardNumber",
  "cardCvc",
  "cardExpiry",
  "cardHolder",
  "jsGeneratedData",
  "browserInfo",
  "riskRequestId",
  "saveCard",
]);

const jsonObject = z
  .string()
  .max(8000)
  .transform((text, ctx) => {
    if (!text) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through
    }
    ctx.addIssue({ code: "custom", message: "not a JSON object" });
    return z.NEVER;
  });

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The payment part of a form: the chosen method and, for a card method, the card (checked again
 * here) and what the provider's risk script collected.
 */
async function paymentInput(
  formData: FormData,
  { savedCardId, ...chosen }: { provider: string; method: string; savedCardId?: string },
  currency: string,
): Promise<
  | { input: Omit<StartPaymentInput, "orderId" | "idempotencyKey"> }
  | { cardErrors: CardFieldErrors }
  | { refused: "paymentMethodMissing" }
> {
  const shopperIp = clientAddress(await headers()) ?? "127.0.0.1";
  // A saved card or a linked wallet: the provider holds it. Another shopper's (or none) is
  // answered like one that does not exist, before any order or payment is written.
  if (savedCardId) {
    const user = await currentUser();
    if (!user || (await findCredential(savedCardId))?.userId !== user.id) notFound();
    return { input: { ...chosen, shopperIp, storedCredentialId: savedCardId } };
  }
  const method = findMethod(chosen.provider, chosen.method);
  // Only what checkout offers: on a public deployment no card processor but the configured one.
  if (!method || !isOffered(method, currency)) return { refused: "paymentMethodMissing" };
  if (method.kind !== "card") return { input: { ...chosen, shopperIp } };
  const typed = {
    number: text(formData, "cardNumber"),
    expiry: text(formData, "cardExpiry"),
    cvc: text(formData, "cardCvc"),
    holder: text(formData, "cardHolder"),
  };
  const cardErrors = validateCard(typed);
  if (Object.keys(cardErrors).length > 0) return { cardErrors };
  const expiry = parseExpiry(typed.expiry)!;
  const jsGeneratedData = jsonObject.safeParse(text(formData, "jsGeneratedData"));
  const browserInfo = jsonObject.safeParse(text(formData, "browserInfo"));
  return {
    input: {
      ...chosen,
      shopperIp,
      card: {
        number: digitsOf(typed.number),
        expiryMonth: expiry.month,
        expiryYear: expiry.year,
        cvc: typed.cvc.trim(),
        holderName: typed.holder.trim(),
      },
      saveCard: text(formData, "saveCard") === "1",
      risk: {
        requestId: text(formData, "riskRequestId").slice(0, 64) || undefined,
        jsGeneratedData: jsGeneratedData.success ? jsGeneratedData.data : undefined,
        browserInfo: browserInfo.success ? browserInfo.data : undefined,
      },
    },
  };
}

/**
 * Where the shopper goes once the provider has answered: its page, the 3DS hand-off to its
 * browser script, or the order page (result, QR code or waiting).
 */
function destinationOf(payment: Payment): string {
  const action = nextActionOf(payment);
  if (action.type === "redirect" && action.sdkTrigger !== undefined)
    return `/orders/${payment.orderId}/authenticate?attempt=${payment.id}`;
  if (action.type === "redirect") return action.url;
  return `/orders/${payment.orderId}?attempt=${payment.id}`;
}

function typedValues(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter(
      ([key, value]) => typeof value === "string" && !CARD_FIELDS.has(key) && !key.startsWith("$"),
    ),
  ) as Record<string, string>;
}

/** Why the payment core refused (or the cart was empty by the time the order was placed), in the shopper's language. */
async function refusalOf(error: CheckoutError | EmptyCartError): Promise<string> {
  const [errors, payment, locale] = await Promise.all([
    getTranslations("CheckoutErrors"),
    getTranslations("CheckoutPayment"),
    getLocale(),
  ]);
  return error instanceof EmptyCartError ? errors("cartEmpty") : refusalWords({ errors, payment, locale }, error);
}

/** Places the order (once per checkout token) and starts its first payment attempt. */
export async function placeOrderAndPay(_state: PaymentFormState, formData: FormData): Promise<PaymentFormState> {
  const t = await getTranslations("CheckoutErrors");
  const values = typedValues(formData);
  const parsed = parseForm(checkoutForm, formData);
  if (!parsed.ok) {
    return {
      fieldErrors: fieldErrorWords(t, parsed.fieldErrors),
      values,
      error: "checkoutToken" in parsed.fieldErrors ? t("formExpired") : t("correctFields"),
    };
  }
  const { checkoutToken, paymentMethod, ...contact } = parsed.data;
  const payment = await paymentInput(formData, paymentMethod, await readCurrency());
  if ("cardErrors" in payment) return { cardErrors: payment.cardErrors, values, error: t("checkCard") };
  if ("refused" in payment) return { error: t(payment.refused), values };
  const user = await currentUser();
  const attempt = { userId: user?.id, guestKey: `checkout:${checkoutToken}`, ip: payment.input.shopperIp ?? "" };
  let destination: string;
  try {
    // Counted first in the order's write transaction: a refused attempt leaves no order, payment or provider call.
    const placed = await placeOrder(
      {
        cart: await readCart(),
        currency: await readCurrency(),
        contact,
        userId: user?.id ?? null,
        checkoutToken,
      },
      (tx) => refusePayAttempt(attempt, tx),
    );
    if ("refused" in placed) return { error: tooManyWords(t, placed.refused), values };
    const order = placed;
    await writeCart([]);
    destination = destinationOf(
      await startPayment({
        orderId: order.id,
        order,
        ...payment.input,
        idempotencyKey: `${checkoutToken}:first`,
        userId: user?.id,
      }),
    );
  } catch (error) {
    if (error instanceof EmptyCartError || error instanceof CheckoutError)
      return { error: await refusalOf(error), values };
    throw error;
  }
  redirect(destination);
}

const payAgainForm = z.object({
  orderId: z.string().min(1),
  attemptToken: z.uuid(),
  paymentMethod: paymentMethodField,
  /** "Pay another way" while an attempt is open: that attempt, to close first. */
  replaceAttempt: z.string().max(64).optional(),
});

/**
 * A new payment attempt for an order whose last attempt ended, or ("Pay another way") one that
 * replaces the order's open attempt. The payment core refuses it while another attempt is live.
 */
export async function payAgain(_state: PaymentFormState, formData: FormData): Promise<PaymentFormState> {
  const t = await getTranslations("CheckoutErrors");
  const parsed = parseForm(payAgainForm, formData);
  if (!parsed.ok) return { error: t("paymentMethodMissing") };
  // Another shopper's order is answered like one that does not exist: 404, nothing started.
  const viewed = await loadOrderForViewer(parsed.data.orderId);
  if (!viewed) notFound();
  const payment = await paymentInput(formData, parsed.data.paymentMethod, viewed.order.currency);
  if ("cardErrors" in payment) return { cardErrors: payment.cardErrors, error: t("checkCard") };
  if ("refused" in payment) return { error: t(payment.refused) };
  const user = await currentUser();
  const tooMany = await refusePayAttempt({
    userId: user?.id,
    guestKey: `order:${parsed.data.orderId}`,
    ip: payment.input.shopperIp ?? "",
  });
  if (tooMany) return { error: tooManyWords(t, tooMany) };
  let destination: string;
  try {
    destination = destinationOf(
      await startPayment({
        orderId: parsed.data.orderId,
        ...payment.input,
        idempotencyKey: parsed.data.attemptToken,
        userId: user?.id,
        replaceAttempt: parsed.data.replaceAttempt,
      }),
    );
  } catch (error) {
    if (error instanceof CheckoutError) return { error: await refusalOf(error) };
    throw error;
  }
  redirect(destination);
}
