"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth";
import { findOrder } from "@/lib/db/queries/orders";
import { EmptyCartError, placeOrder } from "@/lib/orders";
import { CheckoutError, nextActionOf, startPayment } from "@/lib/payments/service";
import { readCart, readCurrency, writeCart } from "@/lib/shopper-session";
import type { Payment } from "@/lib/db/schema";

export type CheckoutState = {
  message?: string;
  /** What was typed, so a refused form comes back filled in. */
  values?: Record<string, string>;
  errors?: Partial<Record<"checkoutToken" | "email" | "name" | "addressLine" | "city" | "postalCode" | "country" | "paymentMethod", string>>;
};

const paymentMethodField = z
  .string({ error: "Choose a payment method." })
  .regex(/^[a-z]+:[a-z_]+$/, "Choose a payment method.")
  .transform((value) => {
    const [provider, method] = value.split(":");
    return { provider, method };
  });

const checkoutForm = z.object({
  checkoutToken: z.uuid(),
  email: z.email("Enter a valid email address.").max(200),
  name: z.string().trim().min(2, "Enter your full name.").max(100),
  addressLine: z.string().trim().min(3, "Enter your street address.").max(200),
  city: z.string().trim().min(2, "Enter your city.").max(100),
  postalCode: z.string().trim().min(2, "Enter your postal code.").max(20),
  country: z.string().regex(/^[A-Z]{2}$/, "Choose your country."),
  paymentMethod: paymentMethodField,
});

function destinationOf(payment: Payment): string {
  const action = nextActionOf(payment);
  return action.type === "redirect" ? action.url : `/orders/${payment.orderId}?attempt=${payment.id}`;
}

/** Places the order (once per checkout token) and starts its first payment attempt. */
export async function placeOrderAndPay(_state: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const parsed = checkoutForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: CheckoutState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NonNullable<CheckoutState["errors"]>;
      errors[field] ??= issue.message;
    }
    const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    return { errors, values, message: "checkoutToken" in errors ? "This checkout form expired; reload the page." : "Please correct the highlighted fields." };
  }
  const { checkoutToken, paymentMethod, ...contact } = parsed.data;
  const user = await currentUser();
  let destination: string;
  try {
    const order = placeOrder({ cart: await readCart(), currency: await readCurrency(), contact, userId: user?.id ?? null, checkoutToken });
    await writeCart([]);
    const payment = await startPayment({ orderId: order.id, ...paymentMethod, idempotencyKey: `${checkoutToken}:first` });
    destination = destinationOf(payment);
  } catch (error) {
    if (error instanceof EmptyCartError || error instanceof CheckoutError) return { message: error.message, values: contact };
    throw error;
  }
  redirect(destination);
}

const payAgainForm = z.object({ orderId: z.string().min(1), attemptToken: z.uuid(), paymentMethod: paymentMethodField });

export type PayAgainState = { message?: string };

/** A new payment attempt for an order whose last attempt failed. */
export async function payAgain(_state: PayAgainState, formData: FormData): Promise<PayAgainState> {
  const parsed = payAgainForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Choose a payment method." };
  if (!findOrder(parsed.data.orderId)) return { message: "This order does not exist." };
  let destination: string;
  try {
    const payment = await startPayment({ orderId: parsed.data.orderId, ...parsed.data.paymentMethod, idempotencyKey: parsed.data.attemptToken });
    destination = destinationOf(payment);
  } catch (error) {
    if (error instanceof CheckoutError) return { message: error.message };
    throw error;
  }
  redirect(destination);
}
