import Link from "next/link";

export default function Forbidden() {
  return (
    <main
      className="mx-auto mt-20 max-w-md rounded-xl border border-red-200 bg-white p-8 text-center"
      data-testid="access-refused"
    >
      <h1 className="text-xl font-semibold">Operators only</h1>
      <p className="mt-2 text-stone-600">Your account cannot open the operator console.</p>
      <Link href="/" className="mt-4 inline-block text-brand-600 underline">
        Back to the shop
      </Link>
    </main>
  );
}
