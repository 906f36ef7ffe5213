import Link from "next/link";

export function EmptyState({ title }: { title: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-10 text-center">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Link href="/" className="mt-4 inline-block text-brand-600 underline">
        Browse the shop
      </Link>
    </div>
  );
}
