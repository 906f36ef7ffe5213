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
export function PingPongWalletSigning(props: SigningProps) {
  const base = `/emulators/pingpong/wallet/sign/${props.signingId}`;
  return (
    <WalletPhone walletType={props.walletType} caption="Link a merchant">
      <div className="text-center">
        <p className="text-sm text-slate-600">Merchant</p>
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
            <WalletButton action={`${base}/agree`} kind="primary">
              Agree and link
            </WalletButton>
            <WalletButton action={`${base}/decline`} kind="secondary">
              Decline
            </WalletButton>
          </div>
        </>
      ) : (
        <WalletStatus>
          <p>
            This linking request was already answered (
            {props.status === "DECLINED" ? "declined" : props.status === "ACTIVE" ? "linked" : "linked, since unlinked"}
            ).
          </p>
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
export function PingPongWalletApp(props: LinkedMerchantProps) {
  return (
    <WalletPhone walletType={props.walletType} caption="Settings · Linked merchants">
      <h2 className="text-base font-semibold text-slate-900">Linked merchants</h2>
      <div className="rounded-xl border border-slate-200 p-4">
        <p className="font-medium text-slate-900">{props.merchantName}</p>
        <p className="text-xs text-slate-600">
          Charges this wallet without asking each time
          {props.flow === "auth" ? " (legacy authorization, deprecated)" : ""}
        </p>
        <p className="mt-1 font-mono text-[10px] break-all text-slate-600">Token {props.token}</p>
      </div>
      {props.status === "ACTIVE" ? (
        <WalletButton action={`/emulators/pingpong/wallet/app/${props.token}/unlink`} kind="secondary">
          Unlink
        </WalletButton>
      ) : (
        <WalletStatus>
          {props.status === "REVOKED" ? (
            <p>Unlinked: {props.merchantName} can no longer charge this wallet.</p>
          ) : (
            <p>Not linked: the linking request was {props.status === "DECLINED" ? "declined" : "never answered"}.</p>
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
export function PingPongWalletLegacyAuth(props: LegacyAuthProps) {
  return (
    <WalletPhone walletType={props.walletType} caption="Authorize a merchant (legacy flow, deprecated)">
      <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800" data-testid="pingpong-wallet-deprecated">
        Deprecated: PingPong marks this authorization flow for removal; new integrations sign with /v4/paymethod/bind.
      </p>
      <div className="text-center">
        <p className="text-sm text-slate-600">Merchant</p>
        <p className="text-xl font-semibold text-slate-900">{props.merchantName}</p>
      </div>
      {props.status === "PENDING" ? (
        <>
          <p className="text-sm text-slate-700">
            Authorize {props.merchantName} to charge this wallet without asking each time?
          </p>
          <WalletButton action={`/emulators/pingpong/wallet/auth/${props.authId}/authorize`} kind="primary">
            Authorize
          </WalletButton>
        </>
      ) : (
        <WalletStatus>
          <p>This authorization was already answered.</p>
          <ReturnToMerchant href={props.merchantResultUrl} />
        </WalletStatus>
      )}
    </WalletPhone>
  );
}
