"use client";

import { useEffect } from "react";
import { riskClient, type RiskConfig } from "./pingpong-risk";

/**
 * The page's part of PingPong's 3-D Secure: hand the answer's threeDUnionParams to the risk
 * plugin's complexTrigger, which leads the browser to the challenge. Without the plugin the link
 * below goes there directly.
 */
export function ThreeDsHandoff({ risk, params, challengeUrl, orderUrl, requestId, merchantUserId }: { risk: RiskConfig; params: Record<string, unknown>; challengeUrl: string; orderUrl: string; requestId: string; merchantUserId: string }) {
  useEffect(() => {
    let cancelled = false;
    riskClient(risk, requestId, merchantUserId)
      .then((client) => {
        if (cancelled) return;
        if (client) client.complexTrigger(params, () => window.location.assign(orderUrl));
        else window.location.assign(challengeUrl);
      })
      .catch(() => {
        if (!cancelled) window.location.assign(challengeUrl);
      });
    return () => {
      cancelled = true;
    };
  }, [risk, params, challengeUrl, orderUrl, requestId, merchantUserId]);
  return (
    <div className="mx-auto max-w-md rounded-xl border border-stone-200 bg-white p-8 text-center" aria-live="polite">
      <h1 className="text-xl font-semibold">Confirming with your bank</h1>
      <p className="mt-2 text-stone-600">Your card needs 3-D Secure. Taking you to your bank&apos;s page…</p>
      <a href={challengeUrl} className="mt-4 inline-block text-brand-600 underline">
        Not moving? Continue to your bank
      </a>
    </div>
  );
}
