import Link from "next/link";
import { STATUS_CALLBACK_RETRY_SECONDS, PENDING_SETTLES_AFTER_SECONDS, LATE_CALLBACK_SECONDS, DECLINE_REASONS } from "@/lib/emulators/pingpayments/config";
import { listOutbox } from "@/lib/emulators/outbox";
import { CALLBACK_BEHAVIOURS, CHALLENGE_PASS_CODE, TEST_CARDS } from "@/lib/emulators/test-cards";
import { timeScale } from "@/lib/emulators/clock";
import {
  APM_METHODS,
  CODES as PINGPONG_CODES,
  LATE_NOTIFICATION_SECONDS as PINGPONG_LATE_SECONDS,
  NOTIFICATION_RETRY_SECONDS as PINGPONG_RETRY_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS as PINGPONG_SETTLES_AFTER_SECONDS,
  QR_LIFETIME_SECONDS,
  pingpongMerchant,
} from "@/lib/emulators/pingpong/config";

export const metadata = { title: "Test data" };
export const dynamic = "force-dynamic";

function formatCard(number: string) {
  return number.length === 15 ? `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}` : number.replace(/(\d{4})(?=\d)/g, "$1 ");
}

function seconds(value: number) {
  return value >= 3600 ? `${value / 3600} h` : value >= 60 ? `${value / 60} min` : `${value} s`;
}

