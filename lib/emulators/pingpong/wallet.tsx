import { getTranslations } from "next-intl/server";
import { ReturnToMerchant, WalletButton, WalletPhone, WalletStatus } from "./wallet-phone";

export interface WalletPageProps {
  transactionId: string;
  methodLabel: string;
  merchantName: string;
  amount: string;
  status: "SUCCESS" | "PROCESSING" | "FAILED" | "CLOSED";
  /** "scan": the phone that scanned the QR code; "pay": the wallet the shopper was redirected to. */
  flow: "scan" | "pay";
  expired: boolean;
  payResultUrl: string;
}

/** A phone-style wallet screen for the PingPongCheckout emulator's APMs (AlipayHK, WeChat Pay, Alipay). */
export async function PingPongWallet(props: WalletPageProps) {
  const t = await getTranslations("WalletPhone");
  const base = `/emulators/pingpong/apm/${props.transactionId}`;
  const open = props.status === "PROCESSING" && !props.expired;
  const wechat = props.methodLabel.startsWith("WeChat");
  return (
    <WalletPhone
      walletType={props.methodLabel}
      caption={props.flow === "scan" ? t("scannedCaption") : t("payCaption")}
      headerClassName={wechat ? "bg-green-700" : "bg-sky-700"}
    >
      <div className="text-center">
        <p className="text-sm text-slate-600">{t("payMerchant", { merchant: props.merchantName })}</p>
        <p className="text-3xl font-semibold text-slate-900" data-testid="pingpong-wallet-amount">
          {props.amount}
        </p>
        <p className="mt-1 text-xs text-slate-600">{t("transaction", { id: props.transactionId })}</p>
      </div>
      {open ? (
        <div className="space-y-2">
          <WalletButton action={`${base}/approve`} kind="primary">
            {t("approve")}
          </WalletButton>
          <WalletButton action={`${base}/cancel`} kind="secondary">
            {t("cancel")}
          </WalletButton>
        </div>
      ) : (
        <WalletStatus>
          {props.expired || props.status === "CLOSED" ? (
            <p>{t("expired")}</p>
          ) : props.status === "SUCCESS" ? (
            <p>{t("approved")}</p>
          ) : (
            <p>{t("cancelled")}</p>
          )}
          {props.flow === "scan" ? (
            <p className="mt-2 font-medium">{t("scanDone")}</p>
          ) : (
            <ReturnToMerchant href={props.payResultUrl} />
          )}
        </WalletStatus>
      )}
    </WalletPhone>
  );
}
