import { notFound } from "next/navigation";
import { PingPongWalletApp } from "@/lib/emulators/pingpong/wallet-link";
import { walletTokenView } from "@/lib/emulators/pingpong/oneclick";

export const metadata = { title: "Linked merchants" };
export const dynamic = "force-dynamic";

/** The wallet app's "Linked merchants" screen for one token: the shopper unlinks here. */
export default async function PingPongWalletAppPage({ params }: { params: Promise<{ token: string }> }) {
  const view = walletTokenView((await params).token);
  if (!view) notFound();
  return <PingPongWalletApp {...view} />;
}
