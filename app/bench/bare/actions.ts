"use server";

import { redirect } from "next/navigation";
import { benchComparatorsEnabled } from "@/lib/bench/enabled";
import { settings } from "@/lib/env";
import { parseForm, type ActionState } from "@/lib/action-state";
import { z } from "zod";

const bareForm = z.object({
  token: z.string().optional().catch(undefined),
  hop: z.literal("1").optional().catch(undefined),
});

/**
 * The benchmark's "bare round trip" for Pay: a server action posted the way the checkout form
 * posts, that reads the form and redirects, with no order, provider or database in between.
 * With `hop=1` (the bench adds it) it first makes one HTTP request to the empty route, posted the
 * way the shop posts to a provider (JSON, a timeout, no cache): the same hops as a Pay with one
 * provider call (browser -> shop -> emulator in the same process -> shop -> browser), with
 * nothing done on either side.
 */
export async function bareSubmit(_state: ActionState, formData: FormData): Promise<ActionState> {
  if (!benchComparatorsEnabled()) return { error: "Not available." };
  const form = parseForm(bareForm, formData);
  const token = form.ok ? form.data.token : undefined;
  const value = token !== undefined ? encodeURIComponent(token.slice(0, 64)) : "1";
  if (form.ok && form.data.hop === "1") {
    const answer = await fetch(`${settings().APP_URL}/api/bench/empty`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: value }),
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
      redirect: "manual",
    });
    await answer.text();
    if (answer.status !== 200) return { error: `The empty route answered ${answer.status}.` };
  }
  redirect(`/bench/bare?done=${value}`);
}
