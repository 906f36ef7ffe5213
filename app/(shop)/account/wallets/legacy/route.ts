import { currentUser } from "@/lib/auth";
import { finishLegacyWalletAuthorization } from "@/lib/payments/wallets";
import { isLinkableWallet, linkableWallets } from "@/lib/payments/registry";

/** Deprecated authorization flow: the wallet returns here with `?code=`; exchange it for a token. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await currentUser();
  if (!user) return Response.redirect(new URL("/login?callbackUrl=/account", url), 303);
  const walletType = url.searchParams.get("wallet");
  const code = url.searchParams.get("code");
  if (!linkableWallets().legacy || !isLinkableWallet(walletType) || !code)
    return Response.redirect(new URL("/account?linked=failed#wallets", url), 303);
  try {
    await finishLegacyWalletAuthorization(user.id, walletType, code);
    return Response.redirect(new URL(`/account?linked=${encodeURIComponent(walletType)}#wallets`, url), 303);
  } catch {
    return Response.redirect(new URL("/account?linked=failed#wallets", url), 303);
  }
}
