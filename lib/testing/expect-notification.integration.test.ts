// @module-tag control-plane
import { afterEach, describe, expect, it } from "vitest";
import { ANTOM_ACK, antomCall, payBody, startAntomCatcher } from "./antom-fixtures";
import { clearOverride, forceNextPayment } from "./control-fixtures";
import { expectNotification } from "./expect-notification";

/**
 * expectNotification against the integration server's Antom emulator, over its control plane:
 * it answers a notification only once the merchant acknowledged it, and fails with what it saw
 * when none was sent (a forced `dropped`) or none was acknowledged.
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await clearOverride("antom");
});

async function catcher(answers?: Parameters<typeof startAntomCatcher>[0]) {
  const started = await startAntomCatcher(answers);
  closers.push(started.close);
  return started;
}

/** An approved Antom card payment (automatic capture) notified to `notifyUrl`; answers its paymentRequestId. */
async function pay(notifyUrl: string): Promise<string> {
  const body = payBody("4111111111111111", { notifyUrl });
  const answer = await antomCall("pay", body);
  expect(answer.body.result).toMatchObject({ resultStatus: "S" });
  return body.paymentRequestId as string;
}

describe("expectNotification", () => {
  it("answers the acknowledged PAYMENT_RESULT of a payment with its one delivery attempt", async () => {
    const merchant = await catcher();
    const reference = await pay(merchant.url);
    const notification = await expectNotification({
      provider: "antom",
      type: "PAYMENT_RESULT",
      reference,
      match: { result: { resultStatus: "S" } },
    });
    expect(notification).toMatchObject({ type: "PAYMENT_RESULT", reference, status: "delivered", attempts: 1 });
    expect(notification.deliveries).toEqual([
      { attemptedAt: expect.any(String), httpStatus: 200, error: null, durationMs: expect.any(Number) },
    ]);
    // What the merchant received is what the control plane shows, signed (after the answer) so that it verifies.
    const received = merchant.requests.find((request) => request.json.notifyType === "PAYMENT_RESULT")!;
    expect(received.verified).toBe(true);
    expect(received.body).toBe(notification.body);
  });

  it("tells a capture result from a payment result by type", async () => {
    const merchant = await catcher();
    const reference = await pay(merchant.url);
    const capture = await expectNotification({ provider: "antom", type: "CAPTURE_RESULT", reference });
    expect(JSON.parse(capture.body)).toMatchObject({ notifyType: "CAPTURE_RESULT" });
    // Without a reference: any of the type, narrowed here by the body's paymentRequestId.
    const payment = await expectNotification({
      provider: "antom",
      type: "PAYMENT_RESULT",
      match: { paymentRequestId: reference },
    });
    expect(payment.reference).toBe(reference);
  });

  it("fails with a clear message when the notification was never sent (forced dropped)", async () => {
    const merchant = await catcher();
    await forceNextPayment("antom", { notification: { mode: "dropped" } });
    const reference = await pay(merchant.url);
    await expect(
      expectNotification({ provider: "antom", type: "PAYMENT_RESULT", reference, timeoutMs: 1_500 }),
    ).rejects.toThrow(
      `expectNotification: no antom PAYMENT_RESULT notification about ${reference} was delivered and acknowledged within 1500 ms. The emulator has none of that type.`,
    );
    expect(merchant.requests).toEqual([]);
  });

  it("fails listing the attempts when the merchant never acknowledges", async () => {
    const merchant = await catcher([{ status: 500, body: "" }]);
    const reference = await pay(merchant.url);
    await merchant.waitFor(1);
    // Retried on Antom's schedule (scaled by the server's clock): each answer listed.
    const failure = expectNotification({ provider: "antom", type: "PAYMENT_RESULT", reference, timeoutMs: 1_500 });
    await expect(failure).rejects.toThrow(
      /Seen: #\d+ PAYMENT_RESULT about \S+: pending after \d+ attempt\(s\) \(answers: 500(, 500)*\)\.$/,
    );
  });

  it("fails when the delivered notification does not match the fields asked for", async () => {
    const merchant = await catcher([{ status: 200, body: JSON.stringify(ANTOM_ACK) }]);
    const reference = await pay(merchant.url);
    await expectNotification({ provider: "antom", type: "PAYMENT_RESULT", reference });
    await expect(
      expectNotification({
        provider: "antom",
        type: "PAYMENT_RESULT",
        reference,
        match: { result: { resultStatus: "F" } },
        timeoutMs: 500,
      }),
    ).rejects.toThrow(/delivered after 1 attempt\(s\) \(answers: 200\) \(other fields\)/);
  });
});
