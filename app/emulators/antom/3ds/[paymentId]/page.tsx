import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { antomSettings } from "@/lib/emulators/antom/config";
import { findPayment } from "@/lib/emulators/antom/store";
import { formatMinorUnits } from "@/lib/emulators/format";
import { hostedIntlLocale } from "@/lib/emulators/hosted-text";

export async function generateMetadata() {
  return { title: (await getTranslations("BankChallenge"))("title") };
}
export const dynamic = "force-dynamic";

/** The issuing bank's 3DS challenge that Antom's normalUrl sends the shopper to. */
export default async function AntomChallenge({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const payment = await findPayment(paymentId);
  if (!payment) notFound();
  return (
    <BankChallenge
      merchant={antomSettings().merchantName}
      amount={formatMinorUnits(payment.amountMinor, payment.currency, await hostedIntlLocale())}
      amountTestId="antom-3ds-amount"
      cardBrand={payment.cardBrand}
      cardMasked={payment.cardMasked}
      waiting={Boolean(payment.awaitingChallenge) && payment.status === "PROCESSING"}
      submitUrl={`/emulators/antom/3ds/${payment.paymentId}/submit`}
      status={payment.status.toLowerCase()}
      returnUrl={payment.paymentRedirectUrl}
    />
  );
}
