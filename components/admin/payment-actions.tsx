"use client";

import { useActionState } from "react";
import {
  captureAction,
  chargeAgainAction,
  reconcileAction,
  refundAction,
  settleAction,
  voidAction,
} from "@/app/admin/actions";
import type { ActionState } from "@/lib/action-state";

function Result({ state }: { state: ActionState }) {
  if (state.error)
    return (
      <p role="alert" className="text-sm text-red-700">
        {state.error}
      </p>
    );
  if (state.message)
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  return null;
}

const button = "rounded-md bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60";

/** Asks the operator first: these actions move money. */
function confirmFirst(question: string) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    const amount = new FormData(event.currentTarget).get("amount");
    if (!window.confirm(typeof amount === "string" ? `${question} ${amount}?` : `${question}?`)) event.preventDefault();
  };
}

function AmountForm({
  label,
  action,
  pending,
  paymentId,
  amount,
  currency,
  busy,
}: {
  label: string;
  action: (formData: FormData) => void;
  pending: boolean;
  paymentId: string;
  amount: string;
  currency: string;
  busy: string;
}) {
  return (
    <form action={action} onSubmit={confirmFirst(`${label} ${currency}`)} className="space-y-1">
      <input type="hidden" name="paymentId" value={paymentId} />
      <label className="flex items-center gap-2 text-sm">
        {label} amount ({currency})
        <input
          name="amount"
          defaultValue={amount}
          className="w-28 rounded-md border border-stone-300 px-2 py-1 font-mono"
        />
      </label>
      <button type="submit" disabled={pending} className={button}>
        {pending ? busy : label}
      </button>
    </form>
  );
}

/** One button acting on the payment; `confirm` asks the operator first. */
function ButtonForm(props: {
  action: (formData: FormData) => void;
  pending: boolean;
  paymentId: string;
  confirm?: string;
  className: string;
  label: string;
  busy: string;
}) {
  return (
    <form action={props.action} onSubmit={props.confirm ? confirmFirst(props.confirm) : undefined}>
      <input type="hidden" name="paymentId" value={props.paymentId} />
      <button type="submit" disabled={props.pending} className={props.className}>
        {props.pending ? props.busy : props.label}
      </button>
    </form>
  );
}

/** Capture, refund (full or partial), void, settle and "ask the provider", as the payment's status allows. */
export function PaymentActions(props: {
  paymentId: string;
  canCapture: boolean;
  canRefund: boolean;
  canVoid: boolean;
  canReconcile: boolean;
  canSettle?: boolean;
  capturable: string;
  refundable: string;
  currency: string;
}) {
  const [captureState, capture, capturing] = useActionState<ActionState, FormData>(captureAction, {});
  const [refundState, refund, refunding] = useActionState<ActionState, FormData>(refundAction, {});
  const [voidState, voidIt, voiding] = useActionState<ActionState, FormData>(voidAction, {});
  const [reconcileState, reconcile, reconciling] = useActionState<ActionState, FormData>(reconcileAction, {});
  const [settleState, settle, settling] = useActionState<ActionState, FormData>(settleAction, {});
  const amountForm = (
    label: string,
    busy: string,
    amount: string,
    action: (formData: FormData) => void,
    pending: boolean,
  ) => (
    <AmountForm
      label={label}
      action={action}
      pending={pending}
      paymentId={props.paymentId}
      amount={amount}
      currency={props.currency}
      busy={busy}
    />
  );
  return (
    <div className="flex flex-wrap items-start gap-6">
      {props.canCapture && amountForm("Capture", "Capturing…", props.capturable, capture, capturing)}
      {props.canRefund && amountForm("Refund", "Refunding…", props.refundable, refund, refunding)}
      {props.canVoid && (
        <ButtonForm
          action={voidIt}
          pending={voiding}
          paymentId={props.paymentId}
          confirm="Void this authorization"
          className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-700 disabled:opacity-60"
          label="Void authorization"
          busy="Voiding…"
        />
      )}
      {props.canReconcile && (
        <ButtonForm
          action={reconcile}
          pending={reconciling}
          paymentId={props.paymentId}
          className="rounded-md border border-stone-400 px-3 py-1.5 text-sm disabled:opacity-60"
          label="Check status with provider"
          busy="Asking…"
        />
      )}
      {props.canSettle && (
        <ButtonForm
          action={settle}
          pending={settling}
          paymentId={props.paymentId}
          confirm="Settle this payment at the provider (pay it out)"
          className={button}
          label="Settle"
          busy="Settling…"
        />
      )}
      {/* Outside the forms: the answer stays on screen when the new status hides the form. */}
      <Result state={captureState} />
      <Result state={refundState} />
      <Result state={voidState} />
      <Result state={reconcileState} />
      <Result state={settleState} />
    </div>
  );
}

/** Merchant-initiated: charge one of the shopper's saved cards again for a copy of this order. */
export function ChargeAgainForm({ orderId, cards }: { orderId: string; cards: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(chargeAgainAction, {});
  return (
    <form
      action={action}
      onSubmit={confirmFirst("Charge the saved card again, without the shopper")}
      className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-4 text-sm"
    >
      <input type="hidden" name="orderId" value={orderId} />
      <label className="flex items-center gap-2">
        Charge again with
        <select name="credentialId" className="rounded-md border border-stone-300 px-2 py-1">
          {cards.map((card) => (
            <option key={card.id} value={card.id}>
              {card.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Charging…" : "Charge again (merchant-initiated)"}
      </button>
      <Result state={state} />
    </form>
  );
}
