// @module-tag emulator-internals
// @module-tag antom
import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { findCardData } from "@/lib/testing/card-data-scan";
import { emulatorTablesText, CARD_DATA_TEST_CARDS } from "@/lib/testing/emulator-tables";
import {
  ANTOM_ACK,
  ANTOM_CLIENT_ID,
  antomCall as call,
  antomUrl,
  apiPath,
  payBody,
  postChallenge,
  sleep,
  startAntomCatcher,
  tokenPayBody,
  type Json,
} from "@/lib/testing/antom-fixtures";
import { DISPATCH_LATENCY_MS } from "../outbox";
import { NOTIFICATION_RETRY_SECONDS, PENDING_SETTLES_AFTER_SECONDS } from "./config";
import { documentedAnswerOf, documentedNotification } from "./documented-shapes";

// The integration server runs the emulator clock at 0.001 (see lib/testing/integration-server.ts).
const TIME_SCALE = 0.001;
const catchers: Awaited<ReturnType<typeof startAntomCatcher>>[] = [];
afterEach(async () => {
  const done = catchers.splice(0);
  await Promise.all(done.map((c) => c.close()));
  // Every notification the emulator sent is in a shape Antom documents (issue 13).
  for (const notification of done.flatMap((c) => c.requests))
    expect(documentedNotification.safeParse(notification.json).error).toBeUndefined();
});

/** Calls the emulator's API; every answer must be in the shape Antom documents for the action (issue 13). */
async function antomCall(
  action: keyof typeof documentedAnswerOf,
  ...rest: Parameters<typeof call> extends [unknown, ...infer R] ? R : never
) {
  const answer = await call(action, ...rest);
  expect(documentedAnswerOf[action].safeParse(answer.body).error).toBeUndefined();
  return answer;
}

async function catcher(answers?: { status: number; body: string }[]) {
  const started = await startAntomCatcher(answers);
  catchers.push(started);
  return started;
}

const inquiry = (body: Json) => antomCall("inquiryPayment", body);
const result = (answer: { body: Json }) =>
  answer.body.result as { resultCode: string; resultStatus: string; resultMessage: string };

