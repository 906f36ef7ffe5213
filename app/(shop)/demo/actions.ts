"use server";

import { redirect } from "next/navigation";
import { controlRequest, controlUrl } from "@/lib/emulator-control";
import { writeCart } from "@/lib/shopper-session";
import { findStoryline } from "@/lib/storylines";
import { parseForm } from "@/lib/action-state";
import { z } from "zod";

const storylineForm = z.object({ storyline: z.string().max(100) });

/** Starts a storyline: its product in the cart, its forced outcome set, then checkout with its steps. */
export async function startStoryline(formData: FormData): Promise<void> {
  const form = parseForm(storylineForm, formData);
  const story = form.ok ? findStoryline(form.data.storyline) : undefined;
  if (!story) redirect("/demo");
  if (story.force) {
    const url = controlUrl(story.force.provider);
    if (url) await controlRequest(`${url}/next-payment`, { method: "POST", body: story.force.body });
  }
  await writeCart([{ productId: `prd_${story.product}`, quantity: 1 }]);
  redirect(
    story.needsSignIn
      ? `/login?callbackUrl=${encodeURIComponent(`/checkout?storyline=${story.id}`)}`
      : `/checkout?storyline=${story.id}`,
  );
}
