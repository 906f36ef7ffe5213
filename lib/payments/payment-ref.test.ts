import { describe, expect, it } from "vitest";
import type { Payment } from "@/lib/db/schema";
import { paymentRefOf } from "./payment-ref";

const row: Payment = {
  id: "pay_1",
  orderId: "ord_1",
  provider: "pingpayments",
  method: "card",
  status: "partially_refunded",
  idempotencyKey: "key_1",
  amount: 2500,
  currency: "SEK",
  captureMode: "manual",
  capturedAmount: 2000,
  refundedAmount: 500,
  providerPaymentId: "ping_1",
  providerData: { payment_order_id: "po_1" },
  saveCard: true,
  merchantInitiated: true,
  startAnswerUnknown: false,
  nextActionType: "redirect",
  nextActionUrl: "https://provider.example/pay",
  nextActionQr: null,
  nextActionExpiresAt: null,
  nextActionSdkTrigger: { opaque: "x" },
  cardBrand: "visa",
  cardFirst6: "424242",
  cardLast4: "4242",
  cardExpiry: "12/34",
  avsResult: null,
  cvvResult: null,
  threeDsResult: null,
  failureCode: null,
  failureMessage: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe("paymentRefOf", () => {
  it("tells the adapter the references on both sides and the money, nothing of the shop's own", () => {
    expect(paymentRefOf(row)).toStrictEqual({
      paymentId: "pay_1",
      providerPaymentId: "ping_1",
      amount: 2500,
      currency: "SEK",
      captureMode: "manual",
      capturedAmount: 2000,
      refundedAmount: 500,
      providerData: { payment_order_id: "po_1" },
    });
  });

  it("a payment the provider has not named yet: no provider id, no references", () => {
    const ref = paymentRefOf({ ...row, providerPaymentId: null, providerData: null });
    expect(ref.providerPaymentId).toBeUndefined();
    expect(ref.providerData).toStrictEqual({});
  });

  it("hands a copy of the provider's references: an adapter cannot change the row", () => {
    const ref = paymentRefOf(row);
    (ref.providerData as Record<string, string>).payment_order_id = "changed";
    expect(row.providerData).toStrictEqual({ payment_order_id: "po_1" });
  });
});