describe("Antom emulator: headers, signature and validation", () => {
  it("answers signed, with client-id and response-time; refuses another merchant key with INVALID_SIGNATURE", async () => {
    const body = payBody("4111111111111111");
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const answer = await antomCall("pay", body, { privateKey: other.privateKey });
    expect(answer.status).toBe(200);
    expect(result(answer)).toMatchObject({ resultCode: "INVALID_SIGNATURE", resultStatus: "F" });
    expect(answer.verified).toBe(true);
    expect(answer.headers.get("client-id")).toBe(ANTOM_CLIENT_ID);
    expect(answer.headers.get("response-time")).toMatch(/^\d{13}$/);
    expect(answer.headers.get("signature")).toMatch(/^algorithm=RSA256,keyVersion=1,signature=/);
    // No signature header at all, and a garbage one: refused too. Nothing was created.
    expect(result(await antomCall("pay", body, { signature: null })).resultCode).toBe("INVALID_SIGNATURE");
    expect(
      result(await antomCall("pay", body, { signature: "algorithm=RSA256,keyVersion=1,signature=abc" })).resultCode,
    ).toBe("INVALID_SIGNATURE");
    expect(result(await inquiry({ paymentRequestId: body.paymentRequestId }))).toMatchObject({
      resultCode: "ORDER_NOT_EXIST",
      resultStatus: "F",
    });
  });

  it("refuses the right key over the wrong path with INVALID_SIGNATURE", async () => {
    const body = payBody("4111111111111111");
    const answer = await antomCall("pay", body, { signedPath: "/ams/api/v1/payments/capture" });
    expect(result(answer).resultCode).toBe("INVALID_SIGNATURE");
    // Signed with the emulator's mount prefix included: also not Antom's path.
    expect(
      result(await antomCall("pay", body, { signedPath: "/emulators/antom/ams/api/v1/payments/pay" })).resultCode,
    ).toBe("INVALID_SIGNATURE");
    // Signed for the live path, sent to the sandbox path.
    expect(result(await antomCall("pay", body, { sandbox: true, signedPath: apiPath("pay") })).resultCode).toBe(
      "INVALID_SIGNATURE",
    );
  });

  it("accepts an ISO 8601 request-time (as the Python SDK sends) and the sandbox path", async () => {
    const iso = await antomCall("pay", payBody("4111111111111111"), { requestTime: new Date().toISOString() });
    expect(result(iso)).toMatchObject({ resultCode: "SUCCESS", resultStatus: "S" });
    const sandbox = await antomCall("pay", payBody("4111111111111111"), { sandbox: true });
    expect(result(sandbox)).toMatchObject({ resultCode: "SUCCESS", resultStatus: "S" });
    expect(sandbox.verified).toBe(true); // signed over /ams/sandbox/api/v1/payments/pay
  });

  it("serves a SANDBOX_ client id on the sandbox path only, and the sandbox path to SANDBOX_ ids only: INVALID_CLIENT otherwise", async () => {
    const body = payBody("4111111111111111");
    const live = await antomCall("pay", body, { sandbox: false });
    expect(result(live)).toMatchObject({
      resultCode: "INVALID_CLIENT",
      resultStatus: "F",
      resultMessage: expect.stringContaining("sandbox path"),
    });
    expect(live.verified).toBe(true);
    const notSandbox = await antomCall("pay", body, { clientId: "2026STOREFRONT01", sandbox: true });
    expect(result(notSandbox)).toMatchObject({
      resultCode: "INVALID_CLIENT",
      resultStatus: "F",
      resultMessage: expect.stringContaining("Only a SANDBOX_ client id"),
    });
    // Nothing was created by either; the same body on the sandbox path is paid.
    expect(result(await inquiry({ paymentRequestId: body.paymentRequestId })).resultCode).toBe("ORDER_NOT_EXIST");
    expect(result(await antomCall("pay", body, { sandbox: true }))).toMatchObject({
      resultCode: "SUCCESS",
      resultStatus: "S",
    });
  });

  it("refuses a card pay that is not an authorization (paymentFactor.isAuthorization absent or false) with PARAM_ILLEGAL", async () => {
    for (const paymentFactor of [
      undefined,
      { captureMode: "AUTOMATIC" },
      { isAuthorization: false, captureMode: "MANUAL" },
    ]) {
      const body = payBody("4111111111111111");
      if (paymentFactor) body.paymentFactor = paymentFactor;
      else delete body.paymentFactor;
      const answer = await antomCall("pay", body);
      expect(result(answer)).toEqual({
        resultCode: "PARAM_ILLEGAL",
        resultStatus: "F",
        resultMessage: expect.stringContaining("paymentFactor.isAuthorization"),
      });
      expect(result(await inquiry({ paymentRequestId: body.paymentRequestId })).resultCode).toBe("ORDER_NOT_EXIST");
    }
    // isAuthorization alone (captureMode absent or empty): AUTOMATIC, captured [doc: seed 002].
    const automatic = payBody("4111111111111111");
    automatic.paymentFactor = { isAuthorization: true, captureMode: "" };
    const paid = await antomCall("pay", automatic);
    expect(result(paid).resultStatus).toBe("S");
    expect((await inquiry({ paymentId: paid.body.paymentId })).body).toMatchObject({
      paymentStatus: "SUCCESS",
      transactions: [{ transactionType: "CAPTURE" }],
    });
  });

  it("refuses an unknown client id with INVALID_CLIENT", async () => {
    const answer = await antomCall("pay", payBody("4111111111111111"), { clientId: "SANDBOX_SOMEONE_ELSE" });
    expect(result(answer)).toMatchObject({ resultCode: "INVALID_CLIENT", resultStatus: "F" });
    expect(answer.verified).toBe(true);
  });

  it("answers PARAM_ILLEGAL naming the field: missing paymentAmount, paymentAmount.value, a number value, a body that is not JSON", async () => {
    const body = payBody("4111111111111111");
    delete body.paymentAmount;
    expect(result(await antomCall("pay", body))).toEqual({
      resultCode: "PARAM_ILLEGAL",
      resultStatus: "F",
      resultMessage: "paymentAmount is required",
    });
    const noValue = payBody("4111111111111111");
    noValue.paymentAmount = { currency: "EUR" };
    expect(result(await antomCall("pay", noValue)).resultMessage).toBe("paymentAmount.value is required");
    const numeric = payBody("4111111111111111");
    numeric.paymentAmount = { currency: "EUR", value: 1314 };
    expect(result(await antomCall("pay", numeric))).toMatchObject({
      resultCode: "PARAM_ILLEGAL",
      resultMessage: expect.stringContaining("paymentAmount.value"),
    });
    expect(result(await antomCall("pay", "not json"))).toMatchObject({
      resultCode: "PARAM_ILLEGAL",
      resultStatus: "F",
    });
    const badCard = payBody("4111111111111112");
    expect(result(await antomCall("pay", badCard)).resultMessage).toContain("cardNo");
    expect(result(await inquiry({ paymentRequestId: body.paymentRequestId })).resultCode).toBe("ORDER_NOT_EXIST");
  });
});

