"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth";
import { revokeCredential } from "@/lib/db/queries/credentials";

/** The signed-in shopper removes one of their saved cards. */
export async function removeSavedCard(formData: FormData): Promise<void> {
  const user = await currentUser();
  const id = formData.get("credentialId");
  if (!user || typeof id !== "string") return;
  revokeCredential(id, user.id);
  revalidatePath("/account");
}
