import Link from "next/link";
import {
  STATUS_CALLBACK_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS,
  LATE_CALLBACK_SECONDS,
  DECLINE_REASONS,
  pingEmulatorTenant,
} from "@/lib/emulators/pingpayments/config";
import { listOutbox } from "@/lib/emulators/outbox";
import { CALLBACK_BEHAVIOURS, CHALLENGE_PASS_CODE, testCards } from "@/lib/emulators/test-cards";

/** A catalogue card by its last four, in groups: the page's code holds no card number. */
function shownCard(last4: string): string {
  const card = testCards().find((c) => c.number.endsWith(last4));
  return card ? card.number.replace(/(\d{4})(?=\d)/g, "$1 ") : `…${last4}`;
}
import { timeScale } from "@/lib/emulators/clock";
import {
  APM_METHODS,
  CODES as PINGPONG_CODES,
  LATE_NOTIFICATION_SECONDS as PINGPONG_LATE_SECONDS,
  NOTIFICATION_RETRY_SECONDS as PINGPONG_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS as PINGPONG_SETTLES_AFTER_SECONDS,
  QR_LIFETIME_SECONDS,
  CODEGRANT_CONFIRM_MATCH,
  WALLET_TYPES,
  pingpongMerchant,
} from "@/lib/emulators/pingpong/config";
import { latestWalletTokens } from "@/lib/emulators/pingpong/store";
import {
  antomSettings,
  AVS_NO_MATCH_ZIP,
  CHALLENGE_ECI,
  CVV_NO_MATCH,
  LATE_NOTIFICATION_SECONDS as ANTOM_LATE_SECONDS,
  NOTIFICATION_ACK as ANTOM_ACK,
  NOTIFICATION_RETRY_SECONDS as ANTOM_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS as ANTOM_SETTLES_AFTER_SECONDS,
  RESULTS as ANTOM_RESULTS,
  THREE_DS_VERSION,
} from "@/lib/emulators/antom/config";
import { devKeyFile } from "@/lib/dev-keys";
import {
  CONTROL_PROVIDERS,
  controlGuard,
  getOverride,
  OUT_OF_ORDER_GAP_SECONDS,
  overrideView,
  TIMEOUT_HOLD_SECONDS,
} from "@/lib/emulators/control";
import { ForcedOutcomeForm } from "@/components/emulators/forced-outcome-form";
import { mayUseControlPlane } from "@/lib/emulators/control-access";
import {
  CALLBACK_ACK as LESSPAY_ACK,
  CALLBACK_RETRY_SECONDS as LESSPAY_RETRY_SECONDS,
  FAIL_REASONS as LESSPAY_FAIL_REASONS,
  ISSUER as LESSPAY_ISSUER,
  LATE_CALLBACK_SECONDS as LESSPAY_LATE_SECONDS,
  lesspaySettings,
  ORDER_STATUS as LESSPAY_ORDER_STATUS,
  PENDING_SETTLES_AFTER_SECONDS as LESSPAY_SETTLES_AFTER_SECONDS,
  PROCESSING_SECONDS as LESSPAY_PROCESSING_SECONDS,
  CASHIER_STATUS_SCRIPTS as LESSPAY_STATUS_SCRIPTS,
  REFUND_AFTER_SECONDS as LESSPAY_REFUND_AFTER_SECONDS,
  TIMESTAMP_WINDOW_MS as LESSPAY_TIMESTAMP_WINDOW_MS,
} from "@/lib/emulators/lesspay/config";

export const metadata = { title: "Test data" };
export const dynamic = "force-dynamic";

function formatCard(number: string) {
  return number.length === 15
    ? `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}`
    : number.replace(/(\d{4})(?=\d)/g, "$1 ");
}

function seconds(value: number) {
  return value >= 3600 ? `${value / 3600} h` : value >= 60 ? `${value / 60} min` : `${value} s`;
}