describe("Antom emulator: pay, capture, cancel, refund", () => {
  it("approves with AUTOMATIC capture: S with AVS/CVV, a verified answer, PAYMENT_RESULT and CAPTURE_RESULT notifications that verify", async () => {
    const notify = await catcher();
    const body = payBody("4111111111111111", { notifyUrl: notify.url });
    const answer = await antomCall("pay", body);
    expect(answer.verified).toBe(true);
    expect(answer.body).toEqual({
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      paymentRequestId: body.paymentRequestId,
      paymentId: expect.stringMatching(/^\d{35}$/),
      paymentAmount: { currency: "EUR", value: "1314" },
      paymentCreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      paymentResultInfo: {
        avsResultRaw: "Y",
        cvvResultRaw: "M",
        networkTransactionId: expect.stringMatching(/^\d{15}$/),
        cardBrand: "VISA",
        cardNo: "411111******1111",
      },
    });
    const delivered = await notify.waitFor(2);
    const byType = Object.fromEntries(delivered.map((n) => [n.json.notifyType, n]));
    for (const n of delivered) {
      expect(n.verified).toBe(true);
      expect(n.path).toBe("/api/webhooks/antom");
      expect(n.headers["client-id"]).toBe(ANTOM_CLIENT_ID);
      expect(n.headers["request-time"]).toMatch(/^\d{13}$/);
    }
    expect(byType.PAYMENT_RESULT.json).toMatchObject({
      result: { resultStatus: "S", resultCode: "SUCCESS" },
      paymentId: answer.body.paymentId,
      paymentRequestId: body.paymentRequestId,
      paymentResultInfo: { cardNo: "411111******1111" },
    });
    expect(byType.CAPTURE_RESULT.json).toMatchObject({
      result: { resultStatus: "S" },
      paymentId: answer.body.paymentId,
      captureAmount: { currency: "EUR", value: "1314" },
      captureId: expect.any(String),
    });
    const inquired = await inquiry({ paymentId: answer.body.paymentId });
    expect(inquired.body).toMatchObject({
      result: { resultStatus: "S" },
      paymentStatus: "SUCCESS",
      paymentResultCode: "SUCCESS",
      transactions: [{ transactionType: "CAPTURE", transactionStatus: "SUCCESS" }],
    });
    // A second capture of an automatic payment is refused.
    const again = await antomCall("capture", {
      captureRequestId: `CAP_${Date.now()}`,
      paymentId: answer.body.paymentId,
      captureAmount: { currency: "EUR", value: "1" },
    });
    expect(result(again).resultCode).toBe("ORDER_STATUS_INVALID");
  });

  it("reports AVS N for billing zip 00000 and CVV N for CVV 000, still approved", async () => {
    const answer = await antomCall("pay", payBody("5555555555554444", { zip: "00000", cvv: "000" }));
    expect(result(answer).resultStatus).toBe("S");
    expect(answer.body.paymentResultInfo).toMatchObject({
      avsResultRaw: "N",
      cvvResultRaw: "N",
      cardBrand: "MASTERCARD",
      cardNo: "555555******4444",
    });
  });

  it("MANUAL: authorizes; a capture above is CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT; a partial capture; a second capture ORDER_STATUS_INVALID", async () => {
    const notify = await catcher();
    const pay = await antomCall(
      "pay",
      payBody("4111111111111111", { captureMode: "MANUAL", value: "5000", notifyUrl: notify.url }),
    );
    expect(result(pay).resultStatus).toBe("S");
    const paymentId = pay.body.paymentId as string;
    await notify.waitFor(1);
    await sleep(200);
    expect(notify.requests.map((n) => n.json.notifyType)).toEqual(["PAYMENT_RESULT"]);
    expect((await inquiry({ paymentId })).body).toMatchObject({ paymentStatus: "SUCCESS" });
    expect((await inquiry({ paymentId })).body.transactions).toBeUndefined();

    const over = await antomCall("capture", {
      captureRequestId: `CAP_${paymentId}_over`,
      paymentId,
      captureAmount: { currency: "EUR", value: "5001" },
    });
    expect(result(over)).toMatchObject({ resultCode: "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", resultStatus: "F" });
    const partial = await antomCall("capture", {
      captureRequestId: `CAP_${paymentId}_1`,
      paymentId,
      captureAmount: { currency: "EUR", value: "3000" },
    });
    expect(partial.verified).toBe(true);
    expect(partial.body).toEqual({
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      captureRequestId: `CAP_${paymentId}_1`,
      captureId: expect.any(String),
      paymentId,
      captureAmount: { currency: "EUR", value: "3000" },
      captureTime: expect.any(String),
    });
    // The same capture request again: the same answer.
    const repeated = await antomCall("capture", {
      captureRequestId: `CAP_${paymentId}_1`,
      paymentId,
      captureAmount: { currency: "EUR", value: "3000" },
    });
    expect(repeated.text).toBe(partial.text);
    const second = await antomCall("capture", {
      captureRequestId: `CAP_${paymentId}_2`,
      paymentId,
      captureAmount: { currency: "EUR", value: "1000" },
    });
    expect(result(second).resultCode).toBe("ORDER_STATUS_INVALID");
    const captured = (await notify.waitFor(2)).find((n) => n.json.notifyType === "CAPTURE_RESULT");
    expect(captured?.json).toMatchObject({
      captureRequestId: `CAP_${paymentId}_1`,
      captureId: partial.body.captureId,
      captureAmount: { value: "3000" },
    });
    // A cancel after a capture is refused; unknown payment is ORDER_NOT_EXIST.
    expect(result(await antomCall("cancel", { paymentId })).resultCode).toBe("ORDER_STATUS_INVALID");
    expect(
      result(
        await antomCall("capture", {
          captureRequestId: "CAP_none",
          paymentId: "1234",
          captureAmount: { currency: "EUR", value: "1" },
        }),
      ).resultCode,
    ).toBe("ORDER_NOT_EXIST");
  });

  it("cancels an authorization (by paymentRequestId); it can no longer be captured", async () => {
    const body = payBody("4111111111111111", { captureMode: "MANUAL" });
    const pay = await antomCall("pay", body);
    const paymentId = pay.body.paymentId as string;
    const cancelled = await antomCall("cancel", { paymentRequestId: body.paymentRequestId });
    expect(cancelled.body).toEqual({
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      paymentId,
      paymentRequestId: body.paymentRequestId,
      cancelTime: expect.any(String),
    });
    expect((await inquiry({ paymentId })).body).toMatchObject({
      paymentStatus: "CANCELLED",
      transactions: [{ transactionType: "CANCEL" }],
    });
    expect(
      result(
        await antomCall("capture", {
          captureRequestId: `CAP_${paymentId}`,
          paymentId,
          captureAmount: { currency: "EUR", value: "1" },
        }),
      ).resultCode,
    ).toBe("ORDER_STATUS_INVALID");
    // A captured (AUTOMATIC) payment cannot be cancelled.
    const automatic = await antomCall("pay", payBody("4111111111111111"));
    expect(result(await antomCall("cancel", { paymentId: automatic.body.paymentId })).resultCode).toBe(
      "ORDER_STATUS_INVALID",
    );
  });

  it("refunds two partials, then refuses one over the rest with REFUND_AMOUNT_EXCEED; REFUND_RESULT to refundNotifyUrl", async () => {
    const refunds = await catcher();
    const pay = await antomCall("pay", payBody("4111111111111111", { value: "1000" }));
    const paymentId = pay.body.paymentId as string;
    const first = await antomCall("refund", {
      refundRequestId: `REF_${paymentId}_1`,
      paymentId,
      refundAmount: { currency: "EUR", value: "400" },
      refundReason: "Damaged",
      refundNotifyUrl: refunds.url,
    });
    expect(first.body).toEqual({
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      refundRequestId: `REF_${paymentId}_1`,
      refundId: expect.any(String),
      paymentId,
      refundAmount: { currency: "EUR", value: "400" },
      refundTime: expect.any(String),
    });
    const second = await antomCall("refund", {
      refundRequestId: `REF_${paymentId}_2`,
      paymentId,
      refundAmount: { currency: "EUR", value: "600" },
    });
    expect(result(second).resultStatus).toBe("S");
    const over = await antomCall("refund", {
      refundRequestId: `REF_${paymentId}_3`,
      paymentId,
      refundAmount: { currency: "EUR", value: "1" },
    });
    expect(result(over)).toMatchObject({ resultCode: "REFUND_AMOUNT_EXCEED", resultStatus: "F" });
    const [notified] = await refunds.waitFor(1);
    expect(notified.verified).toBe(true);
    // [guess] minimal: its status is result.
    expect(notified.json).toEqual({
      notifyType: "REFUND_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" },
      refundId: first.body.refundId,
      refundRequestId: `REF_${paymentId}_1`,
      paymentId,
      refundAmount: { currency: "EUR", value: "400" },
    });
    const byRequest = await antomCall("inquiryRefund", { refundRequestId: `REF_${paymentId}_2` });
    expect(byRequest.body).toMatchObject({
      result: { resultStatus: "S" },
      refundStatus: "SUCCESS",
      refundAmount: { currency: "EUR", value: "600" },
      refundId: second.body.refundId,
      refundRequestId: `REF_${paymentId}_2`,
    });
    expect((await antomCall("inquiryRefund", { refundId: first.body.refundId })).body).toMatchObject({
      refundStatus: "SUCCESS",
      refundRequestId: `REF_${paymentId}_1`,
    });
    expect(result(await antomCall("inquiryRefund", { refundId: "nope" })).resultStatus).toBe("F");
    expect((await inquiry({ paymentId })).body.transactions).toHaveLength(3);
    // An authorization (not captured) cannot be refunded.
    const manual = await antomCall("pay", payBody("4111111111111111", { captureMode: "MANUAL" }));
    expect(
      result(
        await antomCall("refund", {
          refundRequestId: `REF_${Date.now()}`,
          paymentId: manual.body.paymentId,
          refundAmount: { currency: "EUR", value: "1" },
        }),
      ).resultCode,
    ).toBe("ORDER_STATUS_INVALID");
  });

  it("answers a repeated paymentRequestId with the same content with the first answer, different content with REPEAT_REQ_INCONSISTENT", async () => {
    const notify = await catcher();
    const body = payBody("4111111111111111", { notifyUrl: notify.url });
    const first = await antomCall("pay", body);
    const again = await antomCall("pay", body);
    expect(again.text).toBe(first.text);
    expect(again.verified).toBe(true);
    const changed = await antomCall("pay", { ...body, paymentAmount: { currency: "EUR", value: "9999" } });
    expect(result(changed)).toMatchObject({ resultCode: "REPEAT_REQ_INCONSISTENT", resultStatus: "F" });
    await notify.waitFor(2);
    await sleep(300);
    expect(notify.requests).toHaveLength(2); // PAYMENT_RESULT and CAPTURE_RESULT, once
    const refund = {
      refundRequestId: `REF_${first.body.paymentId}`,
      paymentId: first.body.paymentId,
      refundAmount: { currency: "EUR", value: "100" },
    };
    const refunded = await antomCall("refund", refund);
    expect((await antomCall("refund", refund)).text).toBe(refunded.text);
    expect(
      result(await antomCall("refund", { ...refund, refundAmount: { currency: "EUR", value: "200" } })).resultCode,
    ).toBe("REPEAT_REQ_INCONSISTENT");
    expect((await inquiry({ paymentId: first.body.paymentId })).body.transactions).toHaveLength(2);
  });

  it("declines 4000 0000 0000 9995 with F USER_BALANCE_NOT_ENOUGH and a PAYMENT_RESULT F notification", async () => {
    const notify = await catcher();
    const answer = await antomCall("pay", payBody("4000000000009995", { notifyUrl: notify.url }));
    expect(answer.body).toMatchObject({
      result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F", resultMessage: "Insufficient funds" },
      paymentId: expect.any(String),
    });
    const [delivered] = await notify.waitFor(1);
    expect(delivered.json).toMatchObject({
      notifyType: "PAYMENT_RESULT",
      result: { resultCode: "USER_BALANCE_NOT_ENOUGH", resultStatus: "F" },
    });
    expect((await inquiry({ paymentId: answer.body.paymentId })).body).toMatchObject({
      paymentStatus: "FAIL",
      paymentResultCode: "USER_BALANCE_NOT_ENOUGH",
    });
    expect(result(await antomCall("pay", payBody("4000000000000002"))).resultCode).toBe("DO_NOT_HONOR");
    expect(result(await antomCall("pay", payBody("4000000000000069"))).resultCode).toBe("INVALID_EXPIRATION_DATE");
  });
});

