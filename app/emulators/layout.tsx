import { getTranslations } from "next-intl/server";
import "./emulator-pages.css";

/** In the page's language: a hosted page's own (lib/emulators/hosted-locale.ts), English on /emulators. */
export async function generateMetadata() {
  const t = await getTranslations("HostedPage");
  return { title: { default: t("emulatorsTitle"), template: t("titleTemplate") } };
}

/** Every /emulators page: the providers' own look (./emulator-pages.css) under the emulator's banner. */
export default async function EmulatorLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("HostedPage");
  return (
    <div className="emulator-pages min-h-screen bg-slate-100 text-slate-900">
      <header className="bg-slate-900 px-4 py-1.5 text-center text-xs font-medium tracking-widest text-amber-300 uppercase">
        {t("banner")}
      </header>
      {children}
    </div>
  );
}
