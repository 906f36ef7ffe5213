"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_QUANTITY, readCart, writeCart } from "@/lib/shopper-session";

const lineInput = z.object({
  productId: z.string().min(1).max(100),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY),
});

export type CartActionState = { message?: string; error?: string };

export async function addToCart(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const parsed = lineInput.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") ?? 1 });
  if (!parsed.success || parsed.data.quantity < 1) return { error: "Choose a quantity between 1 and 20." };
  const cart = await readCart();
  const existing = cart.find((line) => line.productId === parsed.data.productId);
  if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + parsed.data.quantity);
  else cart.push({ productId: parsed.data.productId, quantity: parsed.data.quantity });
  await writeCart(cart);
  revalidatePath("/", "layout");
  return { message: "Added to your cart." };
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(formData: FormData): Promise<void> {
  const parsed = lineInput.safeParse({ productId: formData.get("productId"), quantity: formData.get("quantity") });
  if (!parsed.success) return;
  const cart = (await readCart())
    .map((line) => (line.productId === parsed.data.productId ? { ...line, quantity: parsed.data.quantity } : line))
    .filter((line) => line.quantity > 0);
  await writeCart(cart);
  revalidatePath("/", "layout");
}
