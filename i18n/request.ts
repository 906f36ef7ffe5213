import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./catalogues";
import {
  DEFAULT_LOCALE,
  HOSTED_LOCALE_HEADER,
  isLocale,
  LOCALE_COOKIE,
  localeFromAcceptLanguage,
  type Locale,
} from "./locales";

/**
 * The shopper's language for this request: the cookie set by the language switch, else Accept-Language;
 * on a provider's hosted page, the page's own (set by proxy.ts: lib/emulators/hosted-locale.ts).
 */
export async function requestLocale(): Promise<Locale> {
  const hosted = (await headers()).get(HOSTED_LOCALE_HEADER);
  if (isLocale(hosted)) return hosted;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale().catch(() => DEFAULT_LOCALE);
  return {
    locale,
    messages: await loadMessages(locale),
  };
});
