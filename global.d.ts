import type messages from "./messages/en.json";
import type { Locale } from "./i18n/locales";

// next-intl checks every message key and its arguments against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
