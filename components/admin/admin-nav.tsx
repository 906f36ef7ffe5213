import Link from "next/link";

export function AdminNav({ current }: { current: "orders" | "payments" }) {
  const tab = (key: typeof current, href: string, label: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${current === key ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-200"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav className="flex gap-2" aria-label="Operator console">
      {tab("orders", "/admin", "Orders")}
      {tab("payments", "/admin/payments", "Payments")}
    </nav>
  );
}
