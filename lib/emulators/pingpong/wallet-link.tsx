import Link from "next/link";
import { OnceForm } from "@/components/emulators/once-form";

/**
 * Phone-style wallet screens for the PingPongCheckout emulator's one-click (CodeGrant) flow: the
 * signing page, the legacy (deprecated) authorization page and the wallet app's linked merchants.
 * Same look as ./wallet.tsx.
 */

function WalletPhone({
  walletType,
  caption,
  children,
}: {
  walletType: string;
  caption: string;
  children: React.ReactNode;
}) {
  return (
    <main className="mx-auto max-w-xs px-4 py-10">
      <div className="overflow-hidden rounded-[2rem] border-8 border-slate-900 bg-white shadow-xl">
        <div className="bg-sky-600 px-5 py-4 text-white">
          <p className="text-xs opacity-80">{caption}</p>
          <p className="text-lg font-semibold" data-testid="pingpong-wallet-method">
            {walletType}
          </p>
        </div>
        <div className="space-y-4 p-5">{children}</div>
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

function Status({ children }: { children: React.ReactNode }) {
  return (
    <div
      role="status"
      className="rounded-xl bg-slate-100 p-4 text-center text-sm text-slate-700"
      data-testid="pingpong-wallet-status"
    >
      {children}
    </div>
  );
}

const primary = "w-full rounded-full bg-slate-900 px-4 py-3 font-medium text-white disabled:opacity-60";
const secondary = "w-full rounded-full border border-slate-300 px-4 py-3 text-slate-700 disabled:opacity-60";

export interface SigningProps {
  /** The signing's id in the authUrl (never the token). */
  signingId: string;
  walletType: string;
  merchantName: string;
  status: "PENDING" | "ACTIVE" | "DECLINED" | "REVOKED";
  merchantResultUrl: string;
}

/** The signing page (authUrl of /v4/paymethod/bind). */
export function PingPongWalletSigning(props: SigningProps) {
  const base = `/emulators/pingpong/wallet/sign/${props.signingId}`;
  return (
    <WalletPhone walletType={props.walletType} caption="Link a merchant">
      <div className="text-center">
        <p className="text-sm text-slate-500">Merchant</p>
        <p className="text-xl font-semibold text-slate-900" data-testid="pingpong-wallet-merchant">
          {props.merchantName}
        </p>
      </div>
      {props.status === "PENDING" ? (
        <>
          <p className="text-sm text-slate-700">
            Allow {props.merchantName} to charge this wallet without asking each time?
          </p>
          <div className="space-y-2">
            <OnceForm action={`${base}/agree`}>
              <button type="submit" className={primary}>
                Agree and link
              </button>
            </OnceForm>
            <OnceForm action={`${base}/decline`}>
              <button type="submit" className={secondary}>
                Decline
              </button>
            </OnceForm>
          </div>
        </>
      ) : (
        <Status>
          <p>
            This linking request was already answered (
            {props.status === "DECLINED" ? "declined" : props.status === "ACTIVE" ? "linked" : "linked, since unlinked"}
            ).
          </p>
          <a className="mt-2 inline-block font-medium text-indigo-700 underline" href={props.merchantResultUrl}>
            Return to the merchant
          </a>
        </Status>
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
export function PingPongWalletApp(props: LinkedMerchantProps) {
  return (
    <WalletPhone walletType={props.walletType} caption="Settings · Linked merchants">
      <h1 className="text-base font-semibold text-slate-900">Linked merchants</h1>
      <div className="rounded-xl border border-slate-200 p-4">
        <p className="font-medium text-slate-900">{props.merchantName}</p>
        <p className="text-xs text-slate-500">
          Charges this wallet without asking each time
          {props.flow === "auth" ? " (legacy authorization, deprecated)" : ""}
        </p>
        <p className="mt-1 font-mono text-[10px] break-all text-slate-400">Token {props.token}</p>
      </div>
      {props.status === "ACTIVE" ? (
        <OnceForm action={`/emulators/pingpong/wallet/app/${props.token}/unlink`}>
          <button type="submit" className={secondary}>
            Unlink
          </button>
        </OnceForm>
      ) : (
        <Status>
          {props.status === "REVOKED" ? (
            <p>Unlinked: {props.merchantName} can no longer charge this wallet.</p>
          ) : (
            <p>Not linked: the linking request was {props.status === "DECLINED" ? "declined" : "never answered"}.</p>
          )}
        </Status>
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
export function PingPongWalletLegacyAuth(props: LegacyAuthProps) {
  return (
    <WalletPhone walletType={props.walletType} caption="Authorize a merchant (legacy flow, deprecated)">
      <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="pingpong-wallet-deprecated">
        Deprecated: PingPong marks this authorization flow for removal; new integrations sign with /v4/paymethod/bind.
      </p>
      <div className="text-center">
        <p className="text-sm text-slate-500">Merchant</p>
        <p className="text-xl font-semibold text-slate-900">{props.merchantName}</p>
      </div>
      {props.status === "PENDING" ? (
        <>
          <p className="text-sm text-slate-700">
            Authorize {props.merchantName} to charge this wallet without asking each time?
          </p>
          <OnceForm action={`/emulators/pingpong/wallet/auth/${props.authId}/authorize`}>
            <button type="submit" className={primary}>
              Authorize
            </button>
          </OnceForm>
        </>
      ) : (
        <Status>
          <p>This authorization was already answered.</p>
          <a className="mt-2 inline-block font-medium text-indigo-700 underline" href={props.merchantResultUrl}>
            Return to the merchant
          </a>
        </Status>
      )}
    </WalletPhone>
  );
}
