"use client";

import { useEffect, useState } from "react";
import { riskClient, type RiskConfig } from "./pingpong-risk";

/**
 * The page's part of PingPong's 3-D Secure [doc: seed 000 step 8]: hand the answer's
 * threeDUnionParams, as they came, to the risk plugin's complexTrigger, which leads the browser to
 * the challenge. The shop reads nothing inside them (none of their fields is documented), so
 * without the plugin there is nowhere to send the shopper but back to the order.
 */
export function ThreeDsHandoff({
  risk,
  params,
  orderUrl,
  requestId,
  merchantUserId,
}: {
  risk: RiskConfig;
  params: unknown;
  orderUrl: string;
  requestId: string;
  merchantUserId: string;
}) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    riskClient(risk, requestId, merchantUserId)
      .then((client) => {
        if (cancelled) return;
        if (client) client.complexTrigger(params, () => window.location.assign(orderUrl));
        else setFailed(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [risk, params, orderUrl, requestId, merchantUserId]);
  return (
    <div className="mx-auto max-w-md rounded-xl border border-stone-200 bg-white p-8 text-center" aria-live="polite">
      <h1 className="text-xl font-semibold">Confirming with your bank</h1>
      {failed ? (
        <p className="mt-2 text-stone-600">
          The bank&apos;s check could not start (its script did not load).{" "}
          <a href={orderUrl} className="text-brand-600 underline">
            Back to your order
          </a>
        </p>
      ) : (
        <p className="mt-2 text-stone-600">Your card needs 3-D Secure. Taking you to your bank&apos;s page…</p>
      )}
    </div>
  );
}
