"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/auth";
import { isShopCurrency } from "@/lib/money";
import { writeCurrency, writeLanguage } from "@/lib/shopper-session";
import { LOCALES } from "@/i18n/locales";
import { parseForm } from "@/lib/action-state";
import { z } from "zod";

const currencyForm = z.object({ currency: z.string().refine(isShopCurrency) });

export async function changeCurrency(formData: FormData): Promise<void> {
  const form = parseForm(currencyForm, formData);
  if (!form.ok) return;
  await writeCurrency(form.data.currency);
  revalidatePath("/", "layout");
}

const languageForm = z.object({ language: z.enum(LOCALES) });

export async function changeLanguage(formData: FormData): Promise<void> {
  const form = parseForm(languageForm, formData);
  if (!form.ok) return;
  await writeLanguage(form.data.language);
  revalidatePath("/", "layout");
}

export async function logOut(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
