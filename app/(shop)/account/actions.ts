"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { CheckoutError, linkWallet, startLegacyWalletAuthorization, unlinkWallet } from "@/lib/payments/service";
import { isLinkableWallet } from "@/lib/payments/registry";
import { currentUser } from "@/lib/auth";
import { revokeCredential } from "@/lib/db/queries/credentials";

/** The signed-in shopper removes one of their saved cards. */
export async function removeSavedCard(formData: FormData): Promise<void> {
  const user = await currentUser();
  const id = formData.get("credentialId");
  if (!user || typeof id !== "string") return;
  // Another shopper's card is answered like one that does not exist.
  if (!revokeCredential(id, user.id)) notFound();
  revalidatePath("/account");
}

export type WalletActionState = { error?: string };

/** Links a wallet for one-click payments: off to the wallet's signing page. */
export async function linkWalletAction(_state: WalletActionState, formData: FormData): Promise<WalletActionState> {
  const user = await currentUser();
  if (!user) redirect("/login?callbackUrl=/account");
  const walletType = formData.get("walletType");
  if (!isLinkableWallet(walletType)) return { error: "Choose a wallet to link." };
  const legacy = formData.get("flow") === "legacy";
  let authUrl: string;
  try {
    authUrl = legacy
      ? await startLegacyWalletAuthorization(user.id, walletType)
      : await linkWallet(user.id, walletType);
  } catch (error) {
    if (error instanceof CheckoutError) return { error: error.message };
    return { error: `${walletType} could not be linked now. Please try again.` };
  }
  redirect(authUrl);
}

export async function unlinkWalletAction(formData: FormData): Promise<void> {
  const user = await currentUser();
  const id = formData.get("credentialId");
  if (!user || typeof id !== "string") return;
  try {
    await unlinkWallet(user.id, id);
  } catch (error) {
    // Another shopper's wallet (or none): answered like one that does not exist, nothing changed.
    if (error instanceof CheckoutError) notFound();
    throw error;
  }
  revalidatePath("/account");
}
