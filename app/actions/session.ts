"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { isShopCurrency } from "@/lib/money";
import { writeCurrency } from "@/lib/shopper-session";
import { parseForm } from "@/lib/action-state";
import { z } from "zod";

const currencyForm = z.object({ currency: z.string().refine(isShopCurrency) });

export async function changeCurrency(formData: FormData): Promise<void> {
  const form = parseForm(currencyForm, formData);
  if (!form.ok) return;
  await writeCurrency(form.data.currency);
  revalidatePath("/", "layout");
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