describe("Antom emulator: 3DS, MPI, pending", () => {
  /** Pays `cardNo`, which Antom answers U / PAYMENT_IN_PROCESS with normalUrl (the bank's page). */
  async function payInProcess(cardNo: string) {
    const notify = await catcher();
    const body = payBody(cardNo, { notifyUrl: notify.url });
    const answer = await antomCall("pay", body);
    const paymentId = answer.body.paymentId as string;
    expect(answer.body).toMatchObject({
      result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U" },
      // In the language of env.browserInfo.language (the fixture's "en-US").
      normalUrl: `${antomUrl()}/3ds/${paymentId}?lang=en-US`,
    });
    return { notify, body, answer, paymentId };
  }

  it("challenges 4000 0000 0000 3220: U with normalUrl; the code 123456 passes (303 to paymentRedirectUrl), captured, threeDSResult", async () => {
    const { notify, body, answer, paymentId } = await payInProcess("4000000000003220");
    const page = await fetch(answer.body.normalUrl as string);
    const html = await page.text();
    expect(html).toContain("One-time code");
    expect(html).toContain("Confirm");
    expect(await postChallenge(paymentId, "123456")).toEqual({ status: 303, location: body.paymentRedirectUrl });
    const delivered = await notify.waitFor(2);
    const payment = delivered.find((n) => n.json.notifyType === "PAYMENT_RESULT")!;
    expect(payment.json).toMatchObject({
      result: { resultStatus: "S" },
      paymentResultInfo: {
        threeDSResult: {
          eci: "05",
          threeDSVersion: "2.2.0",
          caav: expect.any(String),
          dsTransactionId: expect.any(String),
        },
      },
    });
    expect(delivered.map((n) => n.json.notifyType).sort()).toEqual(["CAPTURE_RESULT", "PAYMENT_RESULT"]);
    expect((await inquiry({ paymentId })).body).toMatchObject({
      paymentStatus: "SUCCESS",
      paymentResultInfo: { threeDSResult: { eci: "05" } },
    });
  });

  it("fails the challenge with another code: AUTHENTICATION_FAILED, notified, 303 to paymentRedirectUrl", async () => {
    const notify = await catcher();
    const body = payBody("4111111111111111", {
      notifyUrl: notify.url,
      captureMode: "MANUAL",
      meta: { is3DSAuthentication: true },
    });
    const answer = await antomCall("pay", body);
    expect(result(answer).resultStatus).toBe("U");
    const paymentId = answer.body.paymentId as string;
    expect(await postChallenge(paymentId, "999999")).toEqual({ status: 303, location: body.paymentRedirectUrl });
    const [delivered] = await notify.waitFor(1);
    expect(delivered.json).toMatchObject({
      notifyType: "PAYMENT_RESULT",
      result: {
        resultCode: "AUTHENTICATION_FAILED",
        resultStatus: "F",
        resultMessage: "3-D Secure authentication failed",
      },
    });
    expect((await inquiry({ paymentId })).body).toMatchObject({
      paymentStatus: "FAIL",
      paymentResultCode: "AUTHENTICATION_FAILED",
    });
    // A second submit changes nothing.
    expect((await postChallenge(paymentId, "123456")).status).toBe(303);
    expect((await inquiry({ paymentId })).body).toMatchObject({ paymentStatus: "FAIL" });
  });

  it("skips the challenge when mpiData is given, echoing it in threeDSResult", async () => {
    const mpiData = { eci: "02", cavv: "AAABBBCCCDDD", dsTransactionId: "ds-123", threeDSVersion: "2.1.0" };
    const answer = await antomCall(
      "pay",
      payBody("4000000000003220", { meta: { is3DSAuthentication: true, mpiData } }),
    );
    expect(answer.body).toMatchObject({
      result: { resultStatus: "S" },
      paymentResultInfo: {
        threeDSResult: { eci: "02", caav: "AAABBBCCCDDD", dsTransactionId: "ds-123", threeDSVersion: "2.1.0" },
      },
    });
    expect(answer.body.normalUrl).toBeUndefined();
  });

  it("answers 4000 0000 0000 0119 U with normalUrl (the bank's page, no challenge), notifies PAYMENT_PENDING, then PAYMENT_RESULT S when it settles", async () => {
    const { notify, body, answer, paymentId } = await payInProcess("4000000000000119");
    // The bank's page: no challenge (it settles 120 ms later on this clock, so it may already say so).
    const html = (await (await fetch(answer.body.normalUrl as string)).text()).replaceAll("<!-- -->", "");
    expect(html).toMatch(/This payment is (processing|success)\./);
    // No code form (the page's words are in its message catalogue too, so look for the field itself).
    expect(html).not.toContain('name="code"');
    // PAYMENT_PENDING now; PAYMENT_RESULT and CAPTURE_RESULT (AUTOMATIC) when it settles.
    const delivered = await notify.waitFor(3, 10_000);
    expect(delivered.map((n) => n.json.notifyType).sort()).toEqual([
      "CAPTURE_RESULT",
      "PAYMENT_PENDING",
      "PAYMENT_RESULT",
    ]);
    const pending = delivered.find((n) => n.json.notifyType === "PAYMENT_PENDING")!;
    const settled = delivered.find((n) => n.json.notifyType === "PAYMENT_RESULT")!;
    expect(pending.json).toEqual({
      notifyType: "PAYMENT_PENDING",
      result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "payment in process" },
      paymentRequestId: body.paymentRequestId,
      paymentId,
      paymentAmount: { currency: "EUR", value: "1314" },
      paymentCreateTime: answer.body.paymentCreateTime,
    });
    expect(pending.verified).toBe(true);
    expect(settled.json).toMatchObject({
      notifyType: "PAYMENT_RESULT",
      result: { resultCode: "SUCCESS", resultStatus: "S" },
      paymentId,
    });
    expect((await inquiry({ paymentId })).body).toMatchObject({
      paymentStatus: "SUCCESS",
      paymentResultCode: "SUCCESS",
      paymentResultInfo: { cardNo: "400000******0119" },
    });
  });

  it("an inquiry after its time settles 4000 0000 0000 0119 for a 'Silent' cardholder (no notifications)", async () => {
    const notify = await catcher([{ status: 500, body: "" }]);
    const answer = await antomCall("pay", payBody("4000000000000119", { notifyUrl: notify.url, firstName: "Silent" }));
    expect(answer.body).toMatchObject({
      result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U" },
      normalUrl: expect.any(String),
    });
    const paymentId = answer.body.paymentId as string;
    const early = await inquiry({ paymentId });
    if (
      Date.now() - Number(answer.headers.get("response-time")) <
      PENDING_SETTLES_AFTER_SECONDS * 1000 * TIME_SCALE - 20
    ) {
      expect(early.body).toMatchObject({ paymentStatus: "PROCESSING", paymentResultCode: "PAYMENT_IN_PROCESS" });
    }
    await sleep(PENDING_SETTLES_AFTER_SECONDS * 1000 * TIME_SCALE + 50);
    expect((await inquiry({ paymentId })).body).toMatchObject({
      paymentStatus: "SUCCESS",
      paymentResultCode: "SUCCESS",
      paymentResultInfo: { cardNo: "400000******0119" },
    });
    expect(notify.requests).toHaveLength(0); // "Silent": no notifications
  });
});

