import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ofKind } from "@/lib/testing/verified-notifications";
import {
  documentedAck,
  documentedNotification,
  documentedPayAnswer,
  documentedPayFactor,
} from "@/lib/emulators/antom/documented-shapes";
import type { PaymentRequest } from "@/lib/payments/types";
import { leavesMissingFromSource, loadDocumentedExamples } from "@/lib/testing/documented-examples";
import { AntomClient } from "./client";
import { antom } from "./adapter";
import { payAnswer } from "./schemas";
import { antomSign, antomSignatureHeader } from "./signature";
import { verifyAntomNotification } from "./webhook";
import { requestLocale } from "@/i18n/request";

// The shopper's language comes from the request; outside one (these tests) there is none.
vi.mock("@/i18n/request", () => ({ requestLocale: vi.fn(async () => Promise.reject(new Error("no request"))) }));

// Antom's own examples (seed 002, PROVIDERS.md §2) fed to the shop's real readers (issue 13).
const examples = loadDocumentedExamples(path.join(__dirname, "fixtures"));
const example = (name: string) => structuredClone(examples[name].example) as Record<string, unknown>;

const keys = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});
const CLIENT_ID = "SANDBOX_DOCS";
const WEBHOOK_PATH = "/api/webhooks/antom";

/** The notification as Antom would post it: signed with its key over our path. */
function notify(body: unknown) {
  const text = JSON.stringify(body);
  const time = String(Date.now());
  const signature = antomSignatureHeader(
    antomSign({ path: WEBHOOK_PATH, clientId: CLIENT_ID, time, body: text }, keys.privateKey),
  );
  const headers = new Headers({ "client-id": CLIENT_ID, "request-time": time, signature });
  return verifyAntomNotification(
    { headers, body: text },
    { clientId: CLIENT_ID, antomPublicKey: keys.publicKey, path: WEBHOOK_PATH },
  );
}

function payRequest(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    paymentId: "pay_docs_1",
    orderId: "ord_docs_1",
    method: "card",
    amount: 1314 as PaymentRequest["amount"],
    currency: "EUR",
    items: [{ name: "Mug", unitAmount: 1314 as PaymentRequest["amount"], quantity: 1 }],
    payer: { name: "Tom Jay", email: "tom@example.com" },
    card: {
      number: "4117347806156383",
      cvc: "850",
      expiryMonth: "12",
      expiryYear: "2029",
      holderName: "Tom Jay",
    } as PaymentRequest["card"],
    captureMode: "automatic",
    returnUrl: "http://localhost/checkout/antom/return",
    errorUrl: "http://localhost/checkout/antom/error",
    notificationUrl: "http://localhost/api/webhooks/antom",
    ...overrides,
  };
}

/** createPayment with Antom's answer replaced by `answer`; returns the outcome and the request it sent. */
async function payWith(answer: unknown, overrides: Partial<PaymentRequest> = {}) {
  const sent: Record<string, unknown>[] = [];
  vi.spyOn(AntomClient.prototype, "post").mockImplementation(async (_operation, payload) => {
    sent.push(payload);
    return { json: answer, call: { provider: "antom", operation: "pay" } as never };
  });
  const outcome = await antom.createPayment(payRequest(overrides));
  return { outcome, sent: sent[0] };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Antom documented examples: the fixtures are the docs' own text", () => {
  it.each(Object.keys(examples))("%s: every leaf is printed in its source", (name) => {
    expect(leavesMissingFromSource(examples[name])).toEqual([]);
  });

  it("has the four examples of seed 002 and PROVIDERS.md", () => {
    expect(Object.keys(examples).sort()).toEqual([
      "notification-ack",
      "notify-payment-result",
      "pay-answer-success",
      "pay-request",
    ]);
  });
});

describe("Antom documented examples: the documented-shape schemas take them", () => {
  it("the pay answer, the notifyPayment sample and the ack parse strictly; the request sample is a card authorization", () => {
    expect(documentedPayAnswer.safeParse(example("pay-answer-success")).error).toBeUndefined();
    expect(documentedNotification.safeParse(example("notify-payment-result")).error).toBeUndefined();
    expect(documentedAck.safeParse(example("notification-ack")).error).toBeUndefined();
    expect(documentedPayFactor.safeParse(example("pay-request").paymentFactor).error).toBeUndefined();
  });

  it("refuses what the docs do not show: a field of our own, a U without normalUrl, a PAYMENT_RESULT that is U", () => {
    expect(documentedPayAnswer.safeParse({ ...example("pay-answer-success"), funding: "CREDIT" }).success).toBe(false);
    const inProcess = {
      ...example("pay-answer-success"),
      result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "payment in process" },
    };
    expect(documentedPayAnswer.safeParse(inProcess).success).toBe(false);
    expect(documentedPayAnswer.safeParse({ ...inProcess, normalUrl: "https://bank.example/3ds" }).success).toBe(true);
    expect(
      documentedNotification.safeParse({ ...example("notify-payment-result"), result: inProcess.result }).success,
    ).toBe(false);
    expect(documentedPayFactor.safeParse({ captureMode: "MANUAL" }).success).toBe(false);
  });
});

