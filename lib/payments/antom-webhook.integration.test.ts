// @module-tag shop
// @module-tag antom
import { afterAll, describe, expect, it } from "vitest";
import { antomKey } from "@/lib/providers/antom/dev-keys";
import { findOrder } from "@/lib/db/queries/orders";
import { findPayment, listPaymentEvents } from "@/lib/db/queries/payments";
import { transitionPayment } from "@/lib/payments/transitions";
import { antomSign, antomSignatureHeader } from "@/lib/providers/antom/signature";
import { OperatorActionError, refundPayment } from "@/lib/payments/operator-actions";
import { closeSqlite } from "@/lib/sqlite";
import { createTestPayment } from "@/lib/testing/shop-fixtures";
import { serverUrl } from "@/lib/testing/pingpayments-fixtures";

const CLIENT_ID = "SANDBOX_2026STOREFRONT01";
const ACK = { result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" } };

afterAll(() => closeSqlite(process.env.DATABASE_PATH!));

async function antomPayment(
  amount: number,
  captureMode: "automatic" | "manual" = "automatic",
  status: "processing" | "authorized" | "succeeded" = "processing",
) {
  const antomPaymentId = `2026${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const created = await createTestPayment({
    provider: "antom",
    amount,
    currency: "EUR",
    status,
    providerPaymentId: antomPaymentId,
    captureMode,
    capturedAmount: status === "succeeded" ? amount : undefined,
  });
  return { ...created, antomPaymentId };
}

/** A notifyPayment as Antom sends it, signed with the emulator's (Antom's) development key. */
function notify(body: Record<string, unknown>, options: { key?: string; path?: string; clientId?: string } = {}) {
  const text = JSON.stringify(body);
  const time = String(Date.now());
  const clientId = options.clientId ?? CLIENT_ID;
  const signature = antomSign(
    { path: options.path ?? "/api/webhooks/antom", clientId, time, body: text },
    options.key ?? antomKey("antomPrivate", "EMULATOR_ANTOM_PRIVATE_KEY"),
  );
  return fetch(`${serverUrl()}/api/webhooks/antom`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "client-id": clientId,
      "request-time": time,
      signature: antomSignatureHeader(signature),
    },
    body: text,
  });
}

const paymentResult = (p: { id: string; antomPaymentId: string }, amount: number, status: "S" | "F" = "S") => ({
  notifyType: "PAYMENT_RESULT",
  result:
    status === "S"
      ? { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" }
      : { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F", resultMessage: "Insufficient funds" },
  paymentRequestId: p.id,
  paymentId: p.antomPaymentId,
  paymentAmount: { currency: "EUR", value: String(amount) },
  paymentCreateTime: new Date().toISOString(),
  paymentTime: new Date().toISOString(),
  paymentResultInfo: { avsResultRaw: "Y", cvvResultRaw: "M", threeDSResult: { eci: "05", threeDSVersion: "2.2.0" } },
});

const statusChanges = async (paymentId: string) =>
  (await listPaymentEvents(paymentId)).filter((e) => e.type === "status_change");

describe("Antom notifyPayment", () => {
  it("applies a signed PAYMENT_RESULT once, however often it comes, and acks with Antom's exact body", async () => {
    const p = await antomPayment(3000);
    const answers = await Promise.all(Array.from({ length: 5 }, () => notify(paymentResult(p, 3000))));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(ACK);
    }
    expect(await findPayment(p.id)).toMatchObject({
      status: "succeeded",
      capturedAmount: 3000,
      avsResult: "Y",
      cvvResult: "M",
      threeDsResult: "3DS 2.2.0, ECI 05",
    });
    expect((await findOrder(p.orderId))!.status).toBe("paid");
    expect((await statusChanges(p.id)).filter((e) => e.toStatus === "succeeded")).toHaveLength(1);
  });

  it("refuses a tampered, unsigned or wrongly signed notification and changes nothing", async () => {
    const p = await antomPayment(3000);
    const body = JSON.stringify(paymentResult(p, 3000));
    const time = String(Date.now());
    const signature = antomSign(
      { path: "/api/webhooks/antom", clientId: CLIENT_ID, time, body },
      antomKey("antomPrivate", "EMULATOR_ANTOM_PRIVATE_KEY"),
    );
    const tampered = await fetch(`${serverUrl()}/api/webhooks/antom`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "client-id": CLIENT_ID,
        "request-time": time,
        signature: antomSignatureHeader(signature),
      },
      body: body.replace('"resultStatus":"S"', '"resultStatus":"F"'),
    });
    expect(tampered.status).toBe(401);
    expect(
      (await notify(paymentResult(p, 3000), { key: antomKey("merchantPrivate", "ANTOM_MERCHANT_PRIVATE_KEY") })).status,
    ).toBe(401);
    expect((await notify(paymentResult(p, 3000), { path: "/somewhere/else" })).status).toBe(401);
    expect((await notify(paymentResult(p, 3000), { clientId: "SANDBOX_SOMEONE_ELSE" })).status).toBe(401);
    const unsigned = await fetch(`${serverUrl()}/api/webhooks/antom`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(unsigned.status).toBe(401);
    expect((await findPayment(p.id))!.status).toBe("processing");
    expect(await statusChanges(p.id)).toHaveLength(1);
  });

  it("leaves a manual-capture payment authorized, then a CAPTURE_RESULT captures it", async () => {
    const p = await antomPayment(5000, "manual");
    await notify(paymentResult(p, 5000));
    expect((await findPayment(p.id))!.status).toBe("authorized");
    expect((await findOrder(p.orderId))!.status).toBe("paid");
    const capture = {
      notifyType: "CAPTURE_RESULT",
      result: ACK.result,
      paymentId: p.antomPaymentId,
      captureId: "CAP1",
      captureRequestId: "cap_1",
      captureAmount: { currency: "EUR", value: "4000" },
      captureTime: new Date().toISOString(),
    };
    expect((await notify(capture)).status).toBe(200);
    expect(await findPayment(p.id)).toMatchObject({ status: "succeeded", capturedAmount: 4000 });
  });

  it("records a declined payment's reason", async () => {
    const p = await antomPayment(3000);
    await notify(paymentResult(p, 3000, "F"));
    expect(await findPayment(p.id)).toMatchObject({
      status: "failed",
      failureCode: "USER_BALANCE_NOT_ENOUGH",
      failureMessage: "Insufficient funds on the card.",
    });
  });

  it("refuses a notification whose amount differs from the payment's", async () => {
    const p = await antomPayment(3000);
    expect((await notify(paymentResult(p, 2999))).status).toBe(422);
    expect((await findPayment(p.id))!.status).toBe("processing");
  });

  it("never sends a refund above what was captured", async () => {
    const p = await antomPayment(3000, "manual", "authorized");
    await transitionPayment(
      p.id,
      "succeeded",
      { capturedAmount: 1000 },
      { provider: "antom", summary: "partial capture" },
    );
    const calls = async () => (await listPaymentEvents(p.id)).filter((e) => e.type === "api_call").length;
    const before = await calls();
    await expect(refundPayment(p.id, 1001, "test operator")).rejects.toBeInstanceOf(OperatorActionError);
    await expect(refundPayment(p.id, 1001, "test operator")).rejects.toThrow(/between 1 and 1000/);
    expect(await calls()).toBe(before);
    expect(await findPayment(p.id)).toMatchObject({ status: "succeeded", refundedAmount: 0 });
  });
});
