import { notFound } from "next/navigation";
import { OnceForm } from "@/components/emulators/once-form";
import { formatMinorUnits } from "@/lib/emulators/format";
import { isAwaitingChallenge, returnUrlFor } from "@/lib/emulators/pingpayments/hosted";
import { findPayment } from "@/lib/emulators/pingpayments/store";

export const metadata = { title: "3-D Secure" };

export default async function ChallengePage({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { paymentId } = await params;
  const { error } = await searchParams;
  const payment = findPayment(paymentId);
  if (!payment) notFound();
  const waiting = isAwaitingChallenge(payment);
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="space-y-4 rounded-2xl bg-white p-6 shadow-lg">
        <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Your bank · 3-D Secure</p>
        <h1 className="text-xl font-semibold text-slate-900">Confirm this payment</h1>
        <p className="text-sm text-slate-600">
          {formatMinorUnits(payment.totalAmount, payment.currency)} with card {payment.cardMasked}. Enter the one-time
          code sent to your phone (the test code is 123456).
        </p>
        {error && <p className="text-sm text-red-700">{error}</p>}
        {waiting ? (
          <OnceForm
            action={`/emulators/pingpayments/paymentiq/checkout/${payment.id}/challenge/submit`}
            className="space-y-3"
          >
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest"
            />
            <button
              type="submit"
              className="w-full rounded-md bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-60"
            >
              Confirm
            </button>
          </OnceForm>
        ) : (
          <a className="text-sm text-indigo-700 underline" href={returnUrlFor(payment)}>
            Return to the merchant
          </a>
        )}
      </div>
    </main>
  );
}
