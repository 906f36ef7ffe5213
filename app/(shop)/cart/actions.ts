"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MAX_QUANTITY, readCart, writeCart } from "@/lib/shopper-session";
import { parseForm, type ActionState } from "@/lib/action-state";

const lineInput = z.object({
  productId: z.string().min(1).max(100),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY),
});

/** Adding to the cart: one unless the shopper chose how many. */
const addInput = lineInput.extend({
  quantity: z.preprocess((value) => value ?? 1, z.coerce.number().int().min(1).max(MAX_QUANTITY)),
});

export async function addToCart(_state: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("AddToCart");
  const parsed = parseForm(addInput, formData);
  if (!parsed.ok) return { error: t("badQuantity", { max: MAX_QUANTITY }) };
  const cart = await readCart();
  const existing = cart.find((line) => line.productId === parsed.data.productId);
  if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + parsed.data.quantity);
  else cart.push({ productId: parsed.data.productId, quantity: parsed.data.quantity });
  await writeCart(cart);
  revalidatePath("/", "layout");
  return { message: t("added") };
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(formData: FormData): Promise<void> {
  const parsed = parseForm(lineInput, formData);
  if (!parsed.ok) return;
  const cart = (await readCart())
    .map((line) => (line.productId === parsed.data.productId ? { ...line, quantity: parsed.data.quantity } : line))
    .filter((line) => line.quantity > 0);
  await writeCart(cart);
  revalidatePath("/", "layout");
}
