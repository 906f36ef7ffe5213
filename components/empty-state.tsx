import Link from "next/link";
import { useTranslations } from "next-intl";

export function EmptyState({ title }: { title: string }) {
  const t = useTranslations("EmptyState");
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-10 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Link href="/" className="mt-4 inline-block text-brand-600 underline">
        {t("browse")}
      </Link>
    </div>
  );
}
