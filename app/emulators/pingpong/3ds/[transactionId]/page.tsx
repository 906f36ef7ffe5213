import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { formatMinorUnits } from "@/lib/emulators/format";
import { hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { flowOf } from "@/lib/emulators/pingpong/api";
import { pingpongMerchant } from "@/lib/emulators/pingpong/config";
import { findTransaction } from "@/lib/emulators/pingpong/store";

export async function generateMetadata() {
  return { title: (await getTranslations("BankChallenge"))("title") };
}

/** The issuing bank's 3DS challenge that complexTrigger sends the shopper to. */
export default async function PingPongChallenge({ params }: { params: Promise<{ transactionId: string }> }) {
  const { transactionId } = await params;
  const transaction = await findTransaction(transactionId);
  if (!transaction || (await flowOf(transaction)) !== "card") notFound();
  return (
    <BankChallenge
      merchant={pingpongMerchant().merchantName}
      amount={formatMinorUnits(transaction.amountMinor, transaction.currency, await hostedIntlLocale())}
      amountTestId="pingpong-3ds-amount"
      cardBrand={transaction.cardBrand}
      cardMasked={transaction.cardMasked}
      waiting={Boolean(transaction.awaitingChallenge) && transaction.status === "PROCESSING"}
      submitUrl={`/emulators/pingpong/3ds/${transaction.transactionId}/submit`}
      status={transaction.status.toLowerCase()}
      returnUrl={transaction.payResultUrl}
    />
  );
}
