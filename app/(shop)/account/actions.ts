"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CheckoutError } from "@/lib/payments/checkout-error";
import { linkWallet, startLegacyWalletAuthorization, unlinkWallet, walletsToLink } from "@/lib/payments/wallets";
import { isLinkableWallet } from "@/lib/payments/registry";
import { currentUser } from "@/lib/auth";
import { revokeCredential } from "@/lib/db/queries/credentials";
import { parseForm, type ActionState } from "@/lib/action-state";
import { z } from "zod";

const credentialForm = z.object({ credentialId: z.string().min(1).max(100) });

const linkWalletForm = z.object({
  walletType: z.string().refine(isLinkableWallet),
  flow: z.literal("legacy").optional().catch(undefined),
});

/** The signed-in shopper removes one of their saved cards. */
export async function removeSavedCard(formData: FormData): Promise<void> {
  const user = await currentUser();
  const form = parseForm(credentialForm, formData);
  if (!user || !form.ok) return;
  // Another shopper's card is answered like one that does not exist.
  if (!(await revokeCredential(form.data.credentialId, user.id))) notFound();
  revalidatePath("/account");
}

/** Links a wallet for one-click payments: off to the wallet's signing page. */
export async function linkWalletAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/account");
  const t = await getTranslations("LinkWallet");
  const form = parseForm(linkWalletForm, formData);
  if (!form.ok) return { error: t("chooseWallet") };
  const { walletType } = form.data;
  const legacy = form.data.flow === "legacy";
  let authUrl: string;
  try {
    authUrl = legacy
      ? await startLegacyWalletAuthorization(user.id, walletType)
      : await linkWallet(user.id, walletType);
  } catch (error) {
    if (error instanceof CheckoutError) {
      // What refused it, read from the shopper's wallets as they stand now (the refusal's own text is English).
      const open = await walletsToLink(user.id);
      if (!open.wallets.includes(walletType)) return { error: t("alreadyLinked", { wallet: walletType }) };
      if (legacy && !open.legacy) return { error: t("legacyOff") };
    }
    return { error: t("couldNotLink", { wallet: walletType }) };
  }
  redirect(authUrl);
}

export async function unlinkWalletAction(formData: FormData): Promise<void> {
  const user = await currentUser();
  const form = parseForm(credentialForm, formData);
  if (!user || !form.ok) return;
  try {
    await unlinkWallet(user.id, form.data.credentialId);
  } catch (error) {
    // Another shopper's wallet (or none): answered like one that does not exist, nothing changed.
    if (error instanceof CheckoutError) notFound();
    throw error;
  }
  revalidatePath("/account");
}