describe("Antom emulator: card on file and MIT", () => {
  it("tokenizes on an approved pay, then charges the token (CIT) and by MIT; unknown tokens and MIT without a token are refused", async () => {
    const first = await antomCall(
      "pay",
      payBody("5555555555554444", { meta: { tokenize: true }, firstName: "Card", lastName: "Holder" }),
    );
    const info = first.body.paymentResultInfo as Json;
    expect(info.cardToken).toMatch(/^ALIPAY[A-Z]+$/);
    const token = info.cardToken as string;
    const cit = await antomCall("pay", tokenPayBody(token, { value: "2500" }));
    expect(cit.body).toMatchObject({
      result: { resultStatus: "S" },
      paymentAmount: { value: "2500" },
      paymentResultInfo: { cardNo: "555555******4444", cardBrand: "MASTERCARD" },
    });
    expect((cit.body.paymentResultInfo as Json).cardToken).toBeUndefined();
    const notify = await catcher();
    const mit = await antomCall("pay", tokenPayBody(token, { mit: "RECURRING", value: "990", notifyUrl: notify.url }));
    expect(mit.body).toMatchObject({
      result: { resultStatus: "S" },
      paymentResultInfo: { cardNo: "555555******4444", networkTransactionId: info.networkTransactionId },
    });
    await notify.waitFor(2);
    // A 3DS card stored on file: the MIT never challenges.
    const challengeFirst = await antomCall(
      "pay",
      payBody("4000000000003220", {
        meta: { isCardOnFile: true, mpiData: { eci: "05", cavv: "x", dsTransactionId: "y" } },
      }),
    );
    const challengeToken = (challengeFirst.body.paymentResultInfo as Json).cardToken as string;
    expect(challengeToken).toBeTruthy();
    expect(result(await antomCall("pay", tokenPayBody(challengeToken, { mit: "UNSCHEDULED" }))).resultStatus).toBe("S");
    expect(result(await antomCall("pay", tokenPayBody(challengeToken))).resultStatus).toBe("U"); // customer present: challenged

    expect(result(await antomCall("pay", tokenPayBody("ALIPAYNOSUCHTOKEN")))).toMatchObject({
      resultCode: "INVALID_PAYMENT_METHOD_META_DATA",
      resultStatus: "F",
    });
    const noToken = payBody("4111111111111111", {
      extra: { isMerchantInitiated: true, merchantInitiatedType: "UNSCHEDULED" },
    });
    expect(result(await antomCall("pay", noToken))).toMatchObject({
      resultCode: "PARAM_ILLEGAL",
      resultMessage: expect.stringContaining("paymentMethodId"),
    });
  });
});

