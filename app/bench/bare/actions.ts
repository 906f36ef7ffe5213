"use server";

import { redirect } from "next/navigation";
import { benchComparatorsEnabled } from "@/lib/bench/enabled";
import { settings } from "@/lib/env";

/**
 * The benchmark's "bare round trip" for Pay: a server action posted the way the checkout form
 * posts, that reads the form and redirects, with no order, provider or database in between.
 * With `hop=1` (the bench adds it) it first makes one HTTP request to the empty route, posted the
 * way the shop posts to a provider (JSON, a timeout, no cache): the same hops as a Pay with one
 * provider call (browser -> shop -> emulator in the same process -> shop -> browser), with
 * nothing done on either side.
 */
export async function bareSubmit(_state: { message?: string }, formData: FormData): Promise<{ message?: string }> {
  if (!benchComparatorsEnabled()) return { message: "Not available." };
  const token = formData.get("token");
  const value = typeof token === "string" ? encodeURIComponent(token.slice(0, 64)) : "1";
  if (formData.get("hop") === "1") {
    const answer = await fetch(`${settings().APP_URL}/api/bench/empty`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: value }),
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
      redirect: "manual",
    });
    await answer.text();
    if (answer.status !== 200) return { message: `The empty route answered ${answer.status}.` };
  }
  redirect(`/bench/bare?done=${value}`);
}
