import {
  APM_METHODS,
  CODEGRANT_CONFIRM_MATCH,
  CODES as PINGPONG_CODES,
  LATE_NOTIFICATION_SECONDS as PINGPONG_LATE_SECONDS,
  NOTIFICATION_RETRY_SECONDS as PINGPONG_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS as PINGPONG_SETTLES_AFTER_SECONDS,
  pingpongMerchant,
  QR_LIFETIME_SECONDS,
  WALLET_TYPES,
} from "./config";
import { CHALLENGE_PASS_CODE } from "../test-cards";
import { seconds, shownCard } from "../catalogue-format";
import { CallbackBehaviourItems, OutcomesTable } from "../catalogue-parts";
import type { CatalogueSectionProps } from "../descriptor";
import { latestWalletTokens } from "./store";

/** PingPongCheckout: its API, card and local-payment outcomes, one-click wallets (the latest tokens for an operator). */
export async function PingpongCatalogue({ mayForce }: CatalogueSectionProps) {
  // Each token links to a wallet app that unlinks it: an operator's only in public mode.
  const walletTokens = mayForce ? await latestWalletTokens(10) : [];
  return (
    <section className="space-y-3" data-testid="pingpong-section">
      <h2 className="text-xl font-semibold">PingPongCheckout (v4)</h2>
      <p className="text-sm text-slate-600">
        API at <code>/emulators/pingpong/v4</code>: <code>payment/unifiedPay</code>, <code>payment/refund</code>,{" "}
        <code>payment/void</code>, <code>transaction/query</code>, <code>refund/query</code>, <code>void/query</code>{" "}
        (all POST JSON). Envelope <code>{'{accId, clientId, signType, sign, version: "1.0", bizContent}'}</code>, signed{" "}
        <code>HEX(SHA256(salt + sorted k=v&amp;…))</code> (or MD5); answers are HTTP 200, signed the same way. Merchant:
        accId <code>{pingpongMerchant().accId}</code>, clientId <code>{pingpongMerchant().clientId}</code> (env{" "}
        <code>EMULATOR_PINGPONG_ACC_ID</code>, <code>EMULATOR_PINGPONG_CLIENT_ID</code>,{" "}
        <code>EMULATOR_PINGPONG_SALT</code>). Risk-control plugin at{" "}
        <code>/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js</code>: a card payment needs the{" "}
        <code>jsGeneratedData</code> its <code>complexInit</code> returned for the same requestId.
      </p>
      <OutcomesTable testId="pingpong-outcomes" columns={["Card or action", "Status", "code \u00b7 description"]}>
        <tbody className="divide-y divide-slate-100">
          <tr>
            <td className="p-3">An approving card</td>
            <td className="p-3">SUCCESS</td>
            <td className="p-3">
              {PINGPONG_CODES.success.code} · {PINGPONG_CODES.success.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">{shownCard("0002")}</td>
            <td className="p-3">FAILED</td>
            <td className="p-3">
              {PINGPONG_CODES.declined.code} · {PINGPONG_CODES.declined.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">{shownCard("9995")}</td>
            <td className="p-3">FAILED</td>
            <td className="p-3">
              {PINGPONG_CODES.insufficientFunds.code} · {PINGPONG_CODES.insufficientFunds.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">{shownCard("0069")}</td>
            <td className="p-3">FAILED</td>
            <td className="p-3">
              {PINGPONG_CODES.expiredCard.code} · {PINGPONG_CODES.expiredCard.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">{shownCard("3220")}</td>
            <td className="p-3">
              PROCESSING, <code>threeDContinue: &quot;true&quot;</code>; the plugin&apos;s complexTrigger opens the bank
              page
            </td>
            <td className="p-3">
              code {CHALLENGE_PASS_CODE}: SUCCESS · any other: FAILED {PINGPONG_CODES.threeDsFailed.code} ·{" "}
              {PINGPONG_CODES.threeDsFailed.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">{shownCard("0119")}</td>
            <td className="p-3">PROCESSING, then SUCCESS after {seconds(PINGPONG_SETTLES_AFTER_SECONDS)} (notified)</td>
            <td className="p-3">{PINGPONG_CODES.success.code}</td>
          </tr>
          <tr>
            <td className="p-3">
              {Object.entries(APM_METHODS)
                .filter(([, m]) => m.flow === "qr")
                .map(([, m]) => m.label)
                .join(" and ")}{" "}
              (QR code)
            </td>
            <td className="p-3">
              PROCESSING with <code>paymentQrCode</code> (the scan page&apos;s URL), valid{" "}
              {seconds(QR_LIFETIME_SECONDS)}; on the scan page “Approve payment”: SUCCESS, “Cancel payment”: FAILED;
              expiry (or <code>POST …/apm/&lt;id&gt;/expire</code>): CLOSED, also notified to{" "}
              <code>closeNotificationUrl</code>
            </td>
            <td className="p-3">
              cancel: {PINGPONG_CODES.shopperCancelled.code} · {PINGPONG_CODES.shopperCancelled.description}
            </td>
          </tr>
          <tr>
            <td className="p-3">
              {Object.entries(APM_METHODS)
                .filter(([, m]) => m.flow === "redirect")
                .map(([, m]) => m.label)
                .join(", ")}{" "}
              (redirect)
            </td>
            <td className="p-3">
              PROCESSING with <code>paymentRedirectUrl</code>; approve: SUCCESS and back to <code>payResultUrl</code>;
              cancel: FAILED and back to <code>payCancelUrl</code> (else <code>payResultUrl</code>);{" "}
              <code>…/expire</code>: CLOSED
            </td>
            <td className="p-3">cancel: {PINGPONG_CODES.shopperCancelled.code}</td>
          </tr>
          <tr>
            <td className="p-3">refund</td>
            <td className="p-3">SUCCESS payment whose capture delay has passed; up to the amount not yet refunded</td>
            <td className="p-3">
              {PINGPONG_CODES.refundExceeds.code} over the refundable amount · {PINGPONG_CODES.wrongState.code} wrong
              state or inside the capture delay
            </td>
          </tr>
          <tr>
            <td className="p-3">void</td>
            <td className="p-3">
              SUCCESS payment still inside <code>captureDelayHours</code> (&gt; 0); the payment becomes CLOSED
            </td>
            <td className="p-3">{PINGPONG_CODES.wrongState.code} otherwise</td>
          </tr>
        </tbody>
      </OutcomesTable>
      <h3 className="pt-2 font-medium">Error codes</h3>
      <ul className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
        {Object.values(PINGPONG_CODES).map((row) => (
          <li key={row.code}>
            <code>{row.code}</code> {row.description}
          </li>
        ))}
      </ul>
      <h3 className="pt-2 font-medium">
        Notifications, scripted by the cardholder name (cards) or customer.email (APMs)
      </h3>
      <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
        <CallbackBehaviourItems lateSeconds={PINGPONG_LATE_SECONDS} />
        <li>
          Signed envelope POSTed to <code>notificationUrl</code>, <code>notifyType</code> PAYMENT, REFUND, VOID or
          CLOSE; any 2xx is the ack. Otherwise retried after {PINGPONG_RETRY_SECONDS.map(seconds).join(", ")} (
          {PINGPONG_RETRY_SECONDS.length + 1} attempts in all), the public docs&apos; schedule; seed 001 says failures
          are retried 2 times.
        </li>
      </ul>
      <p className="text-xs text-slate-600">
        Guesses, not confirmed by PingPong: every code except {PINGPONG_CODES.declined.code} (the project&apos;s own,
        PingPong publishes few, and {PINGPONG_CODES.success.code} for success); status SUCCESS; the{" "}
        <code>/v4/transaction/query</code> path; the 3DS and wallet pages; the QR lifetime; the notification body fields
        beyond the answer&apos;s (notifyType, refundId, voidId, refundAmount); the capture-delay rules for refund and
        void; and the plugin&apos;s init call and <code>jsGeneratedData</code> contents (the real plugin talks to
        PingPong&apos;s risk servers).
      </p>
      <h3 className="pt-2 font-medium" data-testid="pingpong-oneclick">
        One-click wallets (CodeGrant)
      </h3>
      <p className="text-sm text-slate-700">
        Wallets: {WALLET_TYPES.join(", ")}. All POST JSON in the same signed envelope, with the same checks (accId,{" "}
        <code>&lt;</code>/<code>&gt;</code> filter, signature) and error codes.
      </p>
      <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
        <li>
          <strong>Signing</strong>: <code>/emulators/pingpong/v4/paymethod/bind</code>{" "}
          <code>
            {
              '{requestId, merchantUserId, paymentMethod: {type}, merchantResultUrl, notificationUrl, device: {orderTerminal}, bizType: "CodeGrant"}'
            }
          </code>{" "}
          answers {PINGPONG_CODES.success.code} with <code>{"{authUrl}"}</code> only (the docs mark <code>token</code>{" "}
          optional; it arrives with the SIGN notification); the token (64 hex) is PENDING, unusable until the shopper
          answers the wallet&apos;s signing page at <code>authUrl</code> (
          <code>/emulators/pingpong/wallet/sign/&lt;signing id&gt;</code>, never the token). “Agree and link”: ACTIVE,
          SIGN notification <code>status: SUCCESS</code>; “Decline”: DECLINED, SIGN notification{" "}
          <code>status: FAILED</code> with code {PINGPONG_CODES.signingDeclined.code}; both go back to{" "}
          <code>merchantResultUrl</code> (303). A repeated bind requestId answers the same authUrl.
        </li>
        <li>
          <strong>Paying</strong>: <code>payment/unifiedPay</code> with{" "}
          <code>{'{token, bizType: "CodeGrant", merchantUserId, paymentMethod: {type}}'}</code> and the usual fields (no{" "}
          <code>jsGeneratedData</code>): SUCCESS at once with the PAYMENT notification; a <code>customer.email</code>{" "}
          containing “{CODEGRANT_CONFIRM_MATCH}” answers PROCESSING with <code>paymentRedirectUrl</code> (the wallet
          page: approve → SUCCESS, cancel → FAILED). A token unknown, not ACTIVE (pending, declined, unbound) or signed
          by another <code>merchantUserId</code>: {PINGPONG_CODES.tokenNotFound.code} “
          {PINGPONG_CODES.tokenNotFound.description}”, no transaction.
        </li>
        <li>
          <strong>Unbinding by the merchant</strong>: <code>/emulators/pingpong/v4/paymethod/unbind</code>{" "}
          <code>{"{requestId, merchantUserId, token}"}</code> (the path is not published by PingPong: a guess). An
          ACTIVE token of that merchantUserId becomes REVOKED, answer{" "}
          <code>{'{token, merchantUserId, status: "SUCCESS"}'}</code> and an UNBIND notification with{" "}
          <code>unbindSource: MERCHANT</code>; otherwise {PINGPONG_CODES.tokenNotFound.code}.
        </li>
        <li>
          <strong>Unbinding in the wallet</strong>: the wallet app&apos;s “Linked merchants” screen at{" "}
          <code>/emulators/pingpong/wallet/app/&lt;token&gt;</code> (open it with the token from the SIGN notification,
          or from the list below); “Unlink”: REVOKED and an UNBIND notification with <code>unbindSource: WALLET</code>.
        </li>
        <li>
          Notifications: the signed envelope POSTed to the bind&apos;s <code>notificationUrl</code>, bizContent{" "}
          <code>
            {
              "{notifyType: SIGN | UNBIND, requestId, merchantUserId, token, paymentMethod: {type}, status, unbindSource?}"
            }
          </code>
          , envelope code {PINGPONG_CODES.success.code} (or {PINGPONG_CODES.signingDeclined.code} for a declined
          signing); any 2xx acks; an abnormal answer is retried twice (seed 001), 5 s apart [guess], then given up (no
          scripted late / twice / silent behaviour).
        </li>
        <li>
          <strong>Legacy authorization, deprecated</strong> (seed 001 marks it for removal; the paths are guesses):{" "}
          <code>/emulators/pingpong/v4/paymethod/auth</code>{" "}
          <code>{'{requestId, merchantUserId, paymentMethod: {type}, merchantResultUrl, bizType: "CodeGrant"}'}</code>{" "}
          (optional <code>notificationUrl</code>) answers <code>authUrl</code> (
          <code>/emulators/pingpong/wallet/auth/&lt;authId&gt;</code>); “Authorize” sends the shopper to{" "}
          <code>merchantResultUrl</code> with <code>code=&lt;one-time code&gt;</code> appended;{" "}
          <code>/v4/paymethod/authorize</code> <code>{"{requestId, merchantUserId, code}"}</code> answers an ACTIVE{" "}
          <code>token</code> (a code works once, for its merchantUserId: {PINGPONG_CODES.codeInvalid.code} “
          {PINGPONG_CODES.codeInvalid.description}”); <code>/v4/paymethod/cancelAuthorization</code>{" "}
          <code>{"{requestId, merchantUserId, token}"}</code> works like unbind (UNBIND notification,{" "}
          <code>unbindSource: MERCHANT</code>, when the auth call gave a <code>notificationUrl</code>).
        </li>
      </ul>
      <p className="text-sm text-slate-700">
        Error codes: {PINGPONG_CODES.tokenNotFound.code} {PINGPONG_CODES.tokenNotFound.description} ·{" "}
        {PINGPONG_CODES.signingDeclined.code} {PINGPONG_CODES.signingDeclined.description} ·{" "}
        {PINGPONG_CODES.codeInvalid.code} {PINGPONG_CODES.codeInvalid.description} (the project&apos;s own codes).
      </p>
      {walletTokens.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-700" data-testid="pingpong-wallet-tokens">
          {walletTokens.map((row) => (
            <li key={row.token}>
              <a className="font-mono text-indigo-700 underline" href={`/emulators/pingpong/wallet/app/${row.token}`}>
                {row.token.slice(0, 16)}…
              </a>{" "}
              {row.walletType} · {row.merchantUserId} · {row.status}
              {row.flow === "auth" ? " · legacy (deprecated)" : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          {mayForce ? "No wallet tokens yet." : "Sign in as an operator to see the latest wallet tokens."}
        </p>
      )}
    </section>
  );
}
