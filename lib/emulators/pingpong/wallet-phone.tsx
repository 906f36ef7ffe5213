import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OnceForm } from "@/components/emulators/once-form";

/**
 * The phone that the PingPongCheckout emulator's wallet screens share (./wallet.tsx: APM payments;
 * ./wallet-link.tsx: one-click linking): its frame, status box and buttons.
 */

export async function WalletPhone({
  walletType,
  caption,
  headerClassName = "bg-sky-700",
  children,
}: {
  walletType: string;
  caption: string;
  /** The header's colour. */
  headerClassName?: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations("HostedPage");
  return (
    <main className="mx-auto max-w-xs px-4 py-10">
      <div className="overflow-hidden rounded-[2rem] border-8 border-slate-900 bg-white shadow-xl">
        <header className={`${headerClassName} px-5 py-4 text-white`}>
          <p className="text-xs">{caption}</p>
          <h1 className="text-lg font-semibold" data-testid="pingpong-wallet-method">
            {walletType}
          </h1>
        </header>
        <div className="space-y-4 p-5">{children}</div>
      </div>
      <p className="mt-4 text-center text-xs text-slate-600">
        {t("scriptedOutcomes")}{" "}
        <Link href="/emulators" className="underline">
          /emulators
        </Link>
      </p>
    </main>
  );
}

/** What the wallet says once the request is answered (no buttons left). */
export function WalletStatus({ children }: { children: React.ReactNode }) {
  return (
    <div
      role="status"
      className="rounded-xl bg-slate-100 p-4 text-center text-sm text-slate-700"
      data-testid="pingpong-wallet-status"
    >
      {children}
    </div>
  );
}

const BUTTON = {
  primary: "w-full rounded-full bg-slate-900 px-4 py-3 font-medium text-white disabled:opacity-60",
  secondary: "w-full rounded-full border border-slate-300 px-4 py-3 text-slate-700 disabled:opacity-60",
};

/** One of the wallet's buttons: a form that posts once to `action`. */
export function WalletButton({
  action,
  kind,
  children,
}: {
  action: string;
  kind: keyof typeof BUTTON;
  children: React.ReactNode;
}) {
  return (
    <OnceForm action={action}>
      <button type="submit" className={BUTTON[kind]}>
        {children}
      </button>
    </OnceForm>
  );
}

/** The link back to the shop's result page. */
export async function ReturnToMerchant({ href }: { href: string }) {
  const t = await getTranslations("HostedPage");
  return (
    <a className="mt-2 inline-block font-medium text-indigo-700 underline" href={href}>
      {t("returnToMerchant")}
    </a>
  );
}
