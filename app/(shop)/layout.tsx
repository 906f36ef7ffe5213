import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { CLIENT_AREAS, loadMessages } from "@/i18n/catalogues";

export default async function ShopLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("ShopFooter");
  // The shop's browser code gets the shop's words only (i18n/catalogues.ts, CLIENT_AREAS).
  const messages = await loadMessages(await getLocale(), CLIENT_AREAS.shop);
  return (
    <NextIntlClientProvider messages={messages}>
      <SiteHeader />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-stone-500">{t("note")}</footer>
    </NextIntlClientProvider>
  );
}
