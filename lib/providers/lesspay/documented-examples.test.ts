import path from "node:path";
import { describe, expect, it } from "vitest";
import { ofKind } from "@/lib/testing/verified-notifications";
import * as documented from "@/lib/emulators/lesspay/documented-shapes";
import { ProviderError, type ApiCallRecord } from "@/lib/payments/types";
import { leavesMissingFromSource, loadDocumentedExamples } from "@/lib/testing/documented-examples";
import { inquiryOutcome } from "./inquiry";
import { storedCardOf } from "./mappers";
import { channelBizData, createOrderAnswer, orderOfQuery } from "./schemas";
import { lesspaySign } from "./signature";
import { verifyLesspayCallback } from "./webhook";

const examples = loadDocumentedExamples(path.join(__dirname, "fixtures"));
const example = <T = Record<string, unknown>>(name: string) => structuredClone(examples[name].example) as T;
const CREDENTIALS = { appId: "lp_app_test", appSecret: "test-secret" };
const CALL: ApiCallRecord = {
  method: "POST",
  url: "https://lesspay.test/api/global/v1/pay/query-order",
  status: 200,
  durationMs: 1,
};

/** The documented callback as Lesspay would deliver it: signed over its fields, with our app id. */
function delivered(body: Record<string, unknown>) {
  const headers = new Headers({
    "x-auth-appid": CREDENTIALS.appId,
    "x-auth-signature": lesspaySign(body, CREDENTIALS.appSecret),
  });
  return verifyLesspayCallback({ headers, body: JSON.stringify(body) }, CREDENTIALS);
}

/** The documented callback with another order status (the docs print only 2 SUCCEED). */
const callbackWithStatus = (statusInt: number, name: string) => ({
  ...example("payment-callback"),
  order_status: name,
  order_status_int: statusInt,
});

describe("Lesspay: the docs' own examples (seed 004)", () => {
  it.each(Object.keys(examples))("%s is printed in its source as it is", (name) => {
    expect(leavesMissingFromSource(examples[name])).toEqual([]);
  });

  it("has the examples of seed 004: three create-order answers, the callback and its channel_biz_data", () => {
    expect(Object.keys(examples).sort()).toEqual([
      "cashier-create-order-answer",
      "openapi-card-3ds-answer",
      "openapi-card-no-3ds-answer",
      "payment-callback",
      "token-acquisition-channel-biz-data",
    ]);
  });
});

describe("Lesspay: the shop reads the documented answers", () => {
  it.each([
    ["cashier-create-order-answer", "P2011337513994018818", "payurl"],
    ["openapi-card-3ds-answer", "P2011293075021299713", "payurl"],
    ["openapi-card-no-3ds-answer", "P2011293075021299713", undefined],
  ])("%s: the order id and whether there is a page to go to", (name, payOrderId, payDataType) => {
    const parsed = createOrderAnswer.parse(example(name));
    expect(parsed.code).toBe(0);
    expect(parsed.data?.order_data.payOrderId).toBe(payOrderId);
    expect(parsed.data?.order_data.payDataType).toBe(payDataType);
    expect(documented.createOrderAnswer.safeParse(example(name)).success).toBe(true);
  });

  it("reads the documented callback: SUCCEED is succeeded, 100.00 CNY is 10000 minor units, the ids, the token and nothing invented", () => {
    const verified = ofKind(delivered(example("payment-callback")), "payment-status");
    expect(verified).toMatchObject({
      providerPaymentId: "P2011789219984105474",
      merchantReference: "M20260115121901",
      status: "succeeded",
      amount: 10000,
      currency: "CNY",
      amountDiffers: false,
    });
    expect(verified.storedCredential).toStrictEqual({ token: "src_3oqxta2juhbevjaw72pgorkd5e" });
    expect(documented.paymentCallback.safeParse(example("payment-callback")).success).toBe(true);
  });

  it("reads channel_biz_data as documented: the card token only (no brand, last four or expiry from it)", () => {
    const { channel_biz_data } = example<{ channel_biz_data: unknown }>("token-acquisition-channel-biz-data");
    expect(storedCardOf(channelBizData.parse(channel_biz_data))).toStrictEqual({
      token: "src_3oqxta2juhbevjaw72pgorkd5e",
    });
    expect(documented.channelBizData.safeParse(channel_biz_data).success).toBe(true);
  });

  it("the documented shapes refuse the emulator's old invented channel_biz_data fields", () => {
    const { channel_biz_data } = example<{ channel_biz_data: Record<string, unknown> }>(
      "token-acquisition-channel-biz-data",
    );
    expect(
      documented.channelBizData.safeParse({ ...channel_biz_data, card_brand: "VISA", card_last4: "1111" }).success,
    ).toBe(false);
  });
});

