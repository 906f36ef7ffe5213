import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { formatMinorUnits } from "@/lib/emulators/format";
import { formErrorText, hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { isAwaitingChallenge, returnUrlFor } from "@/lib/emulators/pingpayments/hosted";
import { findPayment } from "@/lib/emulators/pingpayments/store";
import { brandOf } from "@/lib/emulators/test-cards";

// Language: no language field documented for this page; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("BankChallenge"))("title") };
}
export const dynamic = "force-dynamic";

/** The issuing bank's 3DS challenge that PaymentIQ's checkout sends the payer to. */
export default async function PaymentIqChallenge({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ error?: string; code?: string }>;
}) {
  const { paymentId } = await params;
  const { error, code } = await searchParams;
  const t = await getTranslations("BankChallenge");
  const payment = await findPayment(paymentId);
  if (!payment) notFound();
  return (
    <BankChallenge
      merchantLabel={t("paidThrough")}
      merchant="Ping Payments"
      amount={formatMinorUnits(payment.totalAmount, payment.currency, await hostedIntlLocale())}
      amountTestId="piq-3ds-amount"
      cardBrand={payment.cardMasked ? brandOf(payment.cardMasked) : null}
      cardMasked={payment.cardMasked}
      waiting={isAwaitingChallenge(payment)}
      submitUrl={`/emulators/pingpayments/paymentiq/checkout/${payment.id}/challenge/submit`}
      error={await formErrorText(error, code)}
      status={payment.status.toLowerCase()}
      // Abandon (the link while waiting) [guess: Ping's docs do not describe a payer leaving the bank's
      // page]: back to error_url as from any unfinished checkout; the payment stays INITIATED, as the
      // other emulators' abandoned challenges stay unconfirmed.
      returnUrl={returnUrlFor(payment)}
    />
  );
}
