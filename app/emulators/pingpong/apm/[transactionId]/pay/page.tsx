import { notFound } from "next/navigation";
import { PingPongWallet } from "@/lib/emulators/pingpong/wallet";
import { walletView } from "@/lib/emulators/pingpong/wallet-view";

export const metadata = { title: "Wallet checkout" };

export default async function PingPongWalletPayPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const view = walletView((await params).transactionId, "pay");
  if (!view) notFound();
  return <PingPongWallet {...view} />;
}
