// @module-tag shop
// @module-tag pingpong
import { afterAll, describe, expect, it } from "vitest";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { pingPongSign } from "@/lib/providers/pingpong/signature";
import { closeSqlite } from "@/lib/sqlite";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

// The shop's default PingPong credentials (the test server runs with no PingPong env).
const ACC_ID = "2018092714313010016291";
const CLIENT_ID = "2018092714313010016";
const SALT = "emulator-pingpong-salt";

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

async function shopPayment(
  amount: number,
  currency = "USD",
  status: "requires_action" | "authorized" = "requires_action",
) {
  const transactionId = `TX${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const { id: paymentId, orderId } = await createTestPayment({
    provider: "pingpong",
    amount,
    currency,
    status,
    providerPaymentId: transactionId,
  });
  return { paymentId, orderId, transactionId };
}

/** The business content of a PAYMENT notification (another `notifyType` in `fields`) about one of the shop's payments. */
function about(payment: { paymentId: string; transactionId: string }, fields: Record<string, unknown>) {
  return {
    notifyType: "PAYMENT",
    merchantTransactionId: payment.paymentId,
    transactionId: payment.transactionId,
    ...fields,
  };
}

function notification(biz: Record<string, unknown>, salt = SALT, code = "000000") {
  const unsigned = {
    accId: ACC_ID,
    clientId: CLIENT_ID,
    signType: "SHA256",
    version: "1.0",
    code,
    description: "success",
    bizContent: JSON.stringify(biz),
  };
  return { ...unsigned, sign: pingPongSign(unsigned, salt) };
}

function post(body: unknown) {
  return fetch(`${serverUrl()}/api/webhooks/pingpong`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const statusChanges = async (paymentId: string) =>
  (await listPaymentEvents(paymentId)).filter((e) => e.type === "status_change");

describe("PingPong notifications", () => {
  it("applies a signed SUCCESS notification once, even delivered five times", async () => {
    const payment = await shopPayment(1999);
    const { paymentId, orderId } = payment;
    const body = notification(
      about(payment, { amount: "19.990000", currency: "USD", status: "SUCCESS", captureDelayHours: 0 }),
    );
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await findPayment(paymentId))!.status).toBe("succeeded");
    expect((await findOrder(orderId))!.status).toBe("paid");
    expect((await statusChanges(paymentId)).filter((e) => e.toStatus === "succeeded")).toHaveLength(1);
  });

  it("refuses a tampered notification with 401 and changes nothing", async () => {
    const payment = await shopPayment(1999);
    const { paymentId } = payment;
    const success = about(payment, { amount: "19.990000", currency: "USD", status: "SUCCESS" });
    const body = notification(success);
    const tampered = { ...body, bizContent: body.bizContent.replace('"SUCCESS"', '"FAILED"') };
    expect((await post(tampered)).status).toBe(401);
    expect((await post(notification(success, "wrong-salt"))).status).toBe(401);
    expect((await post({ ...body, sign: undefined })).status).toBe(401);
    expect((await findPayment(paymentId))!.status).toBe("requires_action");
    expect(await statusChanges(paymentId)).toHaveLength(1);
  });

  it("refuses a signed notification whose amount or currency differs", async () => {
    const payment = await shopPayment(1999);
    const posted = (amount: string, currency: string) =>
      post(notification(about(payment, { amount, currency, status: "SUCCESS" })));
    expect((await posted("1.990000", "USD")).status).toBe(422);
    expect((await posted("19.990000", "HKD")).status).toBe(422);
    expect((await findPayment(payment.paymentId))!.status).toBe("requires_action");
  });

  it("answers 404 for a transaction the shop does not know", async () => {
    const body = notification(
      about(
        { paymentId: "pay_unknown00000000", transactionId: "TX-unknown" },
        { amount: "1.000000", currency: "USD", status: "SUCCESS" },
      ),
    );
    expect((await post(body)).status).toBe(404);
  });

  it("does not move a succeeded payment back on a late PROCESSING", async () => {
    const payment = await shopPayment(500);
    const biz = about(payment, { amount: "5.000000", currency: "USD" });
    await post(notification({ ...biz, status: "SUCCESS" }));
    expect((await post(notification({ ...biz, status: "PROCESSING" }))).status).toBe(200);
    expect((await findPayment(payment.paymentId))!.status).toBe("succeeded");
  });

  it("shows a declined payment's reason", async () => {
    const payment = await shopPayment(500);
    const { paymentId, orderId } = payment;
    await post(notification(about(payment, { amount: "5.000000", currency: "USD", status: "FAILED" }), SALT, "301003"));
    expect(await findPayment(paymentId)).toMatchObject({
      status: "failed",
      failureCode: "301003",
      failureMessage: "Insufficient funds on the card.",
    });
    expect((await findOrder(orderId))!.status).toBe("failed");
  });

  it("counts refunds: a partial one, then the rest, each once", async () => {
    const { paymentId, transactionId } = await shopPayment(1000, "USD");
    const biz = { merchantTransactionId: paymentId, transactionId, amount: "10.000000", currency: "USD" };
    await post(notification({ ...biz, notifyType: "PAYMENT", status: "SUCCESS" }));
    const first = notification({
      ...biz,
      notifyType: "REFUND",
      status: "SUCCESS",
      refundId: "RF1",
      refundAmount: "4.000000",
    });
    await post(first);
    await post(first);
    expect(await findPayment(paymentId)).toMatchObject({ status: "partially_refunded", refundedAmount: 400 });
    await post(
      notification({ ...biz, notifyType: "REFUND", status: "SUCCESS", refundId: "RF2", refundAmount: "6.000000" }),
    );
    expect(await findPayment(paymentId)).toMatchObject({ status: "refunded", refundedAmount: 1000 });
  });

  it("cancels an authorized payment on VOID and expires a QR payment on CLOSE", async () => {
    const authorized = await shopPayment(700, "USD", "authorized");
    await post(
      notification(
        about(authorized, {
          notifyType: "VOID",
          amount: "7.000000",
          currency: "USD",
          status: "SUCCESS",
          voidId: "VD1",
        }),
      ),
    );
    expect((await findPayment(authorized.paymentId))!.status).toBe("canceled");
    const qr = await shopPayment(700, "HKD");
    await post(notification(about(qr, { notifyType: "CLOSE", amount: "7.000000", currency: "HKD", status: "CLOSED" })));
    expect(await findPayment(qr.paymentId)).toMatchObject({ status: "expired", failureCode: "closed" });
  });
});
