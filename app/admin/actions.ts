"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findPayment } from "@/lib/db/queries/payments";
import { fromDecimalString } from "@/lib/money";
import { requireOperator } from "@/lib/operator";
import { OperatorActionError, refundPayment, voidPayment } from "@/lib/payments/service";

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
