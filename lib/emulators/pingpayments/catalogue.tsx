import {
  DECLINE_REASONS,
  LATE_CALLBACK_SECONDS,
  PENDING_SETTLES_AFTER_SECONDS,
  pingEmulatorTenant,
  STATUS_CALLBACK_RETRY_SECONDS,
} from "./config";
import { seconds, shownCard } from "../catalogue-format";
import { CallbackBehaviourItems, OutcomesTable } from "../catalogue-parts";

/** Ping Payments with PaymentIQ: its API, the PaymentIQ page's outcomes, its status callbacks. */
export function PingPaymentsCatalogue() {
  return (
    <section className="space-y-3">
      <h2 className="text-xl font-semibold">Ping Payments with PaymentIQ</h2>
      <p className="text-sm text-slate-600">
        API at <code>/emulators/pingpayments/api/v1</code>, documented endpoints only: create and get a payment order,
        close, split and settle it (split needs a completed payment, settle a split order), create and get a payment (no
        list of an order&apos;s payments); hosted PaymentIQ checkout at{" "}
        <code>/emulators/pingpayments/paymentiq/checkout/&lt;payment id&gt;</code>. Headers <code>tenant_id</code> and{" "}
        <code>x-api-secret</code> are checked (403); bad bodies, a split tree or merchant the tenant does not have (
        <code>{pingEmulatorTenant().splitTreeIds[0]}</code>, <code>{pingEmulatorTenant().merchantIds[0]}</code>) and
        non-ISO 4217 currencies get 422 with <code>{"{errors: [{error, description, property}]}"}</code>; unknown ids
        and routes 404 in that shape.
      </p>
      <OutcomesTable columns={["On the PaymentIQ page", "Payment status", "Reason (status_reason)"]}>
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
      </OutcomesTable>
      <h3 className="pt-2 font-medium">Status callbacks, scripted by the cardholder name</h3>
      <ul className="list-disc space-y-1 pl-6 text-sm text-slate-700">
        <CallbackBehaviourItems lateSeconds={LATE_CALLBACK_SECONDS} lead="Name contains" />
        <li>
          A callback not answered with 2xx is retried after {STATUS_CALLBACK_RETRY_SECONDS.map(seconds).join(", ")} (
          {STATUS_CALLBACK_RETRY_SECONDS.length + 1} attempts in all).
        </li>
      </ul>
      <p className="text-xs text-slate-600">
        Where the public docs are silent the emulator guesses, and says so: the callback body (
        <code>payment_id, payment_order_id, status</code>), the statuses DECLINED / CANCELLED / CRASHED,{" "}
        <code>status_reason</code>, the fields of the GET answers, the error codes other than{" "}
        <code>payment_order_closed</code>, the preconditions of split and settle and the retry schedule are guesses. The
        shop believes a callback only after its own GET of the payment.
      </p>
    </section>
  );
}
