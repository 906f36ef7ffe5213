"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findPayment } from "@/lib/db/queries/payments";
import { fromDecimalString } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { capturePayment, chargeSavedCardAgain, OperatorActionError, reconcilePayment, refundPayment, voidPayment } from "@/lib/payments/service";
import { redirect } from "next/navigation";
import { replayEmulatorNotification } from "@/lib/emulator-control";

export type OperatorActionState = { message?: string; error?: string };

const refundForm = z.object({ paymentId: z.string().min(1), amount: z.string().trim().min(1, "Enter an amount.") });

export async function refundAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  const operator = await requireOperator("/admin");
  const parsed = refundForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const payment = findPayment(parsed.data.paymentId);
  if (!payment) return { error: "Unknown payment." };
  let amount;
  try {
    amount = fromDecimalString(parsed.data.amount, payment.currency);
  } catch {
    return { error: `Enter the amount in ${payment.currency}, e.g. 10.00.` };
  }
  try {
    const after = await refundPayment(payment.id, amount, operator.email);
    revalidatePath(`/admin/orders/${payment.orderId}`);
    return { message: `Refunded. The payment is now ${after.status}.` };
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
}

export async function voidAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  const operator = await requireOperator("/admin");
  const paymentId = formData.get("paymentId");
  if (typeof paymentId !== "string") return { error: "Unknown payment." };
  try {
    const after = await voidPayment(paymentId, operator.email);
    revalidatePath(`/admin/orders/${after.orderId}`);
    return { message: `Voided. The payment is now ${after.status}.` };
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
}

export async function captureAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  const operator = await requireOperator("/admin");
  const parsed = refundForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  const payment = findPayment(parsed.data.paymentId);
  if (!payment) return { error: "Unknown payment." };
  let amount;
  try {
    amount = fromDecimalString(parsed.data.amount, payment.currency);
  } catch {
    return { error: `Enter the amount in ${payment.currency}, e.g. 10.00.` };
  }
  try {
    const after = await capturePayment(payment.id, amount, operator.email);
    revalidatePath(`/admin/orders/${payment.orderId}`);
    return { message: `Captured. The payment is now ${after.status}.` };
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
}

/** Asks the provider how a payment stands now (reconciliation by hand). */
export async function reconcileAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  await requireOperator("/admin");
  const paymentId = formData.get("paymentId");
  if (typeof paymentId !== "string") return { error: "Unknown payment." };
  const before = findPayment(paymentId);
  const after = await reconcilePayment(paymentId, 0);
  if (!before || !after) return { error: "Unknown payment." };
  revalidatePath(`/admin/orders/${after.orderId}`);
  return { message: before.status === after.status ? `The provider confirms ${after.status}.` : `Updated: ${before.status} -> ${after.status}.` };
}

/** Charges the order's shopper's saved card again, for a copy of this order (merchant-initiated). */
export async function chargeAgainAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  const operator = await requireOperator("/admin");
  const orderId = formData.get("orderId");
  const credentialId = formData.get("credentialId");
  if (typeof orderId !== "string" || typeof credentialId !== "string") return { error: "Choose a saved card." };
  let newOrderId: string;
  try {
    newOrderId = (await chargeSavedCardAgain(orderId, credentialId, operator.email)).orderId;
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
  redirect(`/admin/orders/${newOrderId}`);
}

/** Asks the emulator to send one of its notifications again (the shop must change nothing twice). */
export async function replayAction(_state: OperatorActionState, formData: FormData): Promise<OperatorActionState> {
  await requireOperator("/admin");
  const paymentId = formData.get("paymentId");
  const notificationId = Number(formData.get("notificationId"));
  const payment = typeof paymentId === "string" ? findPayment(paymentId) : undefined;
  if (!payment || !Number.isSafeInteger(notificationId)) return { error: "Unknown notification." };
  const ok = await replayEmulatorNotification(payment.provider, notificationId);
  // Give the emulator a moment to deliver it, so the timeline shows the outcome.
  await new Promise((resolve) => setTimeout(resolve, 400));
  revalidatePath(`/admin/payments/${payment.id}`);
  return ok ? { message: "Sent again. The timeline shows what the shop made of it." } : { error: "The emulator could not replay it." };
}
