"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Polls the order's status while it is pending and refreshes the page when it changes.
 * After a long wait it says so, and keeps polling more slowly.
 */
export function OrderStatusPoller({
  orderId,
  fingerprint,
  intervalMs,
}: {
  orderId: string;
  fingerprint: string;
  intervalMs: number;
}) {
  const router = useRouter();
  const t = useTranslations("OrderPoller");
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const started = Date.now();
    const poll = async () => {
      try {
        const response = await fetch(`/api/orders/${orderId}/status`, { cache: "no-store" });
        if (response.ok) {
          const body = (await response.json()) as { status: string; payment: { status: string } | null };
          const now = `${body.status}:${body.payment?.status ?? "none"}`;
          if (now !== fingerprint) {
            router.refresh();
            return;
          }
        }
      } catch {
        // network hiccup: try again on the next tick
      }
      if (stopped) return;
      const waited = Date.now() - started;
      setElapsed(waited);
      timer = setTimeout(poll, waited > 60_000 ? intervalMs * 4 : intervalMs);
    };
    // The first look comes soon: the notification often arrives right after the shopper returns.
    timer = setTimeout(poll, Math.min(intervalMs, 600));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [orderId, fingerprint, intervalMs, router]);
  return (
    <p className="mt-2 flex items-center gap-2 text-sm text-stone-600" aria-live="polite">
      <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" />
      {elapsed > 60_000 ? t("late") : t("checking")}
    </p>
  );
}
