import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import english from "@/messages/en/orders.json";
import chinese from "@/messages/zh/orders.json";
import { PAYMENT_STATUSES, type Payment } from "@/lib/db/schema";
import {
  attemptStatusOf,
  endingOf,
  shopperMethodLabel,
  waitingForOf,
  wasCanceled,
  type Ending,
  type WaitingFor,
} from "./shopper-words";

describe("wasCanceled", () => {
  it("reads a failure with a code its provider names as called off as canceled, in any case", () => {
    expect(wasCanceled({ provider: "pingpayments", status: "failed", failureCode: "CANCELLED" })).toBe(true);
    expect(wasCanceled({ provider: "pingpong", status: "failed", failureCode: "301006" })).toBe(true);
    expect(wasCanceled({ provider: "lesspay", status: "failed", failureCode: "Closed" })).toBe(true);
  });

  it("keeps a refusal, another provider's cancel code and a code-less failure as failures", () => {
    expect(wasCanceled({ provider: "pingpayments", status: "failed", failureCode: "DECLINED" })).toBe(false);
    expect(wasCanceled({ provider: "antom", status: "failed", failureCode: "301006" })).toBe(false);
    expect(wasCanceled({ provider: "pingpong", status: "failed", failureCode: null })).toBe(false);
  });

  it("reads a canceled or superseded attempt as canceled whatever its provider", () => {
    expect(wasCanceled({ provider: "antom", status: "canceled", failureCode: null })).toBe(true);
    expect(wasCanceled({ provider: "gone", status: "superseded", failureCode: null })).toBe(true);
  });
});

const inEnglish = createTranslator({ locale: "en", messages: english });
const inChinese = createTranslator({ locale: "zh", messages: chinese });

type Facts = Parameters<typeof waitingForOf>[1] & object;

function attempt(facts: Partial<Facts> = {}): Facts {
  return {
    provider: "antom",
    method: "card",
    status: "created",
    captureMode: "automatic",
    nextActionType: null,
    failureCode: null,
    failureMessage: null,
    startAnswerUnknown: false,
    ...facts,
  } as Facts;
}

const waiting = (t: typeof inEnglish, words: WaitingFor | null) =>
  words &&
  (words.key === "scanQr"
    ? t("OrderPage.waiting.scanQr", { method: words.method })
    : t(`OrderPage.waiting.${words.key}`));

const ending = (t: typeof inEnglish, words: Ending) =>
  words.key === "providerMessage"
    ? t("PaymentAttempt.ending.providerMessage", { message: words.message })
    : t(`PaymentAttempt.ending.${words.key}`);

describe("what a pending order waits for: a key and its values", () => {
  const cases: [Partial<Facts>, string][] = [
    [{ status: "created" }, "Starting your payment…"],
    [
      { status: "requires_action", provider: "pingpong", method: "alipayhk", nextActionType: "qr" },
      "Waiting for you to scan the QR code and pay with AlipayHK.",
    ],
    [
      { status: "requires_action", provider: "gone", method: "qr", nextActionType: "qr" },
      "Waiting for you to scan the QR code and pay with your app.",
    ],
    [
      { status: "requires_action", nextActionType: "redirect" },
      "Waiting for you to confirm the payment with your bank.",
    ],
    [
      { status: "requires_action", provider: "pingpong", method: "alipay", nextActionType: "redirect" },
      "Waiting for you to finish paying on the payment page. If you already have, this page updates by itself.",
    ],
    [
      { status: "requires_action", nextActionType: "sdk" as Facts["nextActionType"] },
      "Waiting for you to confirm the payment.",
    ],
    [
      { status: "processing", startAnswerUnknown: true },
      "We are confirming your payment. This page updates by itself; please do not pay again.",
    ],
    [{ status: "processing" }, "Your payment is being confirmed. This page updates by itself."],
    [{ status: "authorized" }, "Waiting for your payment to be confirmed."],
  ];

  it.each(cases)("%o reads in English as before, and in Chinese", (facts, before) => {
    const words = waitingForOf("pending", attempt(facts));
    expect(waiting(inEnglish, words)).toBe(before);
    expect(waiting(inChinese, words)).toMatch(/\p{Script=Han}/u);
  });

  it("names the wallet, not its provider, in both languages", () => {
    const words = waitingForOf("pending", attempt(cases[1][0]));
    expect(words).toEqual({ key: "scanQr", method: "AlipayHK" });
    expect(waiting(inChinese, words)).toBe("请扫描二维码，使用AlipayHK付款。");
  });

  it("waits for nothing once the order is no longer pending, or before any attempt", () => {
    expect(waitingForOf("paid", attempt({ status: "succeeded" }))).toBeNull();
    expect(waitingForOf("pending", undefined)).toBeNull();
  });
});

