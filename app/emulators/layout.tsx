import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { CLIENT_AREAS, loadMessages } from "@/i18n/catalogues";
import "./emulator-pages.css";

/** In the page's language: a hosted page's own (lib/emulators/hosted-locale.ts), English on /emulators. */
export async function generateMetadata() {
  const t = await getTranslations("HostedPage");
  return { title: { default: t("emulatorsTitle"), template: t("titleTemplate") } };
}

/** Every /emulators page: the providers' own look (./emulator-pages.css) under the emulator's banner. */
export default async function EmulatorLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("HostedPage");
  // A hosted page's browser code gets the hosted pages' words only, also when the shopper arrives
  // by a client-side navigation from the shop (the root layout then stays as it was).
  const messages = await loadMessages(await getLocale(), CLIENT_AREAS.hosted);
  return (
    <NextIntlClientProvider messages={messages}>
      <div className="emulator-pages min-h-screen bg-slate-100 text-slate-900">
        <header className="bg-slate-900 px-4 py-1.5 text-center text-xs font-medium tracking-widest text-amber-300 uppercase">
          {t("banner")}
        </header>
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
