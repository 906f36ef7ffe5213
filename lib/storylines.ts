import "server-only";
import type { Locale } from "@/i18n/locales";
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
  /**
   * Its title, what it shows and its steps in the shop's other languages, next to the English above
   * (a storyline names its provider, so its words stay in the provider's folder, not the catalogue).
   */
  translated?: { [L in Exclude<Locale, "en">]?: StorylineWords };
}

export function storylines(): readonly Storyline[] {
  return PROVIDERS.flatMap((provider) => provider.storylines ?? []).sort((a, b) => a.rank - b.rank);
}

export function findStoryline(id: string | undefined): Storyline | undefined {
  return storylines().find((story) => story.id === id);
}

/** What a storyline says: its title, what it shows and its steps. */
export type StorylineWords = Pick<Storyline, "title" | "shows" | "steps">;

/** A storyline's words in `locale`: its translation where it has one, else its own (English). */
export function storylineWords(story: Storyline, locale: Locale): StorylineWords {
  const translated = locale === "en" ? undefined : story.translated?.[locale];
  return translated ?? { title: story.title, shows: story.shows, steps: story.steps };
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
