import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PingPongWalletApp } from "@/lib/emulators/pingpong/wallet-link";
import { walletTokenView } from "@/lib/emulators/pingpong/oneclick";

// Language: browserInfo is documented with card payments only; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("WalletPhone"))("appTitle") };
}
export const dynamic = "force-dynamic";

/** The wallet app's "Linked merchants" screen for one token: the shopper unlinks here. */
export default async function PingPongWalletAppPage({ params }: { params: Promise<{ token: string }> }) {
  const view = await walletTokenView((await params).token);
  if (!view) notFound();
  return <PingPongWalletApp {...view} />;
}
