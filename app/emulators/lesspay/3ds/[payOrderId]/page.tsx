import { notFound } from "next/navigation";
import { OnceForm } from "@/components/emulators/once-form";
import { statusName } from "@/lib/emulators/lesspay/config";
import { displayAmount } from "@/lib/emulators/lesspay/pages";
import { findOrder } from "@/lib/emulators/lesspay/store";
import { CHALLENGE_PASS_CODE } from "@/lib/emulators/test-cards";

export const metadata = { title: "3D Secure" };
export const dynamic = "force-dynamic";

/** The issuing bank's 3DS challenge that Lesspay's payData sends the payer to. */
export default async function LesspayChallenge({ params, searchParams }: { params: Promise<{ payOrderId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { payOrderId } = await params;
  const { error } = await searchParams;
  const order = findOrder(payOrderId);
  if (!order) notFound();
  const waiting = order.status === 1 && order.awaitingChallenge;
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="space-y-4 rounded-2xl bg-white p-6 shadow-lg">
        <div className="flex items-center justify-between">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Your bank · 3D Secure</p>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{order.cardBrand}</span>
        </div>
        <h1 className="text-xl font-semibold text-slate-900">Confirm this payment</h1>
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          <dt className="text-slate-500">Merchant order</dt>
          <dd className="text-right text-slate-900">{order.productName}</dd>
          <dt className="text-slate-500">Amount</dt>
          <dd className="text-right font-medium text-slate-900" data-testid="lesspay-3ds-amount">
            {displayAmount(order.targetAmount, order.targetCurrency)}
          </dd>
          <dt className="text-slate-500">Card</dt>
          <dd className="text-right font-mono text-slate-900">{order.cardMasked}</dd>
        </dl>
        {waiting ? (
          <OnceForm action={`/emulators/lesspay/3ds/${order.payOrderId}/submit`} className="space-y-3">
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {error}
              </p>
            )}
            <label className="block text-sm text-slate-700">
              One-time code
              <input name="code" inputMode="numeric" autoComplete="one-time-code" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest" />
            </label>
            <p className="text-xs text-slate-500">We sent a code to your phone. The test code {CHALLENGE_PASS_CODE} passes; any other fails.</p>
            <button type="submit" className="w-full rounded-md bg-slate-900 px-4 py-2.5 font-medium text-white disabled:opacity-60">
              Confirm
            </button>
          </OnceForm>
        ) : (
          <p className="text-sm text-slate-700">
            This payment is {statusName(order.status).toLowerCase().replace("_", " ")}.{" "}
            <a className="text-indigo-700 underline" href={order.status === 2 ? order.successUrl : order.failUrl}>
              Return to the merchant
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