describe("Antom documented examples: the shop reads them", () => {
  it("the documented pay answer (no normalUrl, no paymentTime, no card fields): succeeded with automatic capture, its id, AVS and CVV", async () => {
    const answer = example("pay-answer-success");
    expect(payAnswer.safeParse(answer).success).toBe(true);
    const { outcome } = await payWith(answer);
    expect(outcome).toMatchObject({
      status: "succeeded",
      providerPaymentId: "20211112194010800100188570271832381",
      capturedAmount: 1314,
      nextAction: { type: "none" },
      checks: { avs: "A", cvv: "Y" },
    });
    expect(outcome.storedCredential).toBeUndefined();
    const manual = await payWith(answer, { captureMode: "manual" });
    expect(manual.outcome).toMatchObject({ status: "authorized", capturedAmount: undefined });
  });

  it("sends paymentFactor as the request sample does: isAuthorization true, captureMode AUTOMATIC or MANUAL", async () => {
    const { sent } = await payWith(example("pay-answer-success"));
    expect(documentedPayFactor.safeParse(sent.paymentFactor).error).toBeUndefined();
    expect(sent.paymentFactor).toEqual({ isAuthorization: true, captureMode: "AUTOMATIC" });
    expect((await payWith(example("pay-answer-success"), { captureMode: "manual" })).sent.paymentFactor).toEqual({
      isAuthorization: true,
      captureMode: "MANUAL",
    });
  });

  it("sends the shopper's language as env.browserInfo.language in the sample's spelling (zh_CN), none without a shopper", async () => {
    const documented = (example("pay-request").env as { browserInfo: { language: string } }).browserInfo.language;
    vi.mocked(requestLocale).mockResolvedValueOnce("zh");
    const chinese = (await payWith(example("pay-answer-success"))).sent.env as Record<string, unknown>;
    expect(chinese.browserInfo).toEqual({ language: documented });
    vi.mocked(requestLocale).mockResolvedValueOnce("en");
    expect(((await payWith(example("pay-answer-success"))).sent.env as Record<string, unknown>).browserInfo).toEqual({
      language: "en_US",
    });
    expect(
      ((await payWith(example("pay-answer-success"))).sent.env as Record<string, unknown>).browserInfo,
    ).toBeUndefined();
    vi.mocked(requestLocale).mockResolvedValueOnce("zh");
    const mit = (await payWith(example("pay-answer-success"), { merchantInitiated: true })).sent.env;
    expect((mit as Record<string, unknown>).browserInfo).toBeUndefined();
  });

  it("a U / PAYMENT_IN_PROCESS answer with normalUrl: the shopper is redirected there", async () => {
    const answer: Record<string, unknown> = {
      ...example("pay-answer-success"),
      result: { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "payment in process" },
      normalUrl: "https://bank.example/3ds/1",
    };
    delete answer.paymentResultInfo;
    const { outcome } = await payWith(answer);
    expect(outcome).toMatchObject({
      status: "requires_action",
      nextAction: { type: "redirect", url: "https://bank.example/3ds/1" },
    });
  });

  it("the documented notifyPayment (PAYMENT_RESULT S): approved (succeeded, or authorized if manual), our reference, amount in minor units, 3DS", () => {
    const read = notify(example("notify-payment-result"));
    expect(read).toMatchObject({
      kind: "payment-status",
      status: "approved",
      merchantReference: "2020010123456789XXXX",
      providerPaymentId: "2020010123456789XXXX",
      amount: 8000,
      currency: "EUR",
      checks: { avs: "A", cvv: "Y", threeDs: "3DS 2.2.0, ECI 02" },
    });
  });

  it("PAYMENT_PENDING (PROVIDERS.md), without paymentTime or paymentResultInfo: processing, nothing failed", () => {
    const pending = example("notify-payment-result");
    pending.notifyType = "PAYMENT_PENDING";
    pending.result = { resultCode: "PAYMENT_IN_PROCESS", resultStatus: "U", resultMessage: "payment in process" };
    delete pending.paymentTime;
    delete pending.paymentResultInfo;
    expect(documentedNotification.safeParse(pending).error).toBeUndefined();
    expect(notify(pending)).toMatchObject({
      kind: "payment-status",
      status: "processing",
      merchantReference: "2020010123456789XXXX",
      amount: 8000,
      failure: undefined,
    });
  });

  it("REFUND_RESULT [guess, minimal]: its status is result; an F refund is recorded and moves no money", () => {
    const refund = {
      notifyType: "REFUND_RESULT",
      refundRequestId: "rf_1",
      refundId: "R1",
      paymentId: "2020010123456789XXXX",
      refundAmount: { currency: "EUR", value: "500" },
    };
    const done = ofKind(
      notify({ ...refund, result: { resultCode: "SUCCESS", resultStatus: "S", resultMessage: "success" } }),
      "refund",
    );
    expect(done).toMatchObject({ amount: 500, currency: "EUR" });
    expect(done.paymentAmount).toBeUndefined();
    const failed = ofKind(
      notify({ ...refund, result: { resultCode: "PROCESS_FAIL", resultStatus: "F", resultMessage: "refund failed" } }),
      "refund-failed",
    );
    expect(failed).not.toHaveProperty("amount");
    expect(failed.dedupeKey).not.toBe(done.dedupeKey);
  });

  it("the shop's acknowledgement is the documented one, exactly", async () => {
    expect(await antom.acknowledge().json()).toEqual(example("notification-ack"));
  });
});
