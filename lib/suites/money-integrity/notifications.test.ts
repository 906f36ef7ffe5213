// @module-tag emulator-internals
// Money integrity, notification side: a verified notification reporting one minor unit more or
// less, or another currency, never marks a payment paid; it is recorded once as an integrity
// failure, and the console's payments list marks the payment. In a 2-, a 0- and a 3-decimal
// currency, through each provider's own wire format (PingPong "19.990000", Lesspay "19.99",
// Antom minor-unit strings, Ping Payments integers in its GET).
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { listPaymentEvents, listPaymentsPage } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import { closeSqlite } from "@/lib/sqlite";
import { DRIVERS, paymentNow, post, PROVIDERS, type Money, type TestPayment } from "@/lib/testing/proof-drivers";
import { lesspayPayload, lesspayRequest } from "@/lib/emulators/lesspay/proof-driver";
import { operatorCookie } from "@/lib/testing/shop-observations";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

const created: TestPayment[] = [];

afterAll(async () => {
  for (const payment of created)
    await transitionPayment(payment.id, "failed", {}, { provider: payment.provider, summary: "test clean-up" });
  closeSqlite(process.env.DATABASE_PATH!);
  closeSqlite(process.env.EMULATOR_DATABASE_PATH!);
});

/** A 2-, a 0- and a 3-decimal currency, and another currency to report instead. */
const PRICES: { amount: number; currency: string; other: string }[] = [
  { amount: 1999, currency: "USD", other: "EUR" },
  { amount: 1500, currency: "JPY", other: "USD" },
  { amount: 12345, currency: "KWD", other: "USD" },
];

type Mismatch = "one unit more" | "one unit less" | "another currency";
const reported = (price: Money & { other: string }, mismatch: Mismatch): Money =>
  mismatch === "one unit more"
    ? { amount: price.amount + 1, currency: price.currency }
    : mismatch === "one unit less"
      ? { amount: price.amount - 1, currency: price.currency }
      : { amount: price.amount, currency: price.other };

const integrityFailures = async (payment: TestPayment) =>
  (await listPaymentEvents(payment.id)).filter((e) => e.type === "integrity_failure");
const listedMark = async (payment: TestPayment) =>
  (await listPaymentsPage({ q: payment.id }, undefined, 5)).find((row) => row.id === payment.id)?.integrityFailure;

/** The payment under test: waiting for the provider, whose notification reports `money`. */
async function paymentReporting(
  provider: string,
  price: Money,
  money: Money,
): Promise<{ payment: TestPayment; notify: () => ReturnType<typeof post> }> {
  const driver = DRIVERS[provider];
  const payment = await driver.create({ ...price, status: "requires_action" });
  created.push(payment);
  const request = await driver.notification(payment, "succeeded", money);
  return { payment, notify: () => post(provider, request) };
}

/** What the provider says afterwards: the right money (where a confirming call is believed, that call says so too). */
async function genuine(payment: TestPayment) {
  return post(payment.provider, await DRIVERS[payment.provider].notification(payment, "succeeded"));
}

const cases = PROVIDERS.flatMap((provider) =>
  PRICES.flatMap((price) =>
    (["one unit more", "one unit less", "another currency"] as const).map(
      (mismatch) => [provider, `${price.amount} ${price.currency}`, mismatch, price] as const,
    ),
  ),
);

describe("a notification reporting other money", () => {
  it.each(cases)(
    "%s, payment of %s, report of %s: not paid, one integrity failure, marked in the console",
    async (provider, _label, mismatch, price) => {
      const money = reported(price, mismatch);
      const { payment, notify } = await paymentReporting(provider, price, money);
      expect(await listedMark(payment)).toBe(false);

      const first = await notify();
      expect(first.status, first.text).toBe(422);
      expect((await paymentNow(payment)).status).toBe("requires_action");
      expect((await findOrder(payment.orderId))!.status).toBe("pending");
      const failures = await integrityFailures(payment);
      expect(failures).toHaveLength(1);
      expect(failures[0].summary).toContain(`${money.amount} ${money.currency}`);
      expect(failures[0].summary).toContain(`${price.amount} ${price.currency}`);
      expect(await listedMark(payment)).toBe(true);

      // The provider resends it (it was not acknowledged): still not paid, still one record, no new row.
      const rows = (await listPaymentEvents(payment.id)).length;
      expect((await notify()).status).toBe(422);
      expect(await integrityFailures(payment)).toHaveLength(1);
      expect(await listPaymentEvents(payment.id)).toHaveLength(rows);
      expect((await paymentNow(payment)).status).toBe("requires_action");

      // The record does not stand in the way of the right notification, nor does the mark go away.
      const right = await genuine(payment);
      expect(DRIVERS[provider].isAck(right), `${right.status} ${right.text}`).toBe(true);
      expect((await paymentNow(payment)).status).toBe("succeeded");
      expect(await listedMark(payment)).toBe(true);
    },
  );
});

describe("Lesspay's 12 PAID (amount differs)", () => {
  it("is an integrity failure even when target_amount is the payment's", async () => {
    const payment = await DRIVERS.lesspay.create({ amount: 1999, currency: "USD", status: "requires_action" });
    created.push(payment);
    const body = { ...lesspayPayload(payment, "succeeded"), order_status: "PAID", order_status_int: 12 };
    expect((await post("lesspay", lesspayRequest(body))).status).toBe(422);
    expect((await paymentNow(payment)).status).toBe("requires_action");
    expect(await integrityFailures(payment)).toHaveLength(1);
    expect(await listedMark(payment)).toBe(true);
  });
});

describe("a part (capture or refund) reporting more than the payment", () => {
  it("Antom: a capture of one unit more does not capture, and is an integrity failure", async () => {
    const payment = await DRIVERS.antom.create({
      amount: 1999,
      currency: "USD",
      status: "authorized",
      captureMode: "manual",
      withRef: true,
    });
    created.push(payment);
    const answer = await post("antom", await DRIVERS.antom.notification(payment, "captured", { amount: 2000 }));
    expect(answer.status).toBe(422);
    expect(await paymentNow(payment)).toMatchObject({ status: "authorized", capturedAmount: 0 });
    expect(await integrityFailures(payment)).toHaveLength(1);
  });
});

describe("the operator's payments list", () => {
  it("marks a payment with an integrity failure, and only such a payment (GET /admin/payments as the operator)", async () => {
    const flagged = await paymentReporting(
      "pingpong",
      { amount: 1999, currency: "USD" },
      { amount: 2000, currency: "USD" },
    );
    expect((await flagged.notify()).status).toBe(422);
    const clean = await DRIVERS.pingpong.create({ amount: 1999, currency: "USD", status: "requires_action" });
    created.push(clean);
    const cookie = await operatorCookie();
    const listed = async (payment: TestPayment) => {
      const response = await fetch(`${serverUrl()}/admin/payments?q=${payment.id}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(payment.id);
      return html.includes('data-testid="integrity-failure"');
    };
    expect(await listed(flagged.payment)).toBe(true);
    expect(await listed(clean)).toBe(false);
  });
});
