import "server-only";
import { fromDecimalString } from "@/lib/money";
import { ProviderError, type ApiCallRecord, type ProviderOutcome } from "@/lib/payments/types";
import { failureOfStatus, LESSPAY_STATUS, orderStatus, storedCardOf } from "./mappers";
import { orderOfQuery, queryAnswer } from "./schemas";

/** Lesspay's codes for "no such order" (1202, 5003) [doc: PROVIDERS.md §4 codes]. */
const NOT_FOUND_CODES = new Set([1202, 5003]);

/**
 * What the shop makes of a query-order answer. Its `data` is not documented [guess], so it is read
 * in either documented shape of an order (see `orderOfQuery`); an answer the shop cannot read, or
 * money without its amount and currency, is no news ("processing"): the callback will tell.
 */
export function inquiryOutcome(json: unknown, call: ApiCallRecord): ProviderOutcome {
  const parsed = queryAnswer.safeParse(json);
  if (parsed.success && NOT_FOUND_CODES.has(parsed.data.code)) {
    return {
      status: "failed",
      notAtProvider: true,
      nextAction: { type: "none" },
      failure: { code: "not_at_provider", message: "Lesspay has no record of this payment." },
      calls: [call],
    };
  }
  if (!parsed.success || parsed.data.code !== 0)
    throw new ProviderError("Lesspay could not say how the order stands", [call]);
  const waitForCallback: ProviderOutcome = { status: "processing", nextAction: { type: "none" }, calls: [call] };
  const order = orderOfQuery(parsed.data.data);
  if (!order) return waitForCallback;
  // 12 PAID (amount differs): never paid in full, whatever amount comes with it; the operator looks.
  if (order.statusInt === LESSPAY_STATUS.PAID_AMOUNT_DIFFERS) {
    throw new ProviderError(
      `Lesspay says ${order.payOrderId} is 12 PAID with an amount that differs from the order's: not paid in full, left to the operator`,
      [call],
    );
  }
  const status = orderStatus(order.statusInt);
  if (!status) return { ...waitForCallback, providerPaymentId: order.payOrderId };
  let reported: ProviderOutcome["reported"];
  if (order.amount !== undefined && order.currency !== undefined) {
    try {
      reported = { amount: fromDecimalString(order.amount, order.currency), currency: order.currency };
    } catch {
      throw new ProviderError(`Lesspay answered an amount that is not valid: ${order.amount} ${order.currency}`, [
        call,
      ]);
    }
  }
  // Money is believed only with its amount and currency (create-order's camelCase order has neither).
  if (!reported && (status === "succeeded" || status === "refunded"))
    return { ...waitForCallback, providerPaymentId: order.payOrderId };
  return {
    status,
    providerPaymentId: order.payOrderId,
    reported,
    nextAction: { type: "none" },
    failure: failureOfStatus(order.statusInt, order.failReason),
    storedCredential: storedCardOf(order.channelBizData),
    calls: [call],
  };
}
