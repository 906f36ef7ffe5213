"use server";

import { redirect } from "next/navigation";
import { benchComparatorsEnabled } from "@/lib/bench/enabled";

/**
 * The benchmark's "bare round trip" for Pay: a server action posted the way the checkout form
 * posts, that reads the form and redirects, with no order, provider or database in between.
 */
export async function bareSubmit(_state: { message?: string }, formData: FormData): Promise<{ message?: string }> {
  if (!benchComparatorsEnabled()) return { message: "Not available." };
  const token = formData.get("token");
  redirect(`/bench/bare?done=${typeof token === "string" ? encodeURIComponent(token.slice(0, 64)) : "1"}`);
}
