import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { CLIENT_AREAS, loadMessages } from "@/i18n/catalogues";
import { LOCALE_HTML_LANG } from "@/i18n/locales";
import { HOSTED_LOCALE_HEADER } from "@/i18n/locales";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Merchant Storefront", template: "%s · Merchant Storefront" },
  description: "A reference shop that pays through five payment providers, with a local emulator of each.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (see proxy.ts).
  await connection();
  const locale = await getLocale();
  // A provider's hosted page (proxy.ts names its language) gets its own words only, a shop page the shop's.
  const hosted = (await headers()).has(HOSTED_LOCALE_HEADER);
  const clientMessages = await loadMessages(locale, CLIENT_AREAS[hosted ? "hosted" : "shop"]);
  return (
    <html lang={LOCALE_HTML_LANG[locale]} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
