import { notFound } from "next/navigation";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { statusName } from "@/lib/emulators/lesspay/config";
import { displayAmount } from "@/lib/emulators/lesspay/hosted";
import { findOrder } from "@/lib/emulators/lesspay/store";

export const metadata = { title: "3D Secure" };

/** The issuing bank's 3DS challenge that Lesspay's payData sends the payer to. */
export default async function LesspayChallenge({
  params,
  searchParams,
}: {
  params: Promise<{ payOrderId: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { payOrderId } = await params;
  const { error } = await searchParams;
  const order = findOrder(payOrderId);
  if (!order) notFound();
  return (
    <BankChallenge
      merchantLabel="Merchant order"
      merchant={order.productName}
      amount={displayAmount(order.targetAmount, order.targetCurrency)}
      amountTestId="lesspay-3ds-amount"
      cardBrand={order.cardBrand}
      cardMasked={order.cardMasked}
      waiting={order.status === 1 && Boolean(order.awaitingChallenge)}
      submitUrl={`/emulators/lesspay/3ds/${order.payOrderId}/submit`}
      error={error}
      statusText={statusName(order.status).toLowerCase().replace("_", " ")}
      returnUrl={order.status === 2 ? order.successUrl : order.failUrl}
    />
  );
}
