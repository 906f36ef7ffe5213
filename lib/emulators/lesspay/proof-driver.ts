// Lesspay's part of the proof suites' notification driver (lib/testing/proof-driver.ts): its
// callbacks signed with this emulator's own signing code, as Lesspay signs them.
import { toDecimalString } from "@/lib/money";
import {
  uniqueDigits,
  type Money,
  type NotificationRequest,
  type Outcome,
  type ProofDriver,
  type TestPayment,
} from "@/lib/testing/proof-driver";
import { sign } from "./signature";

/** The shop's default Lesspay app (the test server runs with none set). */
export const LESSPAY = { appId: "lp_app_storefront_01", secret: "emulator-lesspay-app-secret" };

export function lesspayRequest(
  body: Record<string, unknown>,
  options: { appId?: string | null; secret?: string; signature?: string | null } = {},
): NotificationRequest {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "X-Auth-Timestamp": String(Date.now()),
  };
  const appId = options.appId === undefined ? LESSPAY.appId : options.appId;
  if (appId !== null) headers["x-auth-appid"] = appId;
  const signature = options.signature === undefined ? sign(body, options.secret ?? LESSPAY.secret) : options.signature;
  if (signature !== null) headers["x-auth-signature"] = signature;
  return { headers, body: JSON.stringify(body) };
}

const LESSPAY_STATUS: Partial<Record<Outcome, [number, string]>> = {
  processing: [1, "PENDING_PAY"],
  succeeded: [2, "SUCCEED"],
  failed: [3, "FAILED"],
  refunded: [5, "REFUND"],
  expired: [6, "CLOSED"],
};

export function lesspayPayload(
  payment: TestPayment,
  outcome: Outcome,
  money: Partial<Money> = {},
): Record<string, unknown> {
  const status = LESSPAY_STATUS[outcome];
  if (!status) throw new Error(`Lesspay notifies no ${outcome}`);
  const currency = money.currency ?? payment.currency;
  return {
    api_version: "V2",
    order_status: status[1],
    order_status_int: status[0],
    pay_order_id: payment.ref,
    request_id: payment.id,
    target_amount: toDecimalString(money.amount ?? payment.amount, currency),
    target_currency: currency,
    product_name: "Merchant Storefront order",
    ...(outcome === "failed" ? { fail_reason: "card_declined" } : {}),
  };
}

export const proofDriver: ProofDriver = {
  provider: "lesspay",
  outcomes: ["processing", "succeeded", "failed", "refunded", "expired"],
  terminals: [
    { reach: "failed", from: "requires_action" },
    { reach: "expired", from: "requires_action" },
    { reach: "refunded", from: "succeeded" },
  ],
  checkout: { method: "card", currency: "USD", cardInShop: true },
  // 2 SUCCEED, 12 PAID (amount differs) [doc: order status].
  holdsMoney: ["2", "12"],
  faults: { method: "card", currency: "USD", card: true },
  // Its cashier takes the card.
  hostedPage: (ref, { cardNumber }) => ({
    path: `/emulators/lesspay/cashier/${encodeURIComponent(ref)}/submit`,
    fields: { name: "Race Tester", number: cardNumber, expiry: "12/34", cvc: "737" },
  }),
  async reference() {
    return { ref: `P${uniqueDigits()}` };
  },
  async notification(payment, outcome, money) {
    return lesspayRequest(lesspayPayload(payment, outcome, money));
  },
  isAck: (response) => response.status === 200 && response.text.trim() === "SUCCESS",
};
