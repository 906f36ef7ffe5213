import { notFound } from "next/navigation";
import { OnceForm } from "@/components/emulators/once-form";
import { cashierOpen, challengeUrl } from "@/lib/emulators/lesspay/api";
import { statusName } from "@/lib/emulators/lesspay/config";
import { displayAmount } from "@/lib/emulators/lesspay/hosted";
import { findOrder } from "@/lib/emulators/lesspay/store";

export const metadata = { title: "Lesspay cashier" };
export const dynamic = "force-dynamic";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** Lesspay's hosted cashier (pay_access_type 1): the payer enters a card here. */
export default async function LesspayCashier({
  params,
  searchParams,
}: {
  params: Promise<{ payOrderId: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { payOrderId } = await params;
  const { error } = await searchParams;
  const order = findOrder(payOrderId);
  if (!order || order.payAccessType !== 1) notFound();
  const open = cashierOpen(order);
  const back =
    order.status === 2 || (order.status === 1 && order.cardMasked && !order.awaitingChallenge)
      ? order.successUrl
      : order.status === 1 && order.awaitingChallenge
        ? challengeUrl(order)
        : order.failUrl;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div className="space-y-5 rounded-2xl bg-white p-6 shadow-lg">
        <div className="flex items-center justify-between">
          <p className="text-sm font-semibold tracking-wide text-emerald-700">Lesspay</p>
          <span className="text-xs text-slate-500">Order {order.requestId}</span>
        </div>
        <div>
          <p className="text-sm text-slate-500">{order.productName}</p>
          <p className="text-3xl font-semibold text-slate-900" data-testid="lesspay-amount">
            {displayAmount(order.targetAmount, order.targetCurrency)}
          </p>
          <p className="text-xs text-slate-500">{order.description}</p>
        </div>
        {open ? (
          <OnceForm action={`/emulators/lesspay/cashier/${order.payOrderId}/submit`} className="space-y-3">
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {error}
              </p>
            )}
            <label className="block text-sm text-slate-700">
              Card number
              <input
                name="number"
                inputMode="numeric"
                autoComplete="cc-number"
                required
                className={`${input} font-mono`}
              />
            </label>
            <div className="grid grid-cols-2 gap-3">
              <label className="block text-sm text-slate-700">
                Expiry (MM/YY)
                <input name="expiry" placeholder="12/30" autoComplete="cc-exp" required className={input} />
              </label>
              <label className="block text-sm text-slate-700">
                CVC
                <input name="cvc" inputMode="numeric" autoComplete="cc-csc" required className={input} />
              </label>
            </div>
            <label className="block text-sm text-slate-700">
              Name on card
              <input name="name" autoComplete="cc-name" className={input} />
            </label>
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="save" defaultChecked={order.storeRequested} />
              Save this card for future payments
            </label>
            <button
              type="submit"
              className="w-full rounded-md bg-emerald-700 px-4 py-2.5 font-medium text-white disabled:opacity-60"
            >
              Pay now
            </button>
            <a
              href={`/emulators/lesspay/cashier/${order.payOrderId}/cancel`}
              className="block text-center text-sm text-slate-500 underline"
            >
              Cancel
            </a>
          </OnceForm>
        ) : (
          <p className="text-sm text-slate-700" data-testid="lesspay-cashier-status">
            This order is {statusName(order.status).toLowerCase().replace("_", " ")}
            {order.failReason ? ` (${order.failReason})` : ""}.{" "}
            <a className="text-emerald-700 underline" href={back}>
              Return to the merchant
            </a>
          </p>
        )}
      </div>
    </main>
  );
}
