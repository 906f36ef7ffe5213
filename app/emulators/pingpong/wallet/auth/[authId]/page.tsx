import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PingPongWalletLegacyAuth } from "@/lib/emulators/pingpong/wallet-link";
import { walletAuthView } from "@/lib/emulators/pingpong/oneclick";

// Language: browserInfo is documented with card payments only; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("WalletPhone"))("authTitle") };
}
export const dynamic = "force-dynamic";

/** The legacy (deprecated) authorization page: the authUrl answered by /v4/paymethod/auth. */
export default async function PingPongWalletAuthPage({ params }: { params: Promise<{ authId: string }> }) {
  const view = await walletAuthView((await params).authId);
  if (!view) notFound();
  return <PingPongWalletLegacyAuth {...view} />;
}
