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
} from "./config";
import { devKeyFile } from "@/lib/dev-keys";
import { CHALLENGE_PASS_CODE } from "../test-cards";
import { seconds, shownCard } from "../catalogue-format";
import { CallbackBehaviourItems, OutcomesTable } from "../catalogue-parts";

/** Antom: its API, card outcomes, notifications. */
export function AntomCatalogue() {
  return (
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
        signs; env <code>ANTOM_MERCHANT_PRIVATE_KEY</code>), <code>data/antom/{devKeyFile("merchant", "public")}</code>{" "}
        (the emulator verifies, as Antom trusts the key uploaded to its dashboard; env{" "}
        <code>EMULATOR_ANTOM_MERCHANT_PUBLIC_KEY</code>), <code>data/antom/{devKeyFile("antom", "private")}</code> (the
        emulator signs answers and notifications; env <code>EMULATOR_ANTOM_PRIVATE_KEY</code>),{" "}
        <code>data/antom/{devKeyFile("antom", "public")}</code> (the merchant verifies; env{" "}
        <code>ANTOM_PUBLIC_KEY</code>
        ). Folder: <code>ANTOM_KEYS_DIR</code>.
      </p>
      <OutcomesTable
        testId="antom-outcomes"
        columns={["Card or action", "resultStatus \u00b7 what happens", "resultCode \u00b7 resultMessage"]}
      >
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
              {CHALLENGE_PASS_CODE}: S (captured or authorized as asked), <code>threeDSResult</code> eci {CHALLENGE_ECI}
              , version {THREE_DS_VERSION}; any other code: F. Either way PAYMENT_RESULT and a 303 to{" "}
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
              notification; SUCCESS after {seconds(ANTOM_SETTLES_AFTER_SECONDS)} (notified), or when inquired after that
              time
            </td>
            <td className="p-3">{ANTOM_RESULTS.inProcess.resultCode}</td>
          </tr>
          <tr>
            <td className="p-3">AVS / CVV (Antom&apos;s own rows)</td>
            <td className="p-3">
              <code>avsResultRaw</code> Y and <code>cvvResultRaw</code> M normally; billing <code>zipCode</code>{" "}
              {AVS_NO_MATCH_ZIP}: AVS N; CVV {CVV_NO_MATCH}: CVV N (still approved); a stored card paid without CVV: CVV
              U
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
              <code>isMerchantInitiated: true</code>, <code>merchantInitiatedType</code> UNSCHEDULED or RECURRING, with
              a stored card&apos;s <code>paymentMethodId</code> (else PARAM_ILLEGAL); never challenged; the first
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
      </OutcomesTable>
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
        <CallbackBehaviourItems lateSeconds={ANTOM_LATE_SECONDS} />
        <li>
          POSTed to <code>paymentNotifyUrl</code> (refunds: <code>refundNotifyUrl</code>), <code>notifyType</code>{" "}
          PAYMENT_RESULT, CAPTURE_RESULT or REFUND_RESULT, with <code>client-id</code>, <code>request-time</code> and a{" "}
          <code>signature</code> over the notify URL&apos;s pathname. The ack is HTTP 2xx with a JSON body whose{" "}
          <code>result.resultCode</code> is SUCCESS and <code>result.resultStatus</code> S (
          <code>{JSON.stringify(ANTOM_ACK)}</code>); anything else is retried after{" "}
          {ANTOM_RETRY_SECONDS.map(seconds).join(", ")} ({ANTOM_RETRY_SECONDS.length + 1} attempts in 24 h).
        </li>
      </ul>
      <p className="text-xs text-slate-600">
        Guesses, not confirmed by Antom: the result messages; CAPTURE_RESULT and REFUND_RESULT bodies;{" "}
        <code>captureRequestId</code> of an automatic capture (the paymentRequestId); the 3DS ECI {CHALLENGE_ECI};{" "}
        <code>cardBrand</code>, <code>cardNo</code> and <code>cardToken</code> in <code>paymentResultInfo</code>; the
        card token format; INVALID_CLIENT for a client id on the other environment&apos;s path; CVV U for a stored card
        paid without CVV; the single partial capture; ORDER_NOT_EXIST for an unknown refund;{" "}
        <code>paymentNotifyUrl</code> optional (no notification without it) and <code>env.clientIp</code> required
        except for MIT. The notification&apos;s <code>request-time</code> and signature are made once, when it is
        queued, and resent as they are. The AVS / CVV rows and the test cards are the project&apos;s own.
      </p>
    </section>
  );
}
