import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PingPongWalletSigning } from "@/lib/emulators/pingpong/wallet-link";
import { signingView } from "@/lib/emulators/pingpong/oneclick";

// Language: browserInfo is documented with card payments only; the browser's Accept-Language [guess] (lib/emulators/hosted-locale.ts).
export async function generateMetadata() {
  return { title: (await getTranslations("WalletPhone"))("signTitle") };
}
export const dynamic = "force-dynamic";

/** The wallet's signing page: the authUrl answered by /v4/paymethod/bind (it names the signing, never the token). */
export default async function PingPongWalletSignPage({ params }: { params: Promise<{ signingId: string }> }) {
  const view = await signingView((await params).signingId);
  if (!view) notFound();
  return <PingPongWalletSigning {...view} />;
}
