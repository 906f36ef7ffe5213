import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/**
 * The languages the shop speaks: English and Chinese (Simplified). A shopper's choice lives in the
 * `NEXT_LOCALE` cookie (next-intl's own name for it); without one, the browser's Accept-Language
 * decides, then English.
 */
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/**
 * The request header proxy.ts sets on a provider's hosted page with that page's language (see
 * lib/emulators/hosted-locale.ts), which the root layout and i18n/request.ts read. Here, not on the
 * emulator side, because the shop's request config reads it: the shop never imports an emulator.
 */
export const HOSTED_LOCALE_HEADER = "x-hosted-page-locale";

/** Each language's name in itself, for the switch, and the BCP 47 tag of its script for `<html lang>`. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", zh: "简体中文" };
export const LOCALE_HTML_LANG: Readonly<Record<Locale, string>> = { en: "en", zh: "zh-Hans" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header (quality values honoured, "zh-CN",
 * "zh-Hans-CN" and "zh" all read Chinese; a header naming none of ours, or none at all, reads English).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": header } }).languages();
  try {
    const best = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" });
    return isLocale(best) ? best : DEFAULT_LOCALE;
  } catch {
    // A malformed tag in the header: the shopper still gets a page, in the default language.
    return DEFAULT_LOCALE;
  }
}