export default async function EmulatorCatalogue() {
  const deliveries = listOutbox(200).reverse().slice(0, 30);
  // Public mode: the test data is for anyone; what changes the emulators only for an operator: the
  // forced-outcome forms, and the latest wallet tokens (each links to a wallet app that unlinks it).
  const mayForce = await mayUseControlPlane();
  const walletTokens = mayForce ? latestWalletTokens(10) : [];
  const forced = CONTROL_PROVIDERS.map((provider) => {
    const enabled = !controlGuard(provider);
    const row = enabled ? getOverride(provider) : undefined;
    return { provider, enabled, pending: row ? overrideView(row) : null };
  });
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-10 text-slate-900">
      <header className="space-y-2">
        <Link href="/" className="text-sm text-slate-500 underline">
          ← Back to the shop
        </Link>
        <h1 className="text-3xl font-semibold">Provider emulators: test data</h1>
        <p className="max-w-3xl text-slate-600">
          Every provider runs here as a local emulator that speaks its own wire format. No provider publishes test
          cards, so they share this catalogue: pick a card, an amount or a name to force an outcome. Any future expiry
          and any CVC work unless a row says otherwise. The emulator clock runs at ×{timeScale()} (set{" "}
          <code>EMULATOR_TIME_SCALE</code>).
        </p>
      </header>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Cards (every card-taking emulator)</h2>
        <table
          className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm"
          data-testid="test-cards"
        >
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">Card number</th>
              <th className="p-3">Brand</th>
              <th className="p-3">Outcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {testCards().map((card) => (
              <tr key={card.number}>
                <td className="p-3 font-mono">{formatCard(card.number)}</td>
                <td className="p-3">{card.brand}</td>
                <td className="p-3">{card.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">
          Any other Luhn-valid number is approved. The 3-D Secure challenge code that passes is {CHALLENGE_PASS_CODE}.
        </p>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Ping Payments with PaymentIQ</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/pingpayments/api/v1</code>, documented endpoints only: create and get a payment order,
          close, split and settle it (split needs a completed payment, settle a split order), create and get a payment
          (no list of an order&apos;s payments); hosted PaymentIQ checkout at{" "}
          <code>/emulators/pingpayments/paymentiq/checkout/&lt;payment id&gt;</code>. Headers <code>tenant_id</code> and{" "}
          <code>x-api-secret</code> are checked (403); bad bodies, a split tree or merchant the tenant does not have (
          <code>{pingEmulatorTenant().splitTreeIds[0]}</code>, <code>{pingEmulatorTenant().merchantIds[0]}</code>) and
          non-ISO 4217 currencies get 422 with <code>{"{errors: [{error, description, property}]}"}</code>; unknown ids
          and routes 404 in that shape.
        </p>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">On the PaymentIQ page</th>
              <th className="p-3">Payment status</th>
              <th className="p-3">Reason (status_reason)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <td className="p-3">An approving card</td>
              <td className="p-3">COMPLETED</td>
              <td className="p-3">—</td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0002")}</td>
              <td className="p-3">DECLINED</td>
              <td className="p-3">
                {DECLINE_REASONS.generic.code}: {DECLINE_REASONS.generic.description}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("9995")}</td>
              <td className="p-3">DECLINED</td>
              <td className="p-3">
                {DECLINE_REASONS.insufficient_funds.code}: {DECLINE_REASONS.insufficient_funds.description}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0069")}</td>
              <td className="p-3">DECLINED</td>
              <td className="p-3">
                {DECLINE_REASONS.expired_card.code}: {DECLINE_REASONS.expired_card.description}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("3220")}, wrong code</td>
              <td className="p-3">DECLINED</td>
              <td className="p-3">{DECLINE_REASONS.three_ds_failed.code}</td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0119")}</td>
              <td className="p-3">PENDING, then COMPLETED after {seconds(PENDING_SETTLES_AFTER_SECONDS)}</td>
              <td className="p-3">—</td>
            </tr>
            <tr>
              <td className="p-3">“Cancel and return to the merchant”</td>
              <td className="p-3">CANCELLED</td>
              <td className="p-3">cancelled_by_payer</td>
            </tr>
          </tbody>
        </table>
        <h3 className="pt-2 font-medium">Status callbacks, scripted by the cardholder name</h3>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
          {CALLBACK_BEHAVIOURS.map((row) => (
            <li key={row.match}>
              Name contains “{row.match}”: {row.description}
              {row.behaviour === "delayed" ? ` (${seconds(LATE_CALLBACK_SECONDS)})` : ""}.
            </li>
          ))}
          <li>
            A callback not answered with 2xx is retried after {STATUS_CALLBACK_RETRY_SECONDS.map(seconds).join(", ")} (
            {STATUS_CALLBACK_RETRY_SECONDS.length + 1} attempts in all).
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Where the public docs are silent the emulator guesses, and says so: the callback body (
          <code>payment_id, payment_order_id, status</code>), the statuses DECLINED / CANCELLED / CRASHED,{" "}
          <code>status_reason</code>, the fields of the GET answers, the error codes other than{" "}
          <code>payment_order_closed</code>, the preconditions of split and settle and the retry schedule are guesses.
          The shop believes a callback only after its own GET of the payment.
        </p>
      </section>

      <section className="space-y-3" data-testid="pingpong-section">
        <h2 className="text-xl font-semibold">PingPongCheckout (v4)</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/pingpong/v4</code>: <code>payment/unifiedPay</code>, <code>payment/refund</code>,{" "}
          <code>payment/void</code>, <code>transaction/query</code>, <code>refund/query</code>, <code>void/query</code>{" "}
          (all POST JSON). Envelope <code>{'{accId, clientId, signType, sign, version: "1.0", bizContent}'}</code>,
          signed <code>HEX(SHA256(salt + sorted k=v&amp;…))</code> (or MD5); answers are HTTP 200, signed the same way.
          Merchant: accId <code>{pingpongMerchant().accId}</code>, clientId <code>{pingpongMerchant().clientId}</code>{" "}
          (env <code>EMULATOR_PINGPONG_ACC_ID</code>, <code>EMULATOR_PINGPONG_CLIENT_ID</code>,{" "}
          <code>EMULATOR_PINGPONG_SALT</code>). Risk-control plugin at{" "}
          <code>/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js</code>: a card payment needs the{" "}
          <code>jsGeneratedData</code> its <code>complexInit</code> returned for the same requestId.
        </p>
        <table
          className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm"
          data-testid="pingpong-outcomes"
        >
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">Card or action</th>
              <th className="p-3">Status</th>
              <th className="p-3">code · description</th>
            </tr>
          </thead>
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
                PROCESSING, <code>threeDContinue: &quot;true&quot;</code>; the plugin&apos;s complexTrigger opens the
                bank page
              </td>
              <td className="p-3">
                code {CHALLENGE_PASS_CODE}: SUCCESS · any other: FAILED {PINGPONG_CODES.threeDsFailed.code} ·{" "}
                {PINGPONG_CODES.threeDsFailed.description}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0119")}</td>
              <td className="p-3">
                PROCESSING, then SUCCESS after {seconds(PINGPONG_SETTLES_AFTER_SECONDS)} (notified)
              </td>
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
        </table>
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
          {CALLBACK_BEHAVIOURS.map((row) => (
            <li key={row.match}>
              Contains “{row.match}”: {row.description}
              {row.behaviour === "delayed" ? ` (${seconds(PINGPONG_LATE_SECONDS)})` : ""}.
            </li>
          ))}
          <li>
            Signed envelope POSTed to <code>notificationUrl</code>, <code>notifyType</code> PAYMENT, REFUND, VOID or
            CLOSE; any 2xx is the ack. Otherwise retried after {PINGPONG_RETRY_SECONDS.map(seconds).join(", ")} (
            {PINGPONG_RETRY_SECONDS.length + 1} attempts in all), the public docs&apos; schedule; seed 001 says failures
            are retried 2 times.
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Guesses, not confirmed by PingPong: every code except {PINGPONG_CODES.declined.code} (the project&apos;s own,
          PingPong publishes few, and {PINGPONG_CODES.success.code} for success); status SUCCESS; the{" "}
          <code>/v4/transaction/query</code> path; the 3DS and wallet pages; the QR lifetime; the notification body
          fields beyond the answer&apos;s (notifyType, refundId, voidId, refundAmount); the capture-delay rules for
          refund and void; and the plugin&apos;s init call and <code>jsGeneratedData</code> contents (the real plugin
          talks to PingPong&apos;s risk servers).
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
            <code>{'{token, bizType: "CodeGrant", merchantUserId, paymentMethod: {type}}'}</code> and the usual fields
            (no <code>jsGeneratedData</code>): SUCCESS at once with the PAYMENT notification; a{" "}
            <code>customer.email</code> containing “{CODEGRANT_CONFIRM_MATCH}” answers PROCESSING with{" "}
            <code>paymentRedirectUrl</code> (the wallet page: approve → SUCCESS, cancel → FAILED). A token unknown, not
            ACTIVE (pending, declined, unbound) or signed by another <code>merchantUserId</code>:{" "}
            {PINGPONG_CODES.tokenNotFound.code} “{PINGPONG_CODES.tokenNotFound.description}”, no transaction.
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
            <code>/emulators/pingpong/wallet/app/&lt;token&gt;</code> (open it with the token from the SIGN
            notification, or from the list below); “Unlink”: REVOKED and an UNBIND notification with{" "}
            <code>unbindSource: WALLET</code>.
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
          <p className="text-sm text-slate-500">
            {mayForce ? "No wallet tokens yet." : "Sign in as an operator to see the latest wallet tokens."}
          </p>
        )}
      </section>

      <section className="space-y-3" data-testid="antom-section">
        <h2 className="text-xl font-semibold">Antom (card payments)</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/antom/ams/api/v1/payments/&lt;action&gt;</code> and{" "}
          <code>/emulators/antom/ams/sandbox/api/v1/payments/&lt;action&gt;</code> (a <code>SANDBOX_</code> client id is
          served there only, any other id on the first only; otherwise INVALID_CLIENT): <code>pay</code>,{" "}
          <code>capture</code>, <code>cancel</code>, <code>refund</code>, <code>inquiryPayment</code>,{" "}
          <code>inquiryRefund</code>, all POST JSON. Headers <code>client-id</code> (
          <code>{antomSettings().clientId}</code>, env <code>EMULATOR_ANTOM_CLIENT_ID</code>), <code>request-time</code>{" "}
          (milliseconds, or ISO 8601 as the Python SDK sends) and{" "}
          <code>signature: algorithm=RSA256,keyVersion=1,signature=…</code>: RSA-SHA256 (PKCS#1 v1.5), base64,
          URL-encoded, over{" "}
          <code>
            &quot;POST &quot; + path + &quot;\n&quot; + clientId + &quot;.&quot; + requestTime + &quot;.&quot; + body
          </code>
          , where path is Antom&apos;s (<code>/ams/api/v1/payments/pay</code>), never the <code>/emulators/antom</code>{" "}
          mount. Answers are HTTP 200 with <code>result</code>, signed by the emulator&apos;s key with{" "}
          <code>client-id</code>, <code>response-time</code>, <code>signature</code>.
        </p>
        <p className="text-sm text-slate-600">
          Keys (development, created once): <code>data/antom/{devKeyFile("merchant", "private")}</code> (the merchant
          signs; env <code>ANTOM_MERCHANT_PRIVATE_KEY</code>),{" "}
          <code>data/antom/{devKeyFile("merchant", "public")}</code> (the emulator verifies, as Antom trusts the key
          uploaded to its dashboard; env <code>EMULATOR_ANTOM_MERCHANT_PUBLIC_KEY</code>),{" "}
          <code>data/antom/{devKeyFile("antom", "private")}</code> (the emulator signs answers and notifications; env{" "}
          <code>EMULATOR_ANTOM_PRIVATE_KEY</code>), <code>data/antom/{devKeyFile("antom", "public")}</code> (the
          merchant verifies; env <code>ANTOM_PUBLIC_KEY</code>). Folder: <code>ANTOM_KEYS_DIR</code>.
        </p>
        <table
          className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm"
          data-testid="antom-outcomes"
        >
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">Card or action</th>
              <th className="p-3">resultStatus · what happens</th>
              <th className="p-3">resultCode · resultMessage</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <td className="p-3">An approving card</td>
              <td className="p-3">
                S; <code>captureMode</code> AUTOMATIC (or absent): captured at once, PAYMENT_RESULT + CAPTURE_RESULT
                notified; MANUAL: authorized, PAYMENT_RESULT only
              </td>
              <td className="p-3">
                {ANTOM_RESULTS.success.resultCode} · {ANTOM_RESULTS.success.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0002")}</td>
              <td className="p-3">F, PAYMENT_RESULT (F) notified</td>
              <td className="p-3">
                {ANTOM_RESULTS.doNotHonor.resultCode} · {ANTOM_RESULTS.doNotHonor.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("9995")}</td>
              <td className="p-3">F, notified</td>
              <td className="p-3">
                {ANTOM_RESULTS.insufficientFunds.resultCode} · {ANTOM_RESULTS.insufficientFunds.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0069")}, or any expiry in the past</td>
              <td className="p-3">F, notified</td>
              <td className="p-3">
                {ANTOM_RESULTS.expiredCard.resultCode} · {ANTOM_RESULTS.expiredCard.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">
                {shownCard("3220")}, or <code>is3DSAuthentication: true</code> with an approving card
              </td>
              <td className="p-3">
                U with <code>normalUrl</code> (the bank page <code>/emulators/antom/3ds/&lt;paymentId&gt;</code>); code{" "}
                {CHALLENGE_PASS_CODE}: S (captured or authorized as asked), <code>threeDSResult</code> eci{" "}
                {CHALLENGE_ECI}, version {THREE_DS_VERSION}; any other code: F. Either way PAYMENT_RESULT and a 303 to{" "}
                <code>paymentRedirectUrl</code>
              </td>
              <td className="p-3">
                {ANTOM_RESULTS.inProcess.resultCode}; fail: {ANTOM_RESULTS.authenticationFailed.resultCode} ·{" "}
                {ANTOM_RESULTS.authenticationFailed.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">
                <code>mpiData {"{eci, cavv, dsTransactionId, threeDSVersion?}"}</code> (MPI)
              </td>
              <td className="p-3">
                No challenge; <code>threeDSResult</code> echoes the given eci, cavv (as <code>caav</code>),
                dsTransactionId
              </td>
              <td className="p-3">{ANTOM_RESULTS.success.resultCode}</td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0119")}</td>
              <td className="p-3">
                U with <code>normalUrl</code> (the bank page says it is processing) and a <code>PAYMENT_PENDING</code>{" "}
                notification; SUCCESS after {seconds(ANTOM_SETTLES_AFTER_SECONDS)} (notified), or when inquired after
                that time
              </td>
              <td className="p-3">{ANTOM_RESULTS.inProcess.resultCode}</td>
            </tr>
            <tr>
              <td className="p-3">AVS / CVV (Antom&apos;s own rows)</td>
              <td className="p-3">
                <code>avsResultRaw</code> Y and <code>cvvResultRaw</code> M normally; billing <code>zipCode</code>{" "}
                {AVS_NO_MATCH_ZIP}: AVS N; CVV {CVV_NO_MATCH}: CVV N (still approved); a stored card paid without CVV:
                CVV U
              </td>
              <td className="p-3">{ANTOM_RESULTS.success.resultCode}</td>
            </tr>
            <tr>
              <td className="p-3">Card on file</td>
              <td className="p-3">
                <code>tokenize: true</code> or <code>isCardOnFile: true</code> on an approved pay:{" "}
                <code>paymentResultInfo.cardToken</code> (ALIPAY…); pay later with{" "}
                <code>paymentMethod.paymentMethodId</code> = the token (no card number, no CVV). Unknown token: F
              </td>
              <td className="p-3">
                {ANTOM_RESULTS.invalidPaymentMethod.resultCode} · {ANTOM_RESULTS.invalidPaymentMethod.resultMessage}
              </td>
            </tr>
            <tr>
              <td className="p-3">MIT</td>
              <td className="p-3">
                <code>isMerchantInitiated: true</code>, <code>merchantInitiatedType</code> UNSCHEDULED or RECURRING,
                with a stored card&apos;s <code>paymentMethodId</code> (else PARAM_ILLEGAL); never challenged; the first
                payment&apos;s <code>networkTransactionId</code>
              </td>
              <td className="p-3">{ANTOM_RESULTS.success.resultCode}</td>
            </tr>
            <tr>
              <td className="p-3">capture</td>
              <td className="p-3">
                A MANUAL authorization, once (a partial capture releases the rest); CAPTURE_RESULT notified
              </td>
              <td className="p-3">
                {ANTOM_RESULTS.captureExceeds.resultCode} above the authorization ·{" "}
                {ANTOM_RESULTS.orderStatusInvalid.resultCode} otherwise
              </td>
            </tr>
            <tr>
              <td className="p-3">cancel</td>
              <td className="p-3">An authorized, not captured payment (by paymentId or paymentRequestId): CANCELLED</td>
              <td className="p-3">{ANTOM_RESULTS.orderStatusInvalid.resultCode} otherwise</td>
            </tr>
            <tr>
              <td className="p-3">refund</td>
              <td className="p-3">
                Captured money, in several partials; REFUND_RESULT to <code>refundNotifyUrl</code> when given
              </td>
              <td className="p-3">
                {ANTOM_RESULTS.refundExceeds.resultCode} above captured minus refunded ·{" "}
                {ANTOM_RESULTS.orderStatusInvalid.resultCode} if nothing captured
              </td>
            </tr>
          </tbody>
        </table>
        <h3 className="pt-2 font-medium">Errors (resultStatus F, nothing changes)</h3>
        <ul className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
          {[
            ANTOM_RESULTS.invalidClient,
            ANTOM_RESULTS.invalidSignature,
            ANTOM_RESULTS.paramIllegal,
            ANTOM_RESULTS.repeatInconsistent,
            ANTOM_RESULTS.orderNotExist,
            ANTOM_RESULTS.orderStatusInvalid,
          ].map((row) => (
            <li key={row.resultCode}>
              <code>{row.resultCode}</code> {row.resultMessage}
            </li>
          ))}
          <li>
            A repeated paymentRequestId, captureRequestId or refundRequestId with the same content answers the first
            answer again and sends nothing new.
          </li>
        </ul>
        <h3 className="pt-2 font-medium">
          Notifications (notifyPayment), scripted by the cardholder name (a stored card: its holder)
        </h3>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
          {CALLBACK_BEHAVIOURS.map((row) => (
            <li key={row.match}>
              Contains “{row.match}”: {row.description}
              {row.behaviour === "delayed" ? ` (${seconds(ANTOM_LATE_SECONDS)})` : ""}.
            </li>
          ))}
          <li>
            POSTed to <code>paymentNotifyUrl</code> (refunds: <code>refundNotifyUrl</code>), <code>notifyType</code>{" "}
            PAYMENT_RESULT, CAPTURE_RESULT or REFUND_RESULT, with <code>client-id</code>, <code>request-time</code> and
            a <code>signature</code> over the notify URL&apos;s pathname. The ack is HTTP 2xx with a JSON body whose{" "}
            <code>result.resultCode</code> is SUCCESS and <code>result.resultStatus</code> S (
            <code>{JSON.stringify(ANTOM_ACK)}</code>); anything else is retried after{" "}
            {ANTOM_RETRY_SECONDS.map(seconds).join(", ")} ({ANTOM_RETRY_SECONDS.length + 1} attempts in 24 h).
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Guesses, not confirmed by Antom: the result messages; CAPTURE_RESULT and REFUND_RESULT bodies;{" "}
          <code>captureRequestId</code> of an automatic capture (the paymentRequestId); the 3DS ECI {CHALLENGE_ECI};{" "}
          <code>cardBrand</code>, <code>cardNo</code> and <code>cardToken</code> in <code>paymentResultInfo</code>; the
          card token format; INVALID_CLIENT for a client id on the other environment&apos;s path; CVV U for a stored
          card paid without CVV; the single partial capture; ORDER_NOT_EXIST for an unknown refund;{" "}
          <code>paymentNotifyUrl</code> optional (no notification without it) and <code>env.clientIp</code> required
          except for MIT. The notification&apos;s <code>request-time</code> and signature are made once, when it is
          queued, and resent as they are. The AVS / CVV rows and the test cards are the project&apos;s own.
        </p>
      </section>

      <section className="space-y-3" data-testid="lesspay-section">
        <h2 className="text-xl font-semibold">Lesspay 2.0 (card gateway)</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/lesspay/api/global/v1/pay/create-order</code> and{" "}
          <code>/emulators/lesspay/api/global/v1/pay/query-order</code>, POST JSON. Headers <code>x-auth-appid</code> (
          <code>{lesspaySettings().appId}</code>, env <code>EMULATOR_LESSPAY_APP_ID</code>),{" "}
          <code>X-Auth-Timestamp</code> (milliseconds; not signed; more than {LESSPAY_TIMESTAMP_WINDOW_MS / 60_000}{" "}
          minutes from the emulator&apos;s clock is a 401, a guess) and <code>x-auth-signature</code>: the body&apos;s
          top-level fields without null or empty values, objects and arrays as <code>key=&lt;JSON&gt;</code>, sorted by
          ASCII, joined with <code>&amp;</code>, then <code>&amp;key=&lt;appSecret&gt;</code> (env{" "}
          <code>EMULATOR_LESSPAY_APP_SECRET</code>; a secret is never shown on a page, the default is in{" "}
          <code>lib/emulators/lesspay/config.ts</code>), SHA-256, uppercase hex. A missing header, an unknown app id or
          a bad signature is HTTP 401 <code>{"{code: 401, msg}"}</code>; everything else is HTTP 200{" "}
          <code>{"{code, msg, data}"}</code>.
        </p>
        <table
          className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm"
          data-testid="lesspay-outcomes"
        >
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">Card or action</th>
              <th className="p-3">Cashier (pay_access_type 1)</th>
              <th className="p-3">OpenAPI (pay_access_type 2, extra_type card or token)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr>
              <td className="p-3">create-order</td>
              <td className="p-3">
                <code>payDataType: &quot;payurl&quot;</code>, <code>payData</code> the cashier{" "}
                <code>/emulators/lesspay/cashier/&lt;payOrderId&gt;</code> (card form, Pay now, Cancel)
              </td>
              <td className="p-3">
                No <code>payDataType</code>: processing, wait for the callback; a challenge card: <code>payurl</code> to{" "}
                <code>/emulators/lesspay/3ds/&lt;payOrderId&gt;</code>
              </td>
            </tr>
            <tr>
              <td className="p-3">An approving card (frictionless)</td>
              <td className="p-3">
                SUCCEED at once, 303 to <code>success_url</code>, callback
              </td>
              <td className="p-3">SUCCEED after {seconds(LESSPAY_PROCESSING_SECONDS)}, then the callback</td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("3220")} (3DS challenge)</td>
              <td className="p-3" colSpan={2}>
                The bank page (One-time code, Confirm): {CHALLENGE_PASS_CODE} → SUCCEED, 303 to <code>success_url</code>
                ; any other code → FAILED ({LESSPAY_FAIL_REASONS.authentication_failed}), 303 to <code>fail_url</code>;
                a callback either way
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0002")} · 9995 · 0069 (or an expiry in the past)</td>
              <td className="p-3">
                FAILED at once, 303 to <code>fail_url</code>
              </td>
              <td className="p-3">FAILED after {seconds(LESSPAY_PROCESSING_SECONDS)}</td>
            </tr>
            <tr>
              <td className="p-3" />
              <td className="p-3" colSpan={2}>
                The FAILED callback (order_status_int 3) carries <code>fail_reason</code> and <code>msg</code>: “
                {LESSPAY_FAIL_REASONS.generic}”, “{LESSPAY_FAIL_REASONS.insufficient_funds}”, “
                {LESSPAY_FAIL_REASONS.expired_card}”. The cashier&apos;s Cancel link: 4 CANCELED and its callback, 303
                to <code>fail_url</code>.
              </td>
            </tr>
            <tr>
              <td className="p-3">{shownCard("0119")} (pending)</td>
              <td className="p-3">
                303 to <code>success_url</code> while still PENDING_PAY
              </td>
              <td className="p-3">
                No callback for {seconds(LESSPAY_SETTLES_AFTER_SECONDS)}, then SUCCEED (query-order settles it too once
                due)
              </td>
            </tr>
            <tr>
              <td className="p-3">Tokens</td>
              <td className="p-3">
                The page&apos;s “Save this card” box (a top-level <code>store_for_future_use</code> is not documented,
                so not read)
              </td>
              <td className="p-3">
                <code>card_data.store_for_future_use: true</code>; later{" "}
                <code>{'{extra_type: "token", token_data: {token}}'}</code> charges that card with the original
                card&apos;s outcome (challenged only if it is the challenge card). Unknown token: code 11{" "}
                <code>token_data.token is not valid</code>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="text-sm text-slate-700">
          On a successful payment that asked to store the card, the callback and query-order carry{" "}
          <code>channel_biz_data</code>: <code>card_token</code> (<code>src_</code> + 26 lowercase letters and digits),{" "}
          <code>issuer</code> “{LESSPAY_ISSUER.issuer}”, <code>issuer_country</code> “{LESSPAY_ISSUER.issuer_country}”,
          nothing else (no brand, last four or expiry). <code>card_data</code> is read as seed 004 documents it (
          <code>number</code>, <code>expiry_month</code>, <code>expiry_year</code>, <code>cvv</code>,{" "}
          <code>store_for_future_use</code>); any other field, such as a holder name, has no effect.{" "}
          <code>target_currency</code> must be an ISO 4217 code (code 11 otherwise).
        </p>
        <h3 className="pt-2 font-medium">
          Order statuses scripted on the cashier by the name on card (the project&apos;s own rows)
        </h3>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700" data-testid="lesspay-status-scripts">
          {LESSPAY_STATUS_SCRIPTS.map((row) => (
            <li key={row.match}>
              Contains “{row.match}”: {row.description}
              {row.match === "refund" ? ` (${seconds(LESSPAY_REFUND_AFTER_SECONDS)} later)` : ""}.
            </li>
          ))}
          <li>
            The Cancel link: 4 CANCELED, its callback, 303 to <code>fail_url</code>.
          </li>
        </ul>
        <h3 className="pt-2 font-medium">Answer codes (an error changes nothing)</h3>
        <ul className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
          <li>
            <code>0</code> SUCCESS
          </li>
          <li>
            <code>11</code> parameter error, naming the field (<code>target_currency is required</code>)
          </li>
          <li>
            <code>1201</code> <code>request_id already exists</code>: any repeat, whatever its content
          </li>
          <li>
            <code>1202</code> <code>order not found</code> (query-order by <code>pay_order_id</code> or{" "}
            <code>request_id</code>)
          </li>
          <li>
            <code>401</code> (HTTP 401) signature verification failed
          </li>
          <li>
            Order status:{" "}
            {Object.entries(LESSPAY_ORDER_STATUS)
              .map(([name, value]) => `${value} ${name}`)
              .join(", ")}
          </li>
        </ul>
        <h3 className="pt-2 font-medium">Callbacks to notify_url, scripted by the cardholder name</h3>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
          {CALLBACK_BEHAVIOURS.map((row) => (
            <li key={row.match}>
              Contains “{row.match}”: {row.description}
              {row.behaviour === "delayed" ? ` (${seconds(LESSPAY_LATE_SECONDS)})` : ""}
              {row.behaviour === "never" ? "; the order still settles and query-order shows it" : ""}.
            </li>
          ))}
          <li>
            POST JSON{" "}
            <code>
              {
                "{api_version, description, fail_url, success_url, product_name, order_status, order_status_int, pay_order_id, request_id, target_amount, target_currency, channel_biz_data?, fail_reason?}"
              }
            </code>{" "}
            with <code>x-auth-appid</code>, <code>X-Auth-Timestamp</code> and <code>x-auth-signature</code> over the
            body, exactly as requests are signed. The ack is a 2xx whose body is the plain text{" "}
            <code>{LESSPAY_ACK}</code>; anything else is retried after {LESSPAY_RETRY_SECONDS.map(seconds).join(", ")} (
            {LESSPAY_RETRY_SECONDS.length + 1} attempts). <strong>Lesspay does not publish its retry schedule:</strong>{" "}
            this one is the project&apos;s guess.
          </li>
          <li>
            Risk events (they change no order status), after the payment&apos;s SUCCEED callback: a name containing
            “dispute” sends{" "}
            <code>
              {
                '{event: "dispute_received", pay_order_id, request_id, target_amount, target_currency, reason: "fraudulent"}'
              }
            </code>
            ; “riskdecline” sends <code>event: &quot;payment_declined&quot;</code>. Same signature and ack. On demand:{" "}
            <code>POST /emulators/lesspay/orders/&lt;payOrderId&gt;/risk-event</code> with <code>{"{event}"}</code>{" "}
            (JSON or form).
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Guesses, not confirmed by Lesspay: the retry schedule; the {seconds(LESSPAY_PROCESSING_SECONDS)} processing
          time of OpenAPI payments and that declines are reported by callback only; the failure texts; <code>msg</code>{" "}
          repeated in a FAILED callback; the risk events&apos; <code>reason</code>; the issuer values;{" "}
          <code>payOrderDetailIdEncode</code> as random hex; <code>pay_access_type</code>, <code>expiry_month</code> and{" "}
          <code>expiry_year</code> accepted only as JSON integers; the decimals rule (JPY 0, KWD 3, else 2); 401 for a
          body that is not JSON; the cashier sending a pending card to <code>success_url</code>. The callback&apos;s
          timestamp and signature are made once, when it is queued, and resent as they are. The test cards are the
          project&apos;s own.
        </p>
      </section>

      <section className="space-y-3" data-testid="forced-outcomes">
        <h2 className="text-xl font-semibold">Forced outcomes</h2>
        <p className="text-sm text-slate-600">
          Force the outcome of a provider&apos;s <em>next</em> payment, whatever card or name it uses (one-shot: the
          next payment the emulator creates takes it). The outcome replaces the card&apos;s on card flows. Faults answer
          that create-payment call badly: <code>timeout</code> (held {TIMEOUT_HOLD_SECONDS} s unless the hold says
          otherwise, then 504), <code>http_500</code>, <code>html</code> (a proxy&apos;s 502 page),{" "}
          <code>malformed_json</code> (a 200 with cut-off JSON). A fault stores nothing, unless <em>after charging</em>{" "}
          is set: then the payment is made and approved first (its notification follows the mode below) and only the
          answer is lost. A hold keeps a stored payment&apos;s answer back that many real seconds (with{" "}
          <code>approve</code>: then answers normally). The charges a provider recorded for a merchant reference:{" "}
          <code>GET /emulators/control/&lt;provider&gt;/charges?reference=…</code>. Notifications: delayed by the given
          seconds (scaled), duplicated count times (default 2), out of order (the final one followed by a stale earlier
          status, {OUT_OF_ORDER_GAP_SECONDS} s later unless seconds say otherwise), dropped, or sent with a corrupted
          signature. API: <code>GET|POST|DELETE /emulators/control/&lt;provider&gt;/next-payment</code>; notifications
          of a payment at <code>/emulators/control/&lt;provider&gt;/notifications?reference=…</code>, replay with{" "}
          <code>POST …/notifications/&lt;id&gt;/replay</code>. Every POST is JSON (
          <code>Content-Type: application/json</code>, even without a body) and none is taken from another site (403).
          On a public deployment every control request needs an operator&apos;s session or{" "}
          <code>Authorization: Bearer $EMULATOR_CONTROL_TOKEN</code>.
        </p>
        {mayForce ? (
          <div className="grid gap-3 md:grid-cols-2">
            {forced.map(({ provider, enabled, pending }) => (
              <ForcedOutcomeForm
                key={provider}
                provider={provider}
                label={
                  { pingpayments: "Ping Payments", pingpong: "PingPongCheckout", antom: "Antom", lesspay: "Lesspay" }[
                    provider
                  ]
                }
                initial={pending}
                noSignature={provider === "pingpayments"}
                disabledReason={
                  enabled
                    ? undefined
                    : "Control is disabled: the shop's base URL for this provider points at the real provider."
                }
              />
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-700" data-testid="forced-outcomes-sign-in">
            <Link href="/login?callbackUrl=%2Femulators" className="underline">
              Sign in as an operator to force outcomes
            </Link>{" "}
            (this is a public demo: anyone may read the test data, only an operator may change the emulators).
          </p>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Latest notifications sent</h2>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid="outbox">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="p-3">#</th>
              <th className="p-3">Provider</th>
              <th className="p-3">About</th>
              <th className="p-3">Status</th>
              <th className="p-3">Attempts</th>
              <th className="p-3">Last answer</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {deliveries.map((row) => (
              <tr key={row.id}>
                <td className="p-3">{row.id}</td>
                <td className="p-3">{row.provider}</td>
                <td className="p-3 font-mono text-xs">{row.subject}</td>
                <td className="p-3">{row.status}</td>
                <td className="p-3">{row.attempts}</td>
                <td className="p-3">{row.lastHttpStatus ?? row.lastError ?? "—"}</td>
              </tr>
            ))}
            {deliveries.length === 0 && (
              <tr>
                <td colSpan={6} className="p-4 text-center text-slate-500">
                  Nothing sent yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </main>
  );
}
