import { createTranslator, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/locales";
import { CheckoutError, type CheckoutProblem } from "@/lib/payments/checkout-error";
import { findMethod } from "@/lib/payments/registry";
import { methodName, methodNote, walletName } from "./method-words";
import { fieldErrorWords, refusalWords, tooManyWords } from "./refusal-words";

async function wordsIn(locale: Locale) {
  const messages = (await loadMessages(locale)) as Messages;
  return {
    errors: createTranslator({ locale, messages, namespace: "CheckoutErrors" }),
    payment: createTranslator({ locale, messages, namespace: "CheckoutPayment" }),
    locale,
  };
}

const ALIPAYHK = { provider: "pingpong", method: "alipayhk" };
const ANTOM_CARD = { provider: "antom", method: "card" };
const EXPIRES = new Date(Date.UTC(2026, 11, 3, 14, 5));

/** Each refusal the payment core words for a shopper, with its English message as the payment core writes it. */
const REFUSALS: [string, CheckoutProblem][] = [
  ["This order does not exist.", { code: "orderMissing" }],
  ["This order is already paid.", { code: "orderPaid" }],
  [
    "PingPongCheckout does not offer card in KWD.",
    { code: "methodNotOffered", provider: "PingPongCheckout", method: "card", currency: "KWD" },
  ],
  ["This wallet is not linked any more. Link it again in your account.", { code: "walletNotLinked" }],
  ["This saved card cannot be used for this order.", { code: "savedCardUnusable" }],
  ["Another payment for this order started at the same moment. Please check the order page.", { code: "attemptRace" }],
  ["This payment disappeared.", { code: "paymentDisappeared" }],
  [
    "Your Card payment for this order is still starting. Please wait a moment, then look at the order page.",
    { code: "attemptStarting", attempt: ANTOM_CARD },
  ],
  [
    "Your AlipayHK payment for this order is still being processed. Please wait for its result before you pay again.",
    { code: "attemptProcessing", attempt: ALIPAYHK },
  ],
  [
    'Your Card payment for this order is still open. Finish it, or choose "Pay another way" on the order page.',
    { code: "attemptOpen", attempt: ANTOM_CARD },
  ],
  [
    "We could not close your open Card payment. Finish it, or try again in a moment.",
    { code: "attemptNotClosed", attempt: ANTOM_CARD },
  ],
  [
    "Your AlipayHK payment for this order is still open, and PingPongCheckout cannot close it early. Scan its QR code to pay; you can pay another way once it has expired (at 14:05 UTC).",
    { code: "attemptOpenUntilExpiry", attempt: ALIPAYHK, provider: "PingPongCheckout", qr: true, until: EXPIRES },
  ],
  [
    "Your AlipayHK payment for this order is still open, and PingPongCheckout cannot close it early. Finish it on the payment page, or cancel it there; you can pay another way once it has expired.",
    { code: "attemptOpenUntilExpiry", attempt: ALIPAYHK, provider: "PingPongCheckout", qr: false, until: null },
  ],
];

describe("the checkout's refusals in the shopper's language", async () => {
  const english = await wordsIn("en");
  const chinese = await wordsIn("zh");

  it("words each refusal of the payment core in English exactly as the payment core writes it", () => {
    for (const [message, problem] of REFUSALS)
      expect(refusalWords(english, new CheckoutError(message, problem)), problem.code).toBe(message);
  });

  it("words each refusal in Chinese, with no English left but names and codes (a method id a forged form sent)", () => {
    for (const [message, problem] of REFUSALS) {
      const words = refusalWords(chinese, new CheckoutError(message, problem));
      expect(words, problem.code).toMatch(/[\u4e00-\u9fff]/);
      expect(words.replace(/PingPongCheckout|AlipayHK|KWD|UTC|card/g, ""), problem.code).not.toMatch(/[A-Za-z]{3,}/);
    }
    const alipay = { provider: "pingpong", method: "alipay" };
    expect(refusalWords(chinese, new CheckoutError("", { code: "attemptOpen", attempt: alipay }))).toBe(
      "此订单的支付宝付款尚未完成。请完成付款，或在订单页面选择“换一种方式付款”。",
    );
    expect(refusalWords(chinese, new CheckoutError("", REFUSALS.at(-2)![1]))).toContain(
      "请扫描二维码付款；付款过期后（UTC 时间 14:05）即可换一种方式付款。",
    );
  });

  it("keeps the English message of a refusal that names no problem (an operator's, never a shopper's)", () => {
    const operatorOnly = new CheckoutError("A merchant-initiated payment needs a saved card.");
    expect(refusalWords(chinese, operatorOnly)).toBe("A merchant-initiated payment needs a saved card.");
  });

  it("words the form's field errors by their keys, with each field's own limit, and keeps zod's own words", () => {
    const refused = { name: "nameMissing", city: "cityTooLong", checkoutToken: "Invalid UUID" };
    expect(fieldErrorWords(english.errors, refused)).toEqual({
      name: "Enter your full name.",
      city: "Enter a city of at most 100 characters.",
      checkoutToken: "Invalid UUID",
    });
    expect(fieldErrorWords(chinese.errors, refused)).toEqual({
      name: "请输入您的姓名。",
      city: "城市最多 100 个字符。",
      checkoutToken: "Invalid UUID",
    });
  });

  it("says how many minutes to wait after too many pay attempts, as a plural", () => {
    expect(tooManyWords(english.errors, { retryInMinutes: 1 })).toBe(
      "Too many payment attempts; try again in 1 minute.",
    );
    expect(tooManyWords(english.errors, { retryInMinutes: 10 })).toBe(
      "Too many payment attempts; try again in 10 minutes.",
    );
    expect(tooManyWords(chinese.errors, { retryInMinutes: 10 })).toBe("付款尝试次数过多，请在 10 分钟后再试。");
  });
});

describe("ways to pay as the shopper knows them", async () => {
  const { payment: english } = await wordsIn("en");
  const { payment: chinese } = await wordsIn("zh");
  const method = (provider: string, id: string) => findMethod(provider, id)!;

  it("names whatever takes a card Card, and wallets and QR methods by their own names", () => {
    expect(methodName(english, method("pingpayments", "card"))).toBe("Card");
    expect(methodName(chinese, method("lesspay", "cashier"))).toBe("银行卡");
    expect(methodName(chinese, method("pingpong", "wechatpay"))).toBe("微信支付");
    expect(methodName(chinese, method("pingpong", "alipay"))).toBe("支付宝");
    expect(methodName(chinese, method("pingpong", "alipayhk"))).toBe("AlipayHK");
    expect(methodNote(chinese, method("pingpong", "wechatpay"))).toBe("用微信扫描二维码。");
    expect(walletName(chinese, "ALIPAY")).toBe("支付宝");
    expect(walletName(chinese, "SomeWallet")).toBe("SomeWallet");
  });

  it("words wallets and QR methods in English exactly as their providers name them", () => {
    for (const id of ["alipayhk", "wechatpay", "alipay"]) {
      const m = method("pingpong", id);
      expect(methodName(english, m)).toBe(m.label);
      expect(methodNote(english, m)).toBe(m.description);
    }
  });

  it("keeps the provider's words for a method the catalogue does not know", () => {
    const unknown = { method: "newpay", kind: "qr" as const, label: "NewPay", description: "Scan with NewPay." };
    expect(methodName(chinese, unknown)).toBe("NewPay");
    expect(methodNote(chinese, unknown)).toBe("Scan with NewPay.");
  });
});
