import type { Locale } from "./locales";

/**
 * The message catalogue is split by area of the shop, one JSON file per area and language
 * (`messages/<locale>/<area>.json`); each file holds its own top-level namespaces, and a page sees
 * them all merged.
 */
export const MESSAGE_AREAS = ["shop", "checkout", "orders", "hosted"] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const areas = await Promise.all(
    MESSAGE_AREAS.map(async (area) => (await import(`../messages/${locale}/${area}.json`)).default),
  );
  return Object.assign({}, ...areas);
}
