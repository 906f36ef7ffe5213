import "server-only";
import { PROVIDERS } from "@/lib/providers";

/** Scripted demos for sales and QA: what to click, what it shows. Started from /demo; each provider's folder has its own. */
export interface Storyline {
  id: string;
  /** Where /demo lists it: the tour goes from the plainest payment to the subtlest. */
  rank: number;
  title: string;
  shows: string;
  product: string;
  steps: string[];
  /** The method checkout starts on (`provider:method`; a card method picks the Card choice and its processor). */
  method?: string;
  /** Force the next payment of a provider through its emulator's control plane. */
  force?: { provider: string; body: Record<string, unknown> };
  needsSignIn?: boolean;
}

export function storylines(): readonly Storyline[] {
  return PROVIDERS.flatMap((provider) => provider.storylines ?? []).sort((a, b) => a.rank - b.rank);
}

export function findStoryline(id: string | undefined): Storyline | undefined {
  return storylines().find((story) => story.id === id);
}

/** The contact and shipping details a storyline's checkout starts with (a signed-in shopper's own email and name win). */
export const STORYLINE_CONTACT = {
  email: "demo.shopper@example.com",
  name: "Demo Shopper",
  addressLine: "Storgatan 1",
  city: "Stockholm",
  postalCode: "111 22",
  country: "SE",
} as const;
