import { afterEach, describe, expect, it, vi } from "vitest";
import { createOrderRequest } from "@/lib/emulators/lesspay/documented-shapes";
import { minor } from "@/lib/money";
import type { PaymentRequest } from "@/lib/payments/types";
import { lesspay } from "./adapter";

afterEach(() => vi.unstubAllGlobals());

const URLS = {
  notificationUrl: "https://shop.test/api/webhooks/lesspay",
  returnUrl: "https://shop.test/return",
  errorUrl: "https://shop.test/error",
};
const ORDER: Partial<PaymentRequest> = {
  ...{
    paymentId: "pay_test000000000001",
    orderId: "ord_test",
    method: "card",
    captureMode: "automatic",
    amount: minor(1250),
    currency: "EUR",
  },
  ...{
    items: [{ name: "Kettle", unitAmount: minor(1250), quantity: 1 }],
    payer: { name: "Sam Shopper", email: "sam@example.com" },
    ...URLS,
  },
};

/** Runs createPayment against a stubbed gateway; answers the body the shop sent. */
async function sentBody(request: Partial<PaymentRequest>): Promise<unknown> {
  const fetch = vi.fn(async () =>
    Response.json({
      code: 0,
      msg: "SUCCESS",
      data: { order_data: { payOrderId: "P1", orderState: 1 }, pay_order_id: "P1" },
    }),
  );
  vi.stubGlobal("fetch", fetch);
  await lesspay.createPayment({ ...ORDER, ...request } as PaymentRequest);
  const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
  return JSON.parse(init.body as string);
}

const CARD = {
  number: "4111111111111111",
  expiryMonth: "12",
  expiryYear: "2034",
  cvc: "737",
  holderName: "Sam Shopper",
};

describe("Lesspay: the shop sends only what seed 004 documents", () => {
  it("a card to be saved: card_data has number, expiries, cvv and store_for_future_use, no holder name", async () => {
    const body = await sentBody({ card: CARD, saveCard: true });
    expect(createOrderRequest.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({
      target_amount: "12.50",
      target_currency: "EUR",
      channel_extra: {
        extra_type: "card",
        card_data: { expiry_month: 12, expiry_year: 2034, store_for_future_use: true },
      },
    });
  });

  it("the cashier: no top-level store_for_future_use, even when the shopper asked to save the card", async () => {
    const body = await sentBody({ method: "cashier", saveCard: true });
    expect(createOrderRequest.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ pay_access_type: 1 });
  });

  it("a stored card: token_data only", async () => {
    const body = await sentBody({ storedCredential: { token: "src_abc", kind: "card" } });
    expect(createOrderRequest.safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ channel_extra: { extra_type: "token", token_data: { token: "src_abc" } } });
  });
});