export default function EmulatorCatalogue() {
  const deliveries = listOutbox(200).reverse().slice(0, 30);
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-10 text-slate-900">
      <header className="space-y-2">
        <Link href="/" className="text-sm text-slate-500 underline">
          ← Back to the shop
        </Link>
        <h1 className="text-3xl font-semibold">Provider emulators: test data</h1>
        <p className="max-w-3xl text-slate-600">
          Every provider runs here as a local emulator that speaks its own wire format. No provider publishes test cards, so they share this catalogue: pick a
          card, an amount or a name to force an outcome. Any future expiry and any CVC work unless a row says otherwise. The emulator clock runs at ×{timeScale()}{" "}
          (set <code>EMULATOR_TIME_SCALE</code>).
        </p>
      </header>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Cards (every card-taking emulator)</h2>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid="test-cards">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="p-3">Card number</th>
              <th className="p-3">Brand</th>
              <th className="p-3">Outcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {TEST_CARDS.map((card) => (
              <tr key={card.number}>
                <td className="p-3 font-mono">{formatCard(card.number)}</td>
                <td className="p-3">{card.brand}</td>
                <td className="p-3">{card.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">Any other Luhn-valid number is approved. The 3-D Secure challenge code that passes is {CHALLENGE_PASS_CODE}.</p>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Ping Payments with PaymentIQ</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/pingpayments/api/v1</code> (payment orders, payments); hosted PaymentIQ checkout at{" "}
          <code>/emulators/pingpayments/paymentiq/checkout/&lt;payment id&gt;</code>. Headers <code>tenant_id</code> and <code>x-api-secret</code> are
          checked (403); bad bodies get 422 with <code>{"{errors: [{error, description, property}]}"}</code>; unknown ids 404.
        </p>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="p-3">On the PaymentIQ page</th>
              <th className="p-3">Payment status</th>
              <th className="p-3">Reason (status_reason)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr><td className="p-3">An approving card</td><td className="p-3">COMPLETED</td><td className="p-3">—</td></tr>
            <tr><td className="p-3">4000 0000 0000 0002</td><td className="p-3">DECLINED</td><td className="p-3">{DECLINE_REASONS.generic.code}: {DECLINE_REASONS.generic.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 9995</td><td className="p-3">DECLINED</td><td className="p-3">{DECLINE_REASONS.insufficient_funds.code}: {DECLINE_REASONS.insufficient_funds.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 0069</td><td className="p-3">DECLINED</td><td className="p-3">{DECLINE_REASONS.expired_card.code}: {DECLINE_REASONS.expired_card.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 3220, wrong code</td><td className="p-3">DECLINED</td><td className="p-3">{DECLINE_REASONS.three_ds_failed.code}</td></tr>
            <tr><td className="p-3">4000 0000 0000 0119</td><td className="p-3">PENDING, then COMPLETED after {seconds(PENDING_SETTLES_AFTER_SECONDS)}</td><td className="p-3">—</td></tr>
            <tr><td className="p-3">“Cancel and return to the merchant”</td><td className="p-3">CANCELLED</td><td className="p-3">cancelled_by_payer</td></tr>
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
            A callback not answered with 2xx is retried after {STATUS_CALLBACK_RETRY_SECONDS.map(seconds).join(", ")} ({STATUS_CALLBACK_RETRY_SECONDS.length + 1} attempts
            in all).
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Where the public docs are silent the emulator guesses, and says so: the callback body (<code>payment_id, payment_order_id, status</code>), the
          statuses DECLINED / CANCELLED / CRASHED, <code>status_reason</code> and the retry schedule are guesses. The shop believes a callback only after
          its own GET of the payment.
        </p>
      </section>

      <section className="space-y-3" data-testid="pingpong-section">
        <h2 className="text-xl font-semibold">PingPongCheckout (v4)</h2>
        <p className="text-sm text-slate-600">
          API at <code>/emulators/pingpong/v4</code>: <code>payment/unifiedPay</code>, <code>payment/refund</code>, <code>payment/void</code>,{" "}
          <code>transaction/query</code>, <code>refund/query</code>, <code>void/query</code> (all POST JSON). Envelope{" "}
          <code>{"{accId, clientId, signType, sign, version: \"1.0\", bizContent}"}</code>, signed{" "}
          <code>HEX(SHA256(salt + sorted k=v&amp;…))</code> (or MD5); answers are HTTP 200, signed the same way. Merchant: accId{" "}
          <code>{pingpongMerchant().accId}</code>, clientId <code>{pingpongMerchant().clientId}</code> (env <code>EMULATOR_PINGPONG_ACC_ID</code>,{" "}
          <code>EMULATOR_PINGPONG_CLIENT_ID</code>, <code>EMULATOR_PINGPONG_SALT</code>). Risk-control plugin at{" "}
          <code>/emulators/pingpong/static/risk-control/acquirerRiskControl.min.js</code>: a card payment needs the <code>jsGeneratedData</code> its{" "}
          <code>complexInit</code> returned for the same requestId.
        </p>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid="pingpong-outcomes">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="p-3">Card or action</th>
              <th className="p-3">Status</th>
              <th className="p-3">code · description</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr><td className="p-3">An approving card</td><td className="p-3">SUCCESS</td><td className="p-3">{PINGPONG_CODES.success.code} · {PINGPONG_CODES.success.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 0002</td><td className="p-3">FAILED</td><td className="p-3">{PINGPONG_CODES.declined.code} · {PINGPONG_CODES.declined.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 9995</td><td className="p-3">FAILED</td><td className="p-3">{PINGPONG_CODES.insufficientFunds.code} · {PINGPONG_CODES.insufficientFunds.description}</td></tr>
            <tr><td className="p-3">4000 0000 0000 0069</td><td className="p-3">FAILED</td><td className="p-3">{PINGPONG_CODES.expiredCard.code} · {PINGPONG_CODES.expiredCard.description}</td></tr>
            <tr>
              <td className="p-3">4000 0000 0000 3220</td>
              <td className="p-3">PROCESSING, <code>threeDContinue: &quot;true&quot;</code>; the plugin&apos;s complexTrigger opens the bank page</td>
              <td className="p-3">
                code {CHALLENGE_PASS_CODE}: SUCCESS · any other: FAILED {PINGPONG_CODES.threeDsFailed.code} · {PINGPONG_CODES.threeDsFailed.description}
              </td>
            </tr>
            <tr><td className="p-3">4000 0000 0000 0119</td><td className="p-3">PROCESSING, then SUCCESS after {seconds(PINGPONG_SETTLES_AFTER_SECONDS)} (notified)</td><td className="p-3">{PINGPONG_CODES.success.code}</td></tr>
            <tr>
              <td className="p-3">{Object.entries(APM_METHODS).filter(([, m]) => m.flow === "qr").map(([, m]) => m.label).join(" and ")} (QR code)</td>
              <td className="p-3">
                PROCESSING with <code>paymentQrCode</code> (the scan page&apos;s URL), valid {seconds(QR_LIFETIME_SECONDS)}; on the scan page “Approve payment”: SUCCESS,
                “Cancel payment”: FAILED; expiry (or <code>POST …/apm/&lt;id&gt;/expire</code>): CLOSED, also notified to <code>closeNotificationUrl</code>
              </td>
              <td className="p-3">cancel: {PINGPONG_CODES.shopperCancelled.code} · {PINGPONG_CODES.shopperCancelled.description}</td>
            </tr>
            <tr>
              <td className="p-3">{Object.entries(APM_METHODS).filter(([, m]) => m.flow === "redirect").map(([, m]) => m.label).join(", ")} (redirect)</td>
              <td className="p-3">
                PROCESSING with <code>paymentRedirectUrl</code>; approve: SUCCESS and back to <code>payResultUrl</code>; cancel: FAILED and back to{" "}
                <code>payCancelUrl</code> (else <code>payResultUrl</code>); <code>…/expire</code>: CLOSED
              </td>
              <td className="p-3">cancel: {PINGPONG_CODES.shopperCancelled.code}</td>
            </tr>
            <tr>
              <td className="p-3">refund</td>
              <td className="p-3">SUCCESS payment whose capture delay has passed; up to the amount not yet refunded</td>
              <td className="p-3">
                {PINGPONG_CODES.refundExceeds.code} over the refundable amount · {PINGPONG_CODES.wrongState.code} wrong state or inside the capture delay
              </td>
            </tr>
            <tr>
              <td className="p-3">void</td>
              <td className="p-3">SUCCESS payment still inside <code>captureDelayHours</code> (&gt; 0); the payment becomes CLOSED</td>
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
        <h3 className="pt-2 font-medium">Notifications, scripted by the cardholder name (cards) or customer.email (APMs)</h3>
        <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
          {CALLBACK_BEHAVIOURS.map((row) => (
            <li key={row.match}>
              Contains “{row.match}”: {row.description}
              {row.behaviour === "delayed" ? ` (${seconds(PINGPONG_LATE_SECONDS)})` : ""}.
            </li>
          ))}
          <li>
            Signed envelope POSTed to <code>notificationUrl</code>, <code>notifyType</code> PAYMENT, REFUND, VOID or CLOSE; any 2xx is the ack. Otherwise retried
            after {PINGPONG_RETRY_SECONDS.map(seconds).join(", ")} ({PINGPONG_RETRY_SECONDS.length + 1} attempts in all), the public docs&apos; schedule; seed 001
            says failures are retried 2 times.
          </li>
        </ul>
        <p className="text-xs text-slate-500">
          Guesses, not confirmed by PingPong: every code except {PINGPONG_CODES.declined.code} (the project&apos;s own, PingPong publishes few, and{" "}
          {PINGPONG_CODES.success.code} for success); status SUCCESS; the <code>/v4/transaction/query</code> path; the 3DS and wallet pages; the QR lifetime;
          the notification body fields beyond the answer&apos;s (notifyType, refundId, voidId, refundAmount); the capture-delay rules for refund and void; and the
          plugin&apos;s init call and <code>jsGeneratedData</code> contents (the real plugin talks to PingPong&apos;s risk servers).
        </p>
      </section>

      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Latest notifications sent</h2>
        <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid="outbox">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
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
