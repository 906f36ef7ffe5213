"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Refreshes the page every second while something is pending (at most a minute). */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > 60_000) clearInterval(timer);
      else router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
