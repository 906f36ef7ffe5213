import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";

export default async function ShopLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("ShopFooter");
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pt-4 pb-10 text-xs text-stone-500">{t("note")}</footer>
    </>
  );
}
