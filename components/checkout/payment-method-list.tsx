import type { PaymentMethod } from "@/lib/payments/types";

/** Radio list of the payment methods the registry offers for the order's currency. */
export function PaymentMethodList({ methods, error }: { methods: readonly PaymentMethod[]; error?: string }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-medium">Payment method</legend>
      {methods.length === 0 && <p className="text-sm text-red-700">No payment method accepts this currency.</p>}
      {methods.map((m, index) => (
        <label
          key={`${m.provider}:${m.method}`}
          className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-200 bg-white p-3 has-[:checked]:border-brand-500 has-[:checked]:ring-1 has-[:checked]:ring-brand-500"
        >
          <input type="radio" name="paymentMethod" value={`${m.provider}:${m.method}`} defaultChecked={index === 0} className="mt-1" />
          <span>
            <span className="block font-medium">{m.label}</span>
            <span className="block text-sm text-stone-500">{m.description}</span>
          </span>
        </label>
      ))}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
