import Link from "next/link";
import { OnceForm } from "@/components/emulators/once-form";

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
    <main className="mx-auto max-w-xs px-4 py-10">
      <div className="overflow-hidden rounded-[2rem] border-8 border-slate-900 bg-white shadow-xl">
        <div className={`${wechat ? "bg-green-600" : "bg-sky-600"} px-5 py-4 text-white`}>
          <p className="text-xs opacity-80">{props.flow === "scan" ? "Scanned payment code" : "Wallet checkout"}</p>
          <p className="text-lg font-semibold" data-testid="pingpong-wallet-method">
            {props.methodLabel}
          </p>
        </div>
        <div className="space-y-4 p-5">
          <div className="text-center">
            <p className="text-sm text-slate-500">Pay {props.merchantName}</p>
            <p className="text-3xl font-semibold text-slate-900" data-testid="pingpong-wallet-amount">
              {props.amount}
            </p>
            <p className="mt-1 text-xs text-slate-400">Transaction {props.transactionId}</p>
          </div>
          {open ? (
            <div className="space-y-2">
              <OnceForm action={`${base}/approve`}>
                <button
                  type="submit"
                  className="w-full rounded-full bg-slate-900 px-4 py-3 font-medium text-white disabled:opacity-60"
                >
                  Approve payment
                </button>
              </OnceForm>
              <OnceForm action={`${base}/cancel`}>
                <button
                  type="submit"
                  className="w-full rounded-full border border-slate-300 px-4 py-3 text-slate-700 disabled:opacity-60"
                >
                  Cancel payment
                </button>
              </OnceForm>
            </div>
          ) : (
            <div
              role="status"
              className="rounded-xl bg-slate-100 p-4 text-center text-sm text-slate-700"
              data-testid="pingpong-wallet-status"
            >
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
                <a className="mt-2 inline-block font-medium text-indigo-700 underline" href={props.payResultUrl}>
                  Return to the merchant
                </a>
              )}
            </div>
          )}
        </div>
      </div>
      <p className="mt-4 text-center text-xs text-slate-500">
        Scripted outcomes:{" "}
        <Link href="/emulators" className="underline">
          /emulators
        </Link>
      </p>
    </main>
  );
}