describe("an attempt's status: a key for every payment status", () => {
  const before: Record<string, string> = {
    created: "Starting",
    requires_action: "Waiting for you to confirm",
    processing: "Being confirmed",
    authorized: "Confirmed — charged shortly",
    succeeded: "Paid",
    partially_refunded: "Paid, partly refunded",
    refunded: "Refunded",
    canceled: "Canceled",
    failed: "Failed",
    expired: "Expired",
    superseded: "Replaced by another way to pay",
  };

  it("reads every status in English as before, and in Chinese", () => {
    expect([...PAYMENT_STATUSES].sort()).toEqual(Object.keys(before).sort());
    for (const status of PAYMENT_STATUSES) {
      const key = attemptStatusOf(attempt({ status }));
      expect(inEnglish(`PaymentAttempt.status.${key}`), status).toBe(before[status]);
      expect(inChinese(`PaymentAttempt.status.${key}`), status).toMatch(/\p{Script=Han}/u);
    }
  });

  it("tells a QR scan, a manual capture and a cancel apart", () => {
    const read = (facts: Partial<Facts>) => inEnglish(`PaymentAttempt.status.${attemptStatusOf(attempt(facts))}`);
    expect(read({ status: "requires_action", provider: "pingpong", method: "alipayhk", nextActionType: "qr" })).toBe(
      "Waiting for you to scan",
    );
    expect(read({ status: "authorized", captureMode: "manual" })).toBe("Confirmed — charged when it ships");
    expect(read({ provider: "pingpayments", status: "failed", failureCode: "cancelled_by_payer" })).toBe("Canceled");
  });
});

describe("why an attempt ended: a key, the provider's text only where it is plain", () => {
  const providers = ["PaymentIQ", "Ping Payments"];
  const cases: [Partial<Facts>, Ending, string][] = [
    [{ status: "superseded" }, { tone: "neutral", key: "superseded" }, "You chose another way to pay."],
    [
      { provider: "lesspay", status: "failed", failureCode: "closed" },
      { tone: "neutral", key: "canceled" },
      "The payment was canceled. Nothing was charged.",
    ],
    [
      { status: "expired" },
      { tone: "neutral", key: "expired" },
      "The payment expired before it was completed. Nothing was charged.",
    ],
    [
      { status: "failed", failureCode: "not_at_provider" },
      { tone: "failure", key: "notAtProvider" },
      "The payment did not go through, and nothing was charged. Please try again.",
    ],
    [
      { status: "failed", failureMessage: "The payer left the PaymentIQ checkout" },
      { tone: "failure", key: "declined" },
      "The payment did not go through.",
    ],
    [
      { status: "failed", failureMessage: "Insufficient funds" },
      { tone: "failure", key: "providerMessage", message: "Insufficient funds" },
      "Insufficient funds",
    ],
  ];

  it.each(cases)("%o", (facts, expected, before) => {
    const words = endingOf(attempt(facts), providers);
    expect(words).toEqual(expected);
    expect(ending(inEnglish, words)).toBe(before);
    expect(ending(inChinese, words)).toMatch(/\p{Script=Han}/u);
  });
});

describe("the way to pay as the shopper knows it", () => {
  it("names a wallet by its own name and leaves a card to the catalogue's word", () => {
    expect(shopperMethodLabel({ provider: "pingpong", method: "alipayhk" } as Payment)).toBe("AlipayHK");
    expect(shopperMethodLabel({ provider: "pingpayments", method: "card" } as Payment)).toBeNull();
    expect(shopperMethodLabel({ provider: "antom", method: "card" } as Payment)).toBeNull();
    expect(inEnglish("PaymentAttempt.card")).toBe("Card");
    expect(inChinese("PaymentAttempt.card")).toBe("银行卡");
  });
});
