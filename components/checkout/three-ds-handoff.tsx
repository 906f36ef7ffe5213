"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { BrowserExtensionSetup } from "@/lib/payments/browser-extension";
import { browserExtensionOf } from "@/lib/providers/browser";

/**
 * The page's part of a 3-D Secure that the provider's browser script leads: hand the answer's
 * trigger, as it came, to the provider's browser extension, which leads the browser to the
 * challenge. The shop reads nothing inside it, so without the script there is nowhere to send the
 * shopper but back to the order.
 */
export function ThreeDsHandoff({
  extension,
  trigger,
  orderUrl,
  requestId,
  merchantUserId,
}: {
  extension: BrowserExtensionSetup;
  trigger: unknown;
  orderUrl: string;
  requestId: string;
  merchantUserId: string;
}) {
  const t = useTranslations("CheckoutThreeDs");
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const browserCode = browserExtensionOf(extension.provider);
    Promise.resolve(browserCode?.handOff(extension, { requestId, merchantUserId }))
      .then((start) => {
        if (cancelled) return;
        if (start) start(trigger, () => window.location.assign(orderUrl));
        else setFailed(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [extension, trigger, orderUrl, requestId, merchantUserId]);
  return (
    <div className="mx-auto max-w-md rounded-xl border border-stone-200 bg-white p-8 text-center" aria-live="polite">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {failed ? (
        <p className="mt-2 text-stone-600">
          {t("failed")}{" "}
          <a href={orderUrl} className="text-brand-600 underline">
            {t("back")}
          </a>
        </p>
      ) : (
        <p className="mt-2 text-stone-600">{t("redirecting")}</p>
      )}
    </div>
  );
}
