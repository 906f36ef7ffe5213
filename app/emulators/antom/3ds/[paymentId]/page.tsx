import { notFound } from "next/navigation";
import { OnceForm } from "@/components/emulators/once-form";
import { antomSettings } from "@/lib/emulators/antom/config";
import { findPayment } from "@/lib/emulators/antom/store";
import { formatMinorUnits } from "@/lib/emulators/format";
import { CHALLENGE_PASS_CODE } from "@/lib/emulators/test-cards";

export const metadata = { title: "3D Secure" };
export const dynamic = "force-dynamic";

/** The issuing bank's 3DS challenge that Antom's normalUrl sends the shopper to. */
export default async function AntomChallenge({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const payment = findPayment(paymentId);
  if (!payment) notFound();
  const waiting = payment.awaitingChallenge && payment.status === "PROCESSING";
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="space-y-4 rounded-2xl bg-white p-6 shadow-lg">
        <div className="flex items-center justify-between">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Your bank · 3D Secure</p>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{payment.cardBrand}</span>
        </div>
        <h1 className="text-xl font-semibold text-slate-900">Confirm this payment</h1>
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          <dt className="text-slate-500">Merchant</dt>
          <dd className="text-right text-slate-900">{antomSettings().merchantName}</dd>
          <dt className="text-slate-500">Amount</dt>
          <dd className="text-right font-medium text-slate-900" data-testid="antom-3ds-amount">
            {formatMinorUnits(payment.amountMinor, payment.currency)}
          </dd>
          <dt className="text-slate-500">Card</dt>
          <dd className="text-right font-mono text-slate-900">{payment.cardMasked}</dd>
        </dl>
        {waiting ? (
          <OnceForm action={`/emulators/antom/3ds/${payment.paymentId}/submit`} className="space-y-3">
            <label className="block text-sm text-slate-700">
              One-time code
              <input
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest"
              />
            </label>
            <p className="text-xs text-slate-500">We sent a code to your phone. The test code {CHALLENGE_PASS_CODE} passes; any other fails.</p>
            <button type="submit" className="w-full rounded-md bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-60">
              Confirm
            </button>
          </OnceForm>
        ) : (
          <p className="text-sm text-slate-700">
            This payment is {payment.status.toLowerCase()}.{" "}
            {payment.paymentRedirectUrl && (
              <a className="text-indigo-700 underline" href={payment.paymentRedirectUrl}>
                Return to the merchant
              </a>
            )}
          </p>
        )}
      </div>
    </main>
  );
}
