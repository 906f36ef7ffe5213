import { getTranslations } from "next-intl/server";
import { ReturnToMerchant, WalletButton, WalletPhone, WalletStatus } from "./wallet-phone";

/**
 * Phone-style wallet screens for the PingPongCheckout emulator's one-click (CodeGrant) flow: the
 * signing page, the legacy (deprecated) authorization page and the wallet app's linked merchants.
 * The same phone as ./wallet.tsx (./wallet-phone.tsx).
 */

export interface SigningProps {
  /** The signing's id in the authUrl (never the token). */
  signingId: string;
  walletType: string;
  merchantName: string;
  status: "PENDING" | "ACTIVE" | "DECLINED" | "REVOKED";
  merchantResultUrl: string;
}

/** The signing page (authUrl of /v4/paymethod/bind). */
export async function PingPongWalletSigning(props: SigningProps) {
  const t = await getTranslations("WalletPhone");
  const base = `/emulators/pingpong/wallet/sign/${props.signingId}`;
  return (
    <WalletPhone walletType={props.walletType} caption={t("signCaption")}>
      <div className="text-center">
        <p className="text-sm text-slate-600">{t("merchant")}</p>
        <p className="text-xl font-semibold text-slate-900" data-testid="pingpong-wallet-merchant">
          {props.merchantName}
        </p>
      </div>
      {props.status === "PENDING" ? (
        <>
          <p className="text-sm text-slate-700">{t("signQuestion", { merchant: props.merchantName })}</p>
          <div className="space-y-2">
            <WalletButton action={`${base}/agree`} kind="primary">
              {t("agree")}
            </WalletButton>
            <WalletButton action={`${base}/decline`} kind="secondary">
              {t("decline")}
            </WalletButton>
          </div>
        </>
      ) : (
        <WalletStatus>
          <p>{t("signAnswered", { status: props.status })}</p>
          <ReturnToMerchant href={props.merchantResultUrl} />
        </WalletStatus>
      )}
    </WalletPhone>
  );
}

export interface LinkedMerchantProps {
  token: string;
  walletType: string;
  merchantName: string;
  status: "PENDING" | "ACTIVE" | "DECLINED" | "REVOKED";
  flow: "sign" | "auth";
}

/** The wallet app's "Linked merchants" screen, where the shopper unlinks a merchant. */
export async function PingPongWalletApp(props: LinkedMerchantProps) {
  const t = await getTranslations("WalletPhone");
  return (
    <WalletPhone walletType={props.walletType} caption={t("appCaption")}>
      <h2 className="text-base font-semibold text-slate-900">{t("linkedMerchants")}</h2>
      <div className="rounded-xl border border-slate-200 p-4">
        <p className="font-medium text-slate-900">{props.merchantName}</p>
        <p className="text-xs text-slate-600">
          {t("chargesWithoutAsking", { legacy: props.flow === "auth" ? "yes" : "no" })}
        </p>
        <p className="mt-1 font-mono text-[10px] break-all text-slate-600">{t("token", { token: props.token })}</p>
      </div>
      {props.status === "ACTIVE" ? (
        <WalletButton action={`/emulators/pingpong/wallet/app/${props.token}/unlink`} kind="secondary">
          {t("unlink")}
        </WalletButton>
      ) : (
        <WalletStatus>
          {props.status === "REVOKED" ? (
            <p>{t("unlinked", { merchant: props.merchantName })}</p>
          ) : (
            <p>{t("notLinked", { status: props.status })}</p>
          )}
        </WalletStatus>
      )}
    </WalletPhone>
  );
}

export interface LegacyAuthProps {
  authId: string;
  walletType: string;
  merchantName: string;
  status: "PENDING" | "AUTHORIZED" | "USED";
  merchantResultUrl: string;
}

/** The legacy authorization page (authUrl of /v4/paymethod/auth): deprecated in seed 001. */
export async function PingPongWalletLegacyAuth(props: LegacyAuthProps) {
  const t = await getTranslations("WalletPhone");
  return (
    <WalletPhone walletType={props.walletType} caption={t("authCaption")}>
      <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="pingpong-wallet-deprecated">
        {t("deprecated", { provider: "PingPong" })}
      </p>
      <div className="text-center">
        <p className="text-sm text-slate-600">{t("merchant")}</p>
        <p className="text-xl font-semibold text-slate-900">{props.merchantName}</p>
      </div>
      {props.status === "PENDING" ? (
        <>
          <p className="text-sm text-slate-700">{t("authQuestion", { merchant: props.merchantName })}</p>
          <WalletButton action={`/emulators/pingpong/wallet/auth/${props.authId}/authorize`} kind="primary">
            {t("authorize")}
          </WalletButton>
        </>
      ) : (
        <WalletStatus>
          <p>{t("authAnswered")}</p>
          <ReturnToMerchant href={props.merchantResultUrl} />
        </WalletStatus>
      )}
    </WalletPhone>
  );
}
