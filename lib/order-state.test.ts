import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import english from "@/messages/en/orders.json";
import chinese from "@/messages/zh/orders.json";
import { ORDER_STATE_WORDS, ORDER_STATES, orderHeadlineOf, type ShownOrderState } from "./order-state";

const SHOWN_STATES = [...ORDER_STATES, "payment_canceled"] as const satisfies readonly ShownOrderState[];

const inEnglish = createTranslator({ locale: "en", messages: english });
const inChinese = createTranslator({ locale: "zh", messages: chinese });

describe("order states for the shopper: keys of the catalogue, in each language", () => {
  // The shopper's words as the shop said them before they moved to the catalogue.
  const shopperEnglish: Record<ShownOrderState, string> = {
    pending: "Waiting for payment",
    to_capture: "Confirmed — charged when it ships",
    capture_pending: "Confirmed — charged shortly",
    paid: "Paid",
    failed: "Payment failed",
    canceled: "Canceled",
    payment_canceled: "Payment canceled",
    refunded: "Refunded",
  };

  it("has a shopper's badge for every state, the English unchanged and the Chinese its own", () => {
    expect(Object.keys(ORDER_STATE_WORDS).sort()).toEqual([...SHOWN_STATES].sort());
    for (const state of SHOWN_STATES) {
      expect(inEnglish(`OrderState.${state}`), state).toBe(shopperEnglish[state]);
      expect(inChinese(`OrderState.${state}`), state).toMatch(/\p{Script=Han}/u);
    }
  });

  it("keeps the console's words in English, in the library", () => {
    expect(Object.fromEntries(SHOWN_STATES.map((state) => [state, ORDER_STATE_WORDS[state].operator]))).toEqual({
      pending: "Pending",
      to_capture: "To capture",
      capture_pending: "Authorized",
      paid: "Paid",
      failed: "Failed",
      canceled: "Canceled",
      payment_canceled: "Payment canceled",
      refunded: "Refunded",
    });
  });

  it("gives the order page a headline for every state, the English as before", () => {
    const headline = (state: (typeof ORDER_STATES)[number], canceled = false) =>
      inEnglish(`OrderPage.headline.${orderHeadlineOf(state, canceled)}`);
    expect(headline("paid")).toBe("Thank you, your order is paid");
    expect(headline("to_capture")).toBe("Thank you, your order is confirmed");
    expect(headline("capture_pending")).toBe("Thank you, your order is confirmed");
    expect(headline("failed")).toBe("The payment did not go through");
    expect(headline("failed", true)).toBe("The payment was canceled");
    expect(headline("canceled")).toBe("Your order is canceled");
    expect(headline("refunded")).toBe("Your order was refunded");
    expect(headline("pending")).toBe("Your order");
    for (const state of ORDER_STATES)
      for (const canceled of [false, true])
        expect(inChinese(`OrderPage.headline.${orderHeadlineOf(state, canceled)}`)).toMatch(/\p{Script=Han}/u);
  });

  it("words the paid note per state, in English as before and in Chinese with the same amount and email", () => {
    const values = { total: "$149.00", email: "pat@example.com" };
    expect(inEnglish("OrderPage.paidNote.to_capture", values)).toBe(
      "Your order is confirmed. You'll be charged $149.00 when it ships; nothing has been charged yet. A confirmation goes to pat@example.com.",
    );
    expect(inEnglish("OrderPage.paidNote.capture_pending", values)).toBe(
      "Your order is confirmed. The charge of $149.00 completes shortly. A confirmation goes to pat@example.com.",
    );
    expect(inEnglish("OrderPage.paidNote.paid", values)).toBe(
      "We have your payment of $149.00. A confirmation goes to pat@example.com.",
    );
    expect(inChinese("OrderPage.paidNote.to_capture", values)).toBe(
      "您的订单已确认。发货时将扣款 $149.00，目前尚未扣款。确认信息将发送至 pat@example.com。",
    );
  });

  it("says a QR payment that cannot close early waits, with the redirect's extra way only for a payment page", () => {
    expect(inEnglish("OrderPage.cannotCloseEarly", { redirect: "no" })).toBe(
      "We cannot close this payment early, so the order is never charged twice: finish it, or choose another way once it has expired.",
    );
    expect(inEnglish("OrderPage.cannotCloseEarly", { redirect: "yes" })).toBe(
      "We cannot close this payment early, so the order is never charged twice: finish it, or choose another way once it has expired or you have canceled it on the payment page.",
    );
    expect(inChinese("OrderPage.cannotCloseEarly", { redirect: "yes" })).toContain("或您已在支付页面取消");
    expect(inChinese("OrderPage.cannotCloseEarly", { redirect: "no" })).not.toContain("取消");
  });
});
