import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { type CardFormLook, HostedCardForm } from "@/components/emulators/hosted-card-form";
import { OnceForm } from "@/components/emulators/once-form";
import { cardFormField } from "@/lib/emulators/form-redirect";
import { formatMinorUnits } from "@/lib/emulators/format";
import { formErrorText, hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { isAwaitingChallenge, returnUrlFor } from "@/lib/emulators/pingpayments/hosted";
import { findPayment } from "@/lib/emulators/pingpayments/store";
import { pickableTestCards } from "@/lib/emulators/test-cards";

// Language: no language field documented for this page; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("CardCheckoutPage"))("title") };
}

export const dynamic = "force-dynamic";

/** PaymentIQ's colours on the emulator's checkout (indigo; not a published design). */
const PAYMENTIQ_LOOK: CardFormLook = { input: "focus:border-indigo-600", button: "bg-indigo-700 hover:bg-indigo-800" };

export default async function PaymentIqCheckout({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ error?: string; field?: string; code?: string }>;
}) {
  const { paymentId } = await params;
  const { error, field, code } = await searchParams;
  const t = await getTranslations("CardCheckoutPage");
  const page = await getTranslations("HostedPage");
  const message = await formErrorText(error, code);
  const locale = await hostedIntlLocale();
  const money = (minor: number) => formatMinorUnits(minor, payment!.currency, locale);
  const payment = await findPayment(paymentId);
  if (!payment) notFound();
  const base = `/emulators/pingpayments/paymentiq/checkout/${payment.id}`;
  const items = payment.orderItems as { name: string; amount: number }[];
  const open = payment.status === "INITIATED" && !isAwaitingChallenge(payment);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <div className="overflow-hidden rounded-2xl bg-white shadow-lg">
        <header className="flex items-center justify-between bg-indigo-700 px-6 py-4 text-white">
          <h1 className="text-lg font-semibold">PaymentIQ</h1>
          <span className="text-xs text-indigo-100">{t("via")}</span>
        </header>
        <div className="space-y-5 p-6">
          <div>
            <p className="text-sm text-slate-600">{t("amountToPay")}</p>
            <p className="text-3xl font-semibold text-slate-900" data-testid="piq-amount">
              {money(payment.totalAmount)}
            </p>
            <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
              {items.map((item, index) => (
                <li key={index} className="flex justify-between">
                  <span>{item.name}</span>
                  <span>{money(item.amount)}</span>
                </li>
              ))}
            </ul>
          </div>
          {!open ? (
            <div className="rounded-md bg-slate-100 p-4 text-sm text-slate-700">
              {t("closed", { status: payment.status.toLowerCase() })}{" "}
              <a className="font-medium text-indigo-700 underline" href={returnUrlFor(payment)}>
                {page("returnToMerchant")}
              </a>
            </div>
          ) : (
            <>
              <HostedCardForm
                action={`${base}/submit`}
                names={{ holder: "cardholder", number: "cardNumber", expiry: "expiry", cvc: "cvc" }}
                holder={{
                  label: t("cardholderName"),
                  required: true,
                  initial: payment.payer?.name as string,
                  first: true,
                }}
                submitLabel={t("pay", { amount: money(payment.totalAmount) })}
                look={PAYMENTIQ_LOOK}
                testCards={pickableTestCards()}
                initialError={message ? { message, field: cardFormField(field) } : undefined}
              />
              <OnceForm action={`${base}/cancel`}>
                <button type="submit" className="w-full text-sm text-slate-600 underline hover:text-slate-900">
                  {t("cancel")}
                </button>
              </OnceForm>
            </>
          )}
        </div>
      </div>
      <p className="mt-4 text-center text-xs text-slate-600">
        {page("testCardsAndOutcomes")}{" "}
        <Link href="/emulators" className="underline">
          /emulators
        </Link>
      </p>
    </main>
  );
}
