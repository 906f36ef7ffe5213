import Link from "next/link";
import { useTranslations } from "next-intl";

export default function Forbidden() {
  const t = useTranslations("Forbidden");
  return (
    <main
      className="mx-auto mt-20 max-w-md rounded-xl border border-red-200 bg-white p-8 text-center"
      data-testid="access-refused"
    >
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-600">{t("text")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-600 underline">
        {t("back")}
      </Link>
    </main>
  );
}
