import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankChallenge } from "@/components/emulators/bank-challenge";
import { formErrorText, hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { statusName } from "@/lib/emulators/lesspay/config";
import { displayAmount } from "@/lib/emulators/lesspay/hosted";
import { findOrder } from "@/lib/emulators/lesspay/store";

// Language: no language field documented for this page; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("BankChallenge"))("title") };
}

/** The issuing bank's 3DS challenge that Lesspay's payData sends the payer to. */
export default async function LesspayChallenge({
  params,
  searchParams,
}: {
  params: Promise<{ payOrderId: string }>;
  searchParams: Promise<{ error?: string; code?: string }>;
}) {
  const { payOrderId } = await params;
  const { error, code } = await searchParams;
  const t = await getTranslations("BankChallenge");
  const order = await findOrder(payOrderId);
  if (!order) notFound();
  return (
    <BankChallenge
      merchantLabel={t("merchantOrder")}
      merchant={order.productName}
      amount={displayAmount(order.targetAmount, order.targetCurrency, await hostedIntlLocale())}
      amountTestId="lesspay-3ds-amount"
      cardBrand={order.cardBrand}
      cardMasked={order.cardMasked}
      waiting={order.status === 1 && Boolean(order.awaitingChallenge)}
      submitUrl={`/emulators/lesspay/3ds/${order.payOrderId}/submit`}
      error={await formErrorText(error, code)}
      status={statusName(order.status).toLowerCase()}
      returnUrl={order.status === 2 ? order.successUrl : order.failUrl}
    />
  );
}
