import { notFound } from "next/navigation";
import { PingPongWalletLegacyAuth } from "@/lib/emulators/pingpong/wallet-link";
import { walletAuthView } from "@/lib/emulators/pingpong/oneclick";

export const metadata = { title: "Authorize (deprecated)" };
export const dynamic = "force-dynamic";

/** The legacy (deprecated) authorization page: the authUrl answered by /v4/paymethod/auth. */
export default async function PingPongWalletAuthPage({ params }: { params: Promise<{ authId: string }> }) {
  const view = walletAuthView((await params).authId);
  if (!view) notFound();
  return <PingPongWalletLegacyAuth {...view} />;
}