describe("Antom emulator: notification delivery", () => {
  it("sends its notifications after the answer, never while the merchant still reads it: the first one DISPATCH_LATENCY_MS later or more", async () => {
    const notify = await catcher();
    const sent = Date.now();
    const answer = await antomCall("pay", payBody("4111111111111111", { notifyUrl: notify.url }));
    expect(result(answer)).toMatchObject({ resultCode: "SUCCESS", resultStatus: "S" });
    const delivered = await notify.waitFor(2);
    expect(delivered.map((n) => n.json.notifyType).sort()).toEqual(["CAPTURE_RESULT", "PAYMENT_RESULT"]);
    // The answer left after the request was sent: the dispatch latency counts from later still.
    expect(Math.min(...delivered.map((n) => n.at))).toBeGreaterThanOrEqual(sent + DISPATCH_LATENCY_MS);
  });

  it("retries a notification answered {} or 500 and stops once answered with the exact S body", async () => {
    const notify = await catcher([
      { status: 200, body: "{}" },
      { status: 500, body: JSON.stringify(ANTOM_ACK) },
      { status: 200, body: JSON.stringify(ANTOM_ACK) },
    ]);
    const answer = await antomCall(
      "pay",
      payBody("4111111111111111", { captureMode: "MANUAL", notifyUrl: notify.url }),
    );
    const requests = await notify.waitFor(3, 15_000);
    const [first, second, third] = requests.map((r) => r.at);
    expect(second - first).toBeGreaterThanOrEqual(NOTIFICATION_RETRY_SECONDS[0] * 1000 * TIME_SCALE - 5);
    expect(third - second).toBeGreaterThanOrEqual(NOTIFICATION_RETRY_SECONDS[1] * 1000 * TIME_SCALE - 5);
    for (const request of requests) {
      expect(request.json).toMatchObject({ notifyType: "PAYMENT_RESULT", paymentId: answer.body.paymentId });
      expect(request.verified).toBe(true);
    }
    await sleep((NOTIFICATION_RETRY_SECONDS[2] + NOTIFICATION_RETRY_SECONDS[3]) * 1000 * TIME_SCALE + 1000);
    expect(notify.requests).toHaveLength(3);
  });

  it("counts an answer as the ack only with resultCode SUCCESS: resultStatus S with another code is resent", async () => {
    const notify = await catcher([
      {
        status: 200,
        body: JSON.stringify({ result: { resultCode: "PROCESS_FAIL", resultStatus: "S", resultMessage: "success" } }),
      },
      { status: 200, body: JSON.stringify({ result: { resultStatus: "S" } }) },
      { status: 200, body: JSON.stringify(ANTOM_ACK) },
    ]);
    await antomCall("pay", payBody("4111111111111111", { captureMode: "MANUAL", notifyUrl: notify.url }));
    const requests = await notify.waitFor(3, 15_000);
    expect(requests.map((r) => r.json.notifyType)).toEqual(["PAYMENT_RESULT", "PAYMENT_RESULT", "PAYMENT_RESULT"]);
    await sleep((NOTIFICATION_RETRY_SECONDS[2] + NOTIFICATION_RETRY_SECONDS[3]) * 1000 * TIME_SCALE + 1000);
    expect(notify.requests).toHaveLength(3);
  });

  it("sends a 'twice' cardholder's notification twice", async () => {
    const notify = await catcher();
    await antomCall(
      "pay",
      payBody("4111111111111111", { captureMode: "MANUAL", notifyUrl: notify.url, lastName: "Twice" }),
    );
    const delivered = await notify.waitFor(2);
    expect(delivered[0].body).toBe(delivered[1].body);
  });
});

describe("Antom emulator: card data", () => {
  it("keeps no full card number or CVV in any emulator table", async () => {
    // Make sure every kind of row exists (a tokenized card, a challenge waiting, a decline).
    await antomCall("pay", payBody("4111111111111111", { meta: { tokenize: true }, cvv: "987" }));
    await antomCall("pay", payBody("4000000000003220", { cvv: "4321" }));
    await antomCall("pay", payBody("4000000000000002"));
    const { tables, text } = emulatorTablesText();
    expect(tables).toEqual(
      expect.arrayContaining(["antom_payments", "antom_transactions", "antom_card_tokens", "outbox"]),
    );
    expect(findCardData(text, CARD_DATA_TEST_CARDS)).toEqual([]);
    for (const cvv of ["987", "4321"]) expect(text).not.toMatch(new RegExp(`"cvv[^"]*"\\s*:\\s*"?${cvv}`, "i"));
    expect(text).toContain("411111******1111");
  });
});
