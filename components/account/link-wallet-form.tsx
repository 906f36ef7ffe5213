"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { linkWalletAction } from "@/app/(shop)/account/actions";
import type { ActionState } from "@/lib/action-state";

/** One button per linkable wallet; the legacy (deprecated) flow when it is turned on. */
export function LinkWalletForm({ wallets, legacy }: { wallets: readonly string[]; legacy: boolean }) {
  const t = useTranslations("LinkWallet");
  const [state, action, pending] = useActionState<ActionState, FormData>(linkWalletAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      {wallets.map((wallet) => (
        <button
          key={wallet}
          type="submit"
          name="walletType"
          value={wallet}
          disabled={pending}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {t("link", { wallet })}
        </button>
      ))}
      {legacy && (
        <>
          <input type="hidden" name="flow" value="" />
          {wallets.map((wallet) => (
            <button
              key={`legacy-${wallet}`}
              type="submit"
              name="walletType"
              value={wallet}
              formAction={(formData) => {
                formData.set("flow", "legacy");
                return action(formData);
              }}
              disabled={pending}
              className="rounded-md border border-stone-400 px-3 py-1.5 text-sm text-stone-700 disabled:opacity-60"
            >
              {t("linkLegacy", { wallet })}
            </button>
          ))}
        </>
      )}
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
