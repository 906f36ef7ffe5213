import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { LOCALE_HTML_LANG } from "@/i18n/locales";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Merchant Storefront", template: "%s · Merchant Storefront" },
  description: "A reference shop that pays through five payment providers, with a local emulator of each.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (see proxy.ts).
  await connection();
  const locale = await getLocale();
  return (
    <html lang={LOCALE_HTML_LANG[locale]} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        {/* The words for browser code come from each part's own layout: the shop's ((shop)/layout.tsx),
            a provider's hosted pages' (emulators/layout.tsx). A root layout outlives a client-side
            navigation between them, so it holds none: only the locale and its formats. */}
        <NextIntlClientProvider messages={null}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
