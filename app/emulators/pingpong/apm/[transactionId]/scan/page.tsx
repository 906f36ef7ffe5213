import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { hostedIntlLocale } from "@/lib/emulators/hosted-text";
import { PingPongWallet } from "@/lib/emulators/pingpong/wallet";
import { walletView } from "@/lib/emulators/pingpong/wallet-view";

// Language: browserInfo is documented with card payments only; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("WalletPhone"))("scanTitle") };
}

export default async function PingPongWalletScanPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const view = await walletView((await params).transactionId, "scan", await hostedIntlLocale());
  if (!view) notFound();
  return <PingPongWallet {...view} />;
}
