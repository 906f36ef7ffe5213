import Link from "next/link";
import { notFound } from "next/navigation";
import { OnceForm } from "@/components/emulators/once-form";
import { formatMinorUnits } from "@/lib/emulators/format";
import { isAwaitingChallenge, returnUrlFor } from "@/lib/emulators/pingpayments/hosted";
import { findPayment } from "@/lib/emulators/pingpayments/store";

export const metadata = { title: "PaymentIQ checkout" };

const input =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-slate-900 focus:border-indigo-500 focus:outline-none";

export default async function PaymentIqCheckout({
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
  const base = `/emulators/pingpayments/paymentiq/checkout/${payment.id}`;
  const items = payment.orderItems as { name: string; amount: number }[];
  const open = payment.status === "INITIATED" && !isAwaitingChallenge(payment);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <div className="overflow-hidden rounded-2xl bg-white shadow-lg">
        <div className="flex items-center justify-between bg-indigo-700 px-6 py-4 text-white">
          <span className="text-lg font-semibold">PaymentIQ</span>
          <span className="text-xs text-indigo-200">via Ping Payments</span>
        </div>
        <div className="space-y-5 p-6">
          <div>
            <p className="text-sm text-slate-500">Amount to pay</p>
            <p className="text-3xl font-semibold text-slate-900" data-testid="piq-amount">
              {formatMinorUnits(payment.totalAmount, payment.currency)}
            </p>
            <ul className="mt-2 space-y-0.5 text-xs text-slate-500">
              {items.map((item, index) => (
                <li key={index} className="flex justify-between">
                  <span>{item.name}</span>
                  <span>{formatMinorUnits(item.amount, payment.currency)}</span>
                </li>
              ))}
            </ul>
          </div>
          {!open ? (
            <div className="rounded-md bg-slate-100 p-4 text-sm text-slate-700">
              This payment is {payment.status.toLowerCase()}.{" "}
              <a className="font-medium text-indigo-700 underline" href={returnUrlFor(payment)}>
                Return to the merchant
              </a>
            </div>
          ) : (
            <>
              {error && (
                <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
                  {error}
                </p>
              )}
              <OnceForm action={`${base}/submit`} className="space-y-4">
                <label className="block text-sm text-slate-700">
                  Cardholder name
                  <input
                    name="cardholder"
                    autoComplete="cc-name"
                    required
                    className={input}
                    defaultValue={(payment.payer?.name as string) ?? ""}
                  />
                </label>
                <label className="block text-sm text-slate-700">
                  Card number
                  <input
                    name="cardNumber"
                    inputMode="numeric"
                    autoComplete="cc-number"
                    required
                    placeholder="1234 1234 1234 1234"
                    className={input}
                  />
                </label>
                <div className="grid grid-cols-2 gap-4">
                  <label className="block text-sm text-slate-700">
                    Expiry (MM/YY)
                    <input name="expiry" autoComplete="cc-exp" required placeholder="12/30" className={input} />
                  </label>
                  <label className="block text-sm text-slate-700">
                    CVC
                    <input
                      name="cvc"
                      inputMode="numeric"
                      autoComplete="cc-csc"
                      required
                      placeholder="123"
                      className={input}
                    />
                  </label>
                </div>
                <button
                  type="submit"
                  className="w-full rounded-md bg-indigo-600 px-4 py-3 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
                >
                  Pay {formatMinorUnits(payment.totalAmount, payment.currency)}
                </button>
              </OnceForm>
              <OnceForm action={`${base}/cancel`}>
                <button type="submit" className="w-full text-sm text-slate-500 underline hover:text-slate-800">
                  Cancel and return to the merchant
                </button>
              </OnceForm>
            </>
          )}
        </div>
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">
        Test cards and scripted outcomes:{" "}
        <Link href="/emulators" className="underline">
          /emulators
        </Link>
      </p>
    </main>
  );
}