describe("Lesspay: each documented order status, as the shop maps it from a callback", () => {
  it.each([
    [0, "PENDING_CONFIRM", "processing", undefined],
    [1, "PENDING_PAY", "processing", undefined],
    [3, "FAILED", "failed", "the_payment_failed"],
    [4, "CANCELED", "failed", "canceled"],
    [5, "REFUND", "refunded", undefined],
    [6, "CLOSED", "expired", "closed"],
  ] as const)("%i %s → %s", (statusInt, name, status, failure) => {
    const verified = ofKind(delivered(callbackWithStatus(statusInt, name)), "payment-status");
    expect(verified.status).toBe(status);
    expect(verified.failure?.code).toBe(failure);
    expect(verified.amountDiffers).toBe(false);
  });

  it("12 PAID (amount differs) is flagged as money that differs, even with the order's own amount", () => {
    const verified = delivered(callbackWithStatus(12, "PAID"));
    expect(verified).toMatchObject({ amount: 10000, currency: "CNY", amountDiffers: true });
  });
});

describe("Lesspay: query-order read tolerantly (its answer is not documented)", () => {
  const answerWith = (data: unknown) => ({ code: 0, msg: "SUCCESS", data });

  it("reads the callback's snake_case order: status, amount in minor units and the token", () => {
    const outcome = inquiryOutcome(answerWith(example("payment-callback")), CALL);
    expect(outcome).toMatchObject({
      status: "succeeded",
      providerPaymentId: "P2011789219984105474",
      reported: { amount: 10000, currency: "CNY" },
      storedCredential: { token: "src_3oqxta2juhbevjaw72pgorkd5e" },
    });
  });

  it("reads create-order's camelCase order_data: its id and state, and waits for the callback (no amount to check)", () => {
    const { data } = example<{ data: { order_data: unknown } }>("cashier-create-order-answer");
    expect(orderOfQuery(data)).toEqual({ payOrderId: "P2011337513994018818", statusInt: 1 });
    expect(orderOfQuery(data.order_data)).toEqual({ payOrderId: "P2011337513994018818", statusInt: 1 });
    expect(inquiryOutcome(answerWith(data), CALL)).toMatchObject({
      status: "processing",
      providerPaymentId: "P2011337513994018818",
    });
    const paid = { ...data, order_data: { ...(data.order_data as object), orderState: 2 } };
    const outcome = inquiryOutcome(answerWith(paid), CALL);
    expect(outcome.status).toBe("processing");
    expect(outcome).not.toHaveProperty("reported");
  });

  it("a camelCase order that ended unpaid is believed: 4 CANCELED is failed", () => {
    const { data } = example<{ data: { order_data: object } }>("cashier-create-order-answer");
    expect(inquiryOutcome(answerWith({ order_data: { ...data.order_data, orderState: 4 } }), CALL)).toMatchObject({
      status: "failed",
      failure: { code: "canceled" },
    });
  });

  it.each([[undefined], [null], [{}], [{ order_status: "SUCCEED" }], ["P123"]])(
    "an answer it cannot read (%j) is no news: wait for the callback",
    (data) => {
      expect(inquiryOutcome(answerWith(data), CALL)).toEqual({
        status: "processing",
        nextAction: { type: "none" },
        calls: [CALL],
      });
    },
  );

  it("12 PAID (amount differs) is never believed as paid, even with the order's amount", () => {
    const twelve = callbackWithStatus(12, "PAID");
    expect(() => inquiryOutcome(answerWith(twelve), CALL)).toThrow(ProviderError);
    expect(() => inquiryOutcome(answerWith(twelve), CALL)).toThrow(/not paid in full/);
  });

  it.each([
    [0, "processing"],
    [4, "failed"],
    [5, "refunded"],
    [6, "expired"],
  ] as const)("status %i from query-order → %s", (statusInt, status) => {
    expect(
      inquiryOutcome(
        answerWith({ ...example<Record<string, unknown>>("payment-callback"), order_status_int: statusInt }),
        CALL,
      ).status,
    ).toBe(status);
  });
});
