"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findPayment } from "@/lib/db/queries/payments";
import { fromDecimalString } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import {
  capturePayment,
  OperatorActionError,
  refundPayment,
  settlePayment,
  voidPayment,
} from "@/lib/payments/operator-actions";
import { chargeSavedCardAgain } from "@/lib/payments/merchant-initiated-charge";
import { reconcilePayment } from "@/lib/payments/reconcile-payment";
import { redirect } from "next/navigation";
import { replayEmulatorNotification } from "@/lib/emulator-control";
import { resetDemo } from "@/lib/demo";
import { parseForm, type ActionState } from "@/lib/action-state";

const paymentField = z.string({ error: "Unknown payment." }).min(1, "Unknown payment.").max(100, "Unknown payment.");
const amountForm = z.object({ paymentId: paymentField, amount: z.string().trim().min(1, "Enter an amount.").max(40) });
const paymentForm = z.object({ paymentId: paymentField });
const chargeAgainForm = z.object({
  orderId: z.string({ error: "Choose a saved card." }).min(1).max(100),
  credentialId: z.string({ error: "Choose a saved card." }).min(1, "Choose a saved card.").max(100),
});
const replayForm = z.object({
  paymentId: z.string({ error: "Unknown notification." }).min(1).max(100),
  notificationId: z.coerce.number({ error: "Unknown notification." }).int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

/** Revalidates the pages that show a payment: its order and its timeline. */
function revalidatePayment(payment: { id: string; orderId: string }) {
  revalidatePath(`/admin/orders/${payment.orderId}`);
  revalidatePath(`/admin/payments/${payment.id}`);
}

/** Shared by refund and capture: an amount typed in the payment's currency, then the action. */
async function withAmount(
  formData: FormData,
  done: string,
  run: (paymentId: string, amount: number, operator: string) => Promise<{ status: string }>,
): Promise<ActionState> {
  const operator = await requireOperator("/admin");
  const parsed = parseForm(amountForm, formData);
  if (!parsed.ok) return { error: parsed.error };
  const payment = await findPayment(parsed.data.paymentId);
  if (!payment) return { error: "Unknown payment." };
  let amount;
  try {
    amount = fromDecimalString(parsed.data.amount, payment.currency);
  } catch {
    return { error: `Enter the amount in ${payment.currency}, e.g. 10.00.` };
  }
  try {
    const after = await run(payment.id, amount, operator.email);
    revalidatePayment(payment);
    return { message: `${done} The payment is now ${after.status}.` };
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
}

export async function refundAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return withAmount(formData, "Refunded.", refundPayment);
}

/** Shared by void and settle: an action on the whole payment, no amount. */
async function onWholePayment(
  formData: FormData,
  done: (status: string) => string,
  run: (paymentId: string, operator: string) => Promise<Awaited<ReturnType<typeof voidPayment>>>,
): Promise<ActionState> {
  const operator = await requireOperator("/admin");
  const parsed = parseForm(paymentForm, formData);
  if (!parsed.ok) return { error: parsed.error };
  try {
    const after = await run(parsed.data.paymentId, operator.email);
    revalidatePayment(after);
    return { message: done(after.status) };
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
}

export async function voidAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return onWholePayment(formData, (status) => `Voided. The payment is now ${status}.`, voidPayment);
}

/** Settles a paid payment at its provider (Ping Payments: its payment order is split, then settled). */
export async function settleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return onWholePayment(formData, () => "Settled at the provider.", settlePayment);
}

export async function captureAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  return withAmount(formData, "Captured.", capturePayment);
}

/** Asks the provider how a payment stands now (reconciliation by hand). */
export async function reconcileAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  await requireOperator("/admin");
  const parsed = parseForm(paymentForm, formData);
  if (!parsed.ok) return { error: parsed.error };
  const before = await findPayment(parsed.data.paymentId);
  const after = await reconcilePayment(parsed.data.paymentId, 0);
  if (!before || !after) return { error: "Unknown payment." };
  revalidatePayment(after);
  return {
    message:
      before.status === after.status
        ? `The provider confirms ${after.status}.`
        : `Updated: ${before.status} -> ${after.status}.`,
  };
}

/** Charges the order's shopper's saved card again, for a copy of this order (merchant-initiated). */
export async function chargeAgainAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const operator = await requireOperator("/admin");
  const parsed = parseForm(chargeAgainForm, formData);
  if (!parsed.ok) return { error: "Choose a saved card." };
  let newOrderId: string;
  try {
    newOrderId = (await chargeSavedCardAgain(parsed.data.orderId, parsed.data.credentialId, operator.email)).orderId;
  } catch (error) {
    if (error instanceof OperatorActionError) return { error: error.message };
    throw error;
  }
  redirect(`/admin/orders/${newOrderId}`);
}

/** Asks the emulator to send one of its notifications again (the shop must change nothing twice). */
export async function replayAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  await requireOperator("/admin");
  const parsed = parseForm(replayForm, formData);
  const payment = parsed.ok ? await findPayment(parsed.data.paymentId) : undefined;
  if (!parsed.ok || !payment) return { error: "Unknown notification." };
  const ok = await replayEmulatorNotification(payment.provider, parsed.data.notificationId);
  // Give the emulator a moment to deliver it, so the timeline shows the outcome.
  await new Promise((resolve) => setTimeout(resolve, 400));
  revalidatePath(`/admin/payments/${payment.id}`);
  return ok
    ? { message: "Sent again. The timeline shows what the shop made of it." }
    : { error: "The emulator could not replay it." };
}

/** Demo mode: both databases back to the seed plus sample orders across providers and statuses. */
export async function resetDemoAction(): Promise<ActionState> {
  await requireOperator("/admin");
  try {
    const { orders } = await resetDemo();
    revalidatePath("/admin");
    return { message: `Reset: the seed plus ${orders} sample orders.` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
