import { useTranslations } from "next-intl";
import { ORDER_STATE_WORDS, TONE_CLASS, type ShownOrderState } from "@/lib/order-state";

/** An order's state in words: the shopper's (in their language) by default, the operator's (English) in the console. */
export function OrderStatusBadge({
  state,
  audience = "shopper",
}: {
  state: ShownOrderState;
  audience?: "shopper" | "operator";
}) {
  const t = useTranslations("OrderState");
  const words = ORDER_STATE_WORDS[state];
  return (
    <span
      className={`inline-block rounded-full px-3 py-1 text-sm font-semibold ${TONE_CLASS[words.tone]}`}
      data-testid="order-status"
      data-state={state}
    >
      {audience === "operator" ? words.operator : t(state)}
    </span>
  );
}
