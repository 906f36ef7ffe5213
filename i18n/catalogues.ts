import type { Locale } from "./locales";

/**
 * The message catalogue is split by area of the shop, one JSON file per area and language
 * (`messages/<locale>/<area>.json`); each file holds its own top-level namespaces, and a page sees
 * them all merged.
 */
export const MESSAGE_AREAS = ["shop", "checkout", "orders", "hosted"] as const;
export type MessageArea = (typeof MESSAGE_AREAS)[number];

/**
 * What a page's browser code is sent (the root layout's client provider): a provider's hosted page
 * only its own area, a shop page every area but that one. Server code always sees them all.
 */
export const CLIENT_AREAS: Readonly<Record<"hosted" | "shop", readonly MessageArea[]>> = {
  hosted: ["hosted"],
  shop: MESSAGE_AREAS.filter((area) => area !== "hosted"),
};

export async function loadMessages(
  locale: Locale,
  areas: readonly MessageArea[] = MESSAGE_AREAS,
): Promise<Record<string, unknown>> {
  const catalogues = await Promise.all(
    areas.map(async (area) => (await import(`../messages/${locale}/${area}.json`)).default),
  );
  return Object.assign({}, ...catalogues);
}
