import type { OrderStatus } from "@/lib/db/schema";

const LOOK: Record<OrderStatus, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-100 text-amber-900" },
  paid: { label: "Paid", className: "bg-emerald-100 text-emerald-900" },
  failed: { label: "Payment failed", className: "bg-red-100 text-red-900" },
  canceled: { label: "Canceled", className: "bg-stone-200 text-stone-800" },
  refunded: { label: "Refunded", className: "bg-sky-100 text-sky-900" },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const look = LOOK[status];
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${look.className}`}
      data-testid="order-status"
    >
      {look.label}
    </span>
  );
}
