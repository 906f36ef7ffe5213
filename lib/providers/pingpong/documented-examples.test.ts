import path from "node:path";
import { describe, expect, it } from "vitest";
import { ofKind } from "@/lib/testing/verified-notifications";
import type { ZodType } from "zod";
import {
  documentedBindAnswer,
  documentedError,
  documentedPaymentNotification,
  documentedTransactionAnswer,
} from "@/lib/emulators/pingpong/documented-shapes";
import { leavesMissingFromSource, loadDocumentedExamples } from "@/lib/testing/documented-examples";
import { failureOf, nextActionOf, toPaymentStatus } from "./mappers";
import { bindAnswer, envelope, parseBizContent, transaction } from "./schemas";
import { pingPongSign } from "./signature";
import { verifyPingPongNotification } from "./webhook";

/** The docs' own examples (issue 13): each one as the doc prints it, read by the shop's real readers. */
const examples = loadDocumentedExamples(path.join(__dirname, "fixtures"));
const example = (name: string) => structuredClone(examples[name].example) as Record<string, unknown>;

const SALT = "documented-salt";
const AUTHENTICATE_URL = "https://shop.example/orders/o1/authenticate?attempt=p1";

/** The documented shape each answer, notification and error must have. */
const SHAPES: Record<string, ZodType> = {
  "unifiedpay-answer-3ds": documentedTransactionAnswer,
  "unifiedpay-answer-declined": documentedTransactionAnswer,
  "unifiedpay-answer-qr": documentedTransactionAnswer,
  "unifiedpay-answer-redirect": documentedTransactionAnswer,
  "bind-answer": documentedBindAnswer,
  "close-notification": documentedPaymentNotification,
  "refused-error": documentedError,
};

/** An answer's transaction, through the shop's envelope and transaction readers. */
function transactionOf(name: string) {
  const outer = envelope.parse(example(name));
  return { outer, tx: transaction.parse(parseBizContent(outer.bizContent)) };
}

describe("PingPong's documented examples", () => {
  it("has fixtures", () => {
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(9);
  });

  for (const [name, fixture] of Object.entries(examples)) {
    it(`${name}: every leaf is printed in ${fixture.source} (or listed as filled)`, () => {
      expect(leavesMissingFromSource(fixture)).toEqual([]);
    });
    if (fixture.kind !== "request") {
      it(`${name}: has the documented ${fixture.kind} shape`, () => {
        expect(SHAPES[name], `no documented shape listed for ${name}`).toBeDefined();
        const parsed = SHAPES[name].safeParse(fixture.example);
        expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
      });
    }
  }

  it("the documented shapes refuse a field the docs do not show", () => {
    const answer = example("unifiedpay-answer-3ds");
    expect(
      documentedTransactionAnswer.safeParse({
        ...answer,
        bizContent: { ...(answer.bizContent as object), challengeUrl: "https://x" },
      }).success,
    ).toBe(false);
    expect(
      documentedBindAnswer.safeParse({
        ...example("bind-answer"),
        bizContent: { authUrl: "https://x", status: "PROCESSING" },
      }).success,
    ).toBe(false);
    expect(documentedError.safeParse({ ...example("refused-error"), extra: 1 }).success).toBe(false);
  });

  it("3DS: the shop hands threeDUnionParams to the plugin as they came, without a challengeUrl of its own", () => {
    const { tx } = transactionOf("unifiedpay-answer-3ds");
    expect(tx.transactionId).toBe("2024052715180000001");
    expect(toPaymentStatus(tx)).toBe("requires_action");
    expect(nextActionOf(tx, AUTHENTICATE_URL)).toEqual({
      type: "redirect",
      url: AUTHENTICATE_URL,
      sdkTrigger: { opaque: "{{threeDUnionParams}}" },
    });
    // A blob of any shape (a string too) is passed on untouched.
    expect(nextActionOf({ ...tx, threeDUnionParams: "opaque-string" }, AUTHENTICATE_URL)).toMatchObject({
      sdkTrigger: "opaque-string",
    });
  });

  it("decline: FAILED with code 301002 is a failed payment with the shop's message", () => {
    const { outer, tx } = transactionOf("unifiedpay-answer-declined");
    expect(toPaymentStatus(tx)).toBe("failed");
    expect(failureOf(outer.code, outer.description)).toEqual({
      code: "301002",
      message: "The card was declined by the issuing bank.",
    });
  });

  it("local payments: paymentQrCode is a QR code, paymentRedirectUrl a redirect", () => {
    const qr = transactionOf("unifiedpay-answer-qr").tx;
    expect(toPaymentStatus(qr)).toBe("requires_action");
    expect(nextActionOf(qr, AUTHENTICATE_URL)).toEqual({
      type: "qr",
      payload: "https://qr.alipay.hk/{{qr}}",
      expiresAt: undefined,
    });
    const redirect = transactionOf("unifiedpay-answer-redirect").tx;
    expect(nextActionOf(redirect, AUTHENTICATE_URL)).toEqual({
      type: "redirect",
      url: "https://wallet.example/{{pay}}",
    });
  });

  it("refusal: the error envelope reads with its code and no bizContent", () => {
    const outer = envelope.parse(example("refused-error"));
    expect(outer).toMatchObject({ code: "301002", description: "Do not honor" });
    expect(parseBizContent(outer.bizContent)).toBeUndefined();
  });

  it("bind answer: token and authUrl read; without the token (optional in the docs) the answer still reads", () => {
    const biz = example("bind-answer").bizContent as Record<string, unknown>;
    expect(bindAnswer.parse(biz)).toMatchObject({
      token: "7dda0a6f6958105204fd6637001f900efd9b3168c948b68b6f7f2bf063eadf97",
      authUrl: "https://wallet.example/{{authUrl}}",
    });
    const withoutToken = bindAnswer.parse({ authUrl: biz.authUrl });
    expect(withoutToken.token).toBeUndefined();
    expect(withoutToken.authUrl).toBe("https://wallet.example/{{authUrl}}");
  });

  it("CLOSED notification: the shop's webhook reader expires the payment, amount in minor units", () => {
    const fields = example("close-notification");
    const credentials = { accId: String(fields.accId), clientId: String(fields.clientId), salt: SALT };
    const signed = { ...fields, sign: pingPongSign(fields, SALT) };
    const read = ofKind(
      verifyPingPongNotification({ body: JSON.stringify(signed), headers: new Headers() }, credentials),
      "payment-status",
    );
    expect(read).toMatchObject({
      status: "expired",
      amount: 10000,
      currency: "HKD",
      providerPaymentId: "2024052715180000001",
      merchantReference: "{{merchantTransactionId}}",
    });
    expect(read.failure?.code).toBe("closed");
  });
});
