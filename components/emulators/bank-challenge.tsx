import { getTranslations } from "next-intl/server";
import { OnceForm } from "@/components/emulators/once-form";
import { CHALLENGE_PASS_CODE } from "@/lib/emulators/test-cards";

/** The issuing bank's 3-D Secure challenge page that every card emulator sends the shopper to. */
export async function BankChallenge(props: {
  merchantLabel?: string;
  merchant: string;
  amount: string;
  amountTestId?: string;
  cardBrand: string | null;
  cardMasked: string | null;
  /** The challenge is open: show the code form posting to `submitUrl`. */
  waiting: boolean;
  submitUrl: string;
  error?: string;
  /** When closed: the payment's status, lower case ("processing", "pending_pay"), and where to go back. */
  status: string;
  returnUrl?: string | null;
}) {
  const t = await getTranslations("BankChallenge");
  const page = await getTranslations("HostedPage");
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="space-y-4 rounded-2xl bg-white p-6 shadow-lg">
        <div className="flex items-center justify-between">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("yourBank")}</p>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{props.cardBrand}</span>
        </div>
        <h1 className="text-xl font-semibold text-slate-900">{t("heading")}</h1>
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          <dt className="text-slate-500">{props.merchantLabel ?? t("merchant")}</dt>
          <dd className="text-right text-slate-900">{props.merchant}</dd>
          <dt className="text-slate-500">{t("amount")}</dt>
          <dd className="text-right font-medium text-slate-900" data-testid={props.amountTestId}>
            {props.amount}
          </dd>
          <dt className="text-slate-500">{t("card")}</dt>
          <dd className="text-right font-mono text-slate-900">{props.cardMasked}</dd>
        </dl>
        {props.waiting ? (
          <OnceForm action={props.submitUrl} className="space-y-3">
            {props.error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {props.error}
              </p>
            )}
            <label className="block text-sm text-slate-700">
              {t("codeLabel")}
              <input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest"
              />
            </label>
            <p className="text-xs text-slate-500">{t("codeHint", { code: CHALLENGE_PASS_CODE })}</p>
            <button
              type="submit"
              className="w-full rounded-md bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-60"
            >
              {t("confirm")}
            </button>
            {props.returnUrl && (
              // Abandon: back to the merchant without answering; the payment stays unconfirmed.
              <a href={props.returnUrl} className="block text-center text-xs text-slate-500 underline">
                {t("abandon")}
              </a>
            )}
          </OnceForm>
        ) : (
          <p className="text-sm text-slate-700">
            {t("closed", { status: props.status })}{" "}
            {props.returnUrl && (
              <a className="text-indigo-700 underline" href={props.returnUrl}>
                {page("returnToMerchant")}
              </a>
            )}
          </p>
        )}
      </div>
    </main>
  );
}
