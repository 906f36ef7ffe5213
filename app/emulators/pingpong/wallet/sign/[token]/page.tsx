import { notFound } from "next/navigation";
import { PingPongWalletSigning } from "@/components/emulators/pingpong-wallet-link";
import { walletTokenView } from "@/lib/emulators/pingpong/oneclick";

export const metadata = { title: "Link your wallet" };
export const dynamic = "force-dynamic";

/** The wallet's signing page: the authUrl answered by /v4/paymethod/bind. */
export default async function PingPongWalletSignPage({ params }: { params: Promise<{ token: string }> }) {
  const view = walletTokenView((await params).token);
  if (!view || view.flow !== "sign") notFound();
  return <PingPongWalletSigning {...view} />;
}
