"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Time left to scan a QR code, ticking every second; says when it has expired. */
export function QrCountdown({ expiresAt }: { expiresAt: string }) {
  const deadline = new Date(expiresAt).getTime();
  const t = useTranslations("QrPayment");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.round((deadline - now) / 1000));
  if (left === 0)
    return (
      <p className="text-sm font-medium text-red-700" data-testid="qr-countdown">
        {t("expired")}
      </p>
    );
  const minutes = Math.floor(left / 60);
  const seconds = String(left % 60).padStart(2, "0");
  return (
    <p className="text-sm text-stone-700" data-testid="qr-countdown" aria-live="off">
      {t("expiresIn")}{" "}
      <span className="font-mono font-semibold">
        {minutes}:{seconds}
      </span>
    </p>
  );
}
