import { CHALLENGE_PASS_CODE } from "../test-cards";
import {
  CALLBACK_ACK as LESSPAY_ACK,
  CALLBACK_RETRY_SECONDS as LESSPAY_RETRY_SECONDS,
  CASHIER_STATUS_SCRIPTS as LESSPAY_STATUS_SCRIPTS,
  FAIL_REASONS as LESSPAY_FAIL_REASONS,
  ISSUER as LESSPAY_ISSUER,
  LATE_CALLBACK_SECONDS as LESSPAY_LATE_SECONDS,
  lesspaySettings,
  ORDER_STATUS as LESSPAY_ORDER_STATUS,
  PENDING_SETTLES_AFTER_SECONDS as LESSPAY_SETTLES_AFTER_SECONDS,
  PROCESSING_SECONDS as LESSPAY_PROCESSING_SECONDS,
  REFUND_AFTER_SECONDS as LESSPAY_REFUND_AFTER_SECONDS,
  TIMESTAMP_WINDOW_MS as LESSPAY_TIMESTAMP_WINDOW_MS,
} from "./config";
import { seconds, shownCard } from "../catalogue-format";
import { CallbackBehaviourItems, OutcomesTable } from "../catalogue-parts";

/** Lesspay: its API, the cashier's outcomes, callbacks and risk events. */
export function LesspayCatalogue() {
  return (
    <section className="space-y-3" data-testid="lesspay-section">
      <h2 className="text-xl font-semibold">Lesspay 2.0 (card gateway)</h2>
      <p className="text-sm text-slate-600">
        API at <code>/emulators/lesspay/api/global/v1/pay/create-order</code> and{" "}
        <code>/emulators/lesspay/api/global/v1/pay/query-order</code>, POST JSON. Headers <code>x-auth-appid</code> (
        <code>{lesspaySettings().appId}</code>, env <code>EMULATOR_LESSPAY_APP_ID</code>), <code>X-Auth-Timestamp</code>{" "}
        (milliseconds; not signed; more than {LESSPAY_TIMESTAMP_WINDOW_MS / 60_000} minutes from the emulator&apos;s
        clock is a 401, a guess) and <code>x-auth-signature</code>: the body&apos;s top-level fields without null or
        empty values, objects and arrays as <code>key=&lt;JSON&gt;</code>, sorted by ASCII, joined with{" "}
        <code>&amp;</code>, then <code>&amp;key=&lt;appSecret&gt;</code> (env <code>EMULATOR_LESSPAY_APP_SECRET</code>;
        a secret is never shown on a page, the default is in <code>lib/emulators/lesspay/config.ts</code>), SHA-256,
        uppercase hex. A missing header, an unknown app id or a bad signature is HTTP 401{" "}
        <code>{"{code: 401, msg}"}</code>; everything else is HTTP 200 <code>{"{code, msg, data}"}</code>.
      </p>
      <OutcomesTable
        testId="lesspay-outcomes"
        columns={[
          "Card or action",
          "Cashier (pay_access_type 1)",
          "OpenAPI (pay_access_type 2, extra_type card or token)",
        ]}
      >
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
              The bank page (One-time code, Confirm): {CHALLENGE_PASS_CODE} → SUCCEED, 303 to <code>success_url</code>;
              any other code → FAILED ({LESSPAY_FAIL_REASONS.authentication_failed}), 303 to <code>fail_url</code>; a
              callback either way
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
              {LESSPAY_FAIL_REASONS.expired_card}”. The cashier&apos;s Cancel link: 4 CANCELED and its callback, 303 to{" "}
              <code>fail_url</code>.
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
              The page&apos;s “Save this card” box (a top-level <code>store_for_future_use</code> is not documented, so
              not read)
            </td>
            <td className="p-3">
              <code>card_data.store_for_future_use: true</code>; later{" "}
              <code>{'{extra_type: "token", token_data: {token}}'}</code> charges that card with the original
              card&apos;s outcome (challenged only if it is the challenge card). Unknown token: code 11{" "}
              <code>token_data.token is not valid</code>
            </td>
          </tr>
        </tbody>
      </OutcomesTable>
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
        <CallbackBehaviourItems
          lateSeconds={LESSPAY_LATE_SECONDS}
          silentNote="; the order still settles and query-order shows it"
        />
        <li>
          POST JSON{" "}
          <code>
            {
              "{api_version, description, fail_url, success_url, product_name, order_status, order_status_int, pay_order_id, request_id, target_amount, target_currency, channel_biz_data?, fail_reason?}"
            }
          </code>{" "}
          with <code>x-auth-appid</code>, <code>X-Auth-Timestamp</code> and <code>x-auth-signature</code> over the body,
          exactly as requests are signed. The ack is a 2xx whose body is the plain text <code>{LESSPAY_ACK}</code>;
          anything else is retried after {LESSPAY_RETRY_SECONDS.map(seconds).join(", ")} (
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
          <code>POST /emulators/lesspay/orders/&lt;payOrderId&gt;/risk-event</code> with <code>{"{event}"}</code> (JSON
          or form).
        </li>
      </ul>
      <p className="text-xs text-slate-600">
        Guesses, not confirmed by Lesspay: the retry schedule; the {seconds(LESSPAY_PROCESSING_SECONDS)} processing time
        of OpenAPI payments and that declines are reported by callback only; the failure texts; <code>msg</code>{" "}
        repeated in a FAILED callback; the risk events&apos; <code>reason</code>; the issuer values;{" "}
        <code>payOrderDetailIdEncode</code> as random hex; <code>pay_access_type</code>, <code>expiry_month</code> and{" "}
        <code>expiry_year</code> accepted only as JSON integers; the decimals rule (JPY 0, KWD 3, else 2); 401 for a
        body that is not JSON; the cashier sending a pending card to <code>success_url</code>. The callback&apos;s
        timestamp and signature are made once, when it is queued, and resent as they are. The test cards are the
        project&apos;s own.
      </p>
    </section>
  );
}
