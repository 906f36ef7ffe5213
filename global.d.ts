import type checkout from "./messages/en/checkout.json";
import type hosted from "./messages/en/hosted.json";
import type orders from "./messages/en/orders.json";
import type shop from "./messages/en/shop.json";
import type { Locale } from "./i18n/locales";

// next-intl checks every message key and its arguments against the English catalogue at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof shop & typeof checkout & typeof orders & typeof hosted;
  }
}
