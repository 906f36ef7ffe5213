import { notFound } from "next/navigation";
import { PingPongWallet } from "@/lib/emulators/pingpong/wallet";
import { walletView } from "@/lib/emulators/pingpong/wallet-view";

export const metadata = { title: "Scan to pay" };

export default async function PingPongWalletScanPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const view = walletView((await params).transactionId, "scan");
  if (!view) notFound();
  return <PingPongWallet {...view} />;
}
