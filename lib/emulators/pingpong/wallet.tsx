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
export function PingPongWallet(props: WalletPageProps) {
  const base = `/emulators/pingpong/apm/${props.transactionId}`;
  const open = props.status === "PROCESSING" && !props.expired;
  const wechat = props.methodLabel.startsWith("WeChat");
  return (
    <WalletPhone
      walletType={props.methodLabel}
      caption={props.flow === "scan" ? "Scanned payment code" : "Wallet checkout"}
      headerClassName={wechat ? "bg-green-700" : "bg-sky-700"}
    >
      <div className="text-center">
        <p className="text-sm text-slate-600">Pay {props.merchantName}</p>
        <p className="text-3xl font-semibold text-slate-900" data-testid="pingpong-wallet-amount">
          {props.amount}
        </p>
        <p className="mt-1 text-xs text-slate-600">Transaction {props.transactionId}</p>
      </div>
      {open ? (
        <div className="space-y-2">
          <WalletButton action={`${base}/approve`} kind="primary">
            Approve payment
          </WalletButton>
          <WalletButton action={`${base}/cancel`} kind="secondary">
            Cancel payment
          </WalletButton>
        </div>
      ) : (
        <WalletStatus>
          {props.expired || props.status === "CLOSED" ? (
            <p>This payment code has expired and can no longer be approved.</p>
          ) : props.status === "SUCCESS" ? (
            <p>Payment approved.</p>
          ) : (
            <p>Payment cancelled.</p>
          )}
          {props.flow === "scan" ? (
            <p className="mt-2 font-medium">Done: go back to the shop&apos;s screen.</p>
          ) : (
            <ReturnToMerchant href={props.payResultUrl} />
          )}
        </WalletStatus>
      )}
    </WalletPhone>
  );
}
