import { notFound } from "next/navigation";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { formatMinorUnits } from "@/lib/emulators/format";
import { flowOf } from "@/lib/emulators/pingpong/api";
import { pingpongMerchant } from "@/lib/emulators/pingpong/config";
import { findTransaction } from "@/lib/emulators/pingpong/store";

export const metadata = { title: "3D Secure" };

/** The issuing bank's 3DS challenge that complexTrigger sends the shopper to. */
export default async function PingPongChallenge({ params }: { params: Promise<{ transactionId: string }> }) {
  const { transactionId } = await params;
  const transaction = findTransaction(transactionId);
  if (!transaction || flowOf(transaction) !== "card") notFound();
  return (
    <BankChallenge
      merchant={pingpongMerchant().merchantName}
      amount={formatMinorUnits(transaction.amountMinor, transaction.currency)}
      amountTestId="pingpong-3ds-amount"
      cardBrand={transaction.cardBrand}
      cardMasked={transaction.cardMasked}
      waiting={Boolean(transaction.awaitingChallenge) && transaction.status === "PROCESSING"}
      submitUrl={`/emulators/pingpong/3ds/${transaction.transactionId}/submit`}
      statusText={transaction.status.toLowerCase()}
      returnUrl={transaction.payResultUrl}
    />
  );
}
