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

/**
 * A form acting on the payment: its id, `children` (its fields) and a button that says `busy` while
 * the action runs; `confirm` asks the operator first.
 */
function PaymentForm(props: {
  action: (formData: FormData) => void;
  pending: boolean;
  paymentId: string;
  confirm?: string;
  className?: string;
  buttonClassName: string;
  label: string;
  busy: string;
  children?: React.ReactNode;
}) {
  return (
    <form
      action={props.action}
      onSubmit={props.confirm ? confirmFirst(props.confirm) : undefined}
      className={props.className}
    >
      <input type="hidden" name="paymentId" value={props.paymentId} />
      {props.children}
      <button type="submit" disabled={props.pending} className={props.buttonClassName}>
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
  const form = (action: (formData: FormData) => void, pending: boolean) => ({
    action,
    pending,
    paymentId: props.paymentId,
  });
  /** Capture or refund: an amount in the payment's currency, `amount` at first. */
  const amountForm = (
    label: string,
    busy: string,
    amount: string,
    action: (formData: FormData) => void,
    pending: boolean,
  ) => (
    <PaymentForm
      {...form(action, pending)}
      confirm={`${label} ${props.currency}`}
      className="space-y-1"
      buttonClassName={button}
      label={label}
      busy={busy}
    >
      <label className="flex items-center gap-2 text-sm">
        {label} amount ({props.currency})
        <input
          name="amount"
          defaultValue={amount}
          className="w-28 rounded-md border border-stone-300 px-2 py-1 font-mono"
        />
      </label>
    </PaymentForm>
  );
  return (
    <div className="flex flex-wrap items-start gap-6">
      {props.canCapture && amountForm("Capture", "Capturing…", props.capturable, capture, capturing)}
      {props.canRefund && amountForm("Refund", "Refunding…", props.refundable, refund, refunding)}
      {props.canVoid && (
        <PaymentForm
          {...form(voidIt, voiding)}
          confirm="Void this authorization"
          buttonClassName="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-700 disabled:opacity-60"
          label="Void authorization"
          busy="Voiding…"
        />
      )}
      {props.canReconcile && (
        <PaymentForm
          {...form(reconcile, reconciling)}
          buttonClassName="rounded-md border border-stone-400 px-3 py-1.5 text-sm disabled:opacity-60"
          label="Check status with provider"
          busy="Asking…"
        />
      )}
      {props.canSettle && (
        <PaymentForm
          {...form(settle, settling)}
          confirm="Settle this payment at the provider (pay it out)"
          buttonClassName={button}
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
