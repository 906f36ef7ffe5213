import { HOSTED_LOCALE_HEADER, localeFromAcceptLanguage, type Locale } from "@/i18n/locales";

/**
 * The language of a provider's hosted page. A real provider's page cannot read the shop's language
 * cookie: it renders in the language the merchant gave with the payment where the provider
 * documents such a field, else in the browser's Accept-Language [guess]. Each emulator says which
 * it does beside its hosted page (its documented field, or none).
 * An emulator that honours a documented field puts it in its hosted page's address as `?lang=`, so
 * the whole page (its `<html lang>` included, set by the root layout) renders in it. The /emulators
 * control page is for QA and stays English.
 */
export { HOSTED_LOCALE_HEADER };

/** The query parameter carrying the payment's documented language on a hosted page's address. */
export const HOSTED_LANGUAGE_PARAM = "lang";

/** Paths under /emulators that are not a shopper's page (APIs, QA hooks, the control plane). */
const NOT_A_PAGE = /^\/emulators\/(?:control|test-cards)(?:\/|$)/;

/**
 * The language of the /emulators page at `pathname`, or undefined for any other path. `language` is
 * the payment's documented language (`?lang=`: "zh_CN", "zh-CN", "en_US"…), `acceptLanguage` the browser's.
 */
export function hostedPageLocale(
  pathname: string,
  language: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale | undefined {
  if (pathname === "/emulators" || pathname === "/emulators/") return "en";
  if (!pathname.startsWith("/emulators/") || NOT_A_PAGE.test(pathname)) return undefined;
  if (language?.trim()) return localeFromAcceptLanguage(language.trim().replaceAll("_", "-").slice(0, 35));
  return localeFromAcceptLanguage(acceptLanguage);
}

/** A hosted page's address with the payment's documented language, when it has one. */
export function withHostedLanguage(url: string, language: string | null | undefined): string {
  if (!language) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${HOSTED_LANGUAGE_PARAM}=${encodeURIComponent(language)}`;
}

/** The locale's tag for Intl (amounts on the hosted pages). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: "en-US", zh: "zh-CN" };
