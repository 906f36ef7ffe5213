"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { isShopCurrency } from "@/lib/money";
import { writeCurrency } from "@/lib/shopper-session";

export async function changeCurrency(formData: FormData): Promise<void> {
  const currency = formData.get("currency");
  if (!isShopCurrency(currency)) return;
  await writeCurrency(currency);
  revalidatePath("/", "layout");
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
