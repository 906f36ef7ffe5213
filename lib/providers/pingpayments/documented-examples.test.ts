import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as documented from "@/lib/emulators/pingpayments/documented-shapes";
import { leavesMissingFromSource, loadDocumentedExamples } from "@/lib/testing/documented-examples";
import { paymentCreated, paymentOrderCreated, readErrors } from "./schemas";

// Ping Payments' documented examples (PROVIDERS.md §3; seed 003 prints no JSON): each is the
// doc's own text, reads in the shop as the doc means it, and has the documented shape.
const examples = loadDocumentedExamples(fileURLToPath(new URL("./fixtures", import.meta.url)));

/** The documented shape of each example (lib/emulators/pingpayments/documented-shapes.ts). */
const SHAPES: Record<string, z.ZodType> = {
  "create-payment-order.request": documented.createPaymentOrderRequest,
  "create-payment-order.answer": documented.paymentOrderCreated,
  "create-payment.request": documented.createPaymentRequest,
  "create-payment-dummy.request": documented.createPaymentRequest,
  "create-payment.answer": documented.paymentCreated,
  "error-payment-order-closed": documented.errorsBody,
};

describe("Ping Payments: the documented examples", () => {
  it("has a fixture for every documented shape, and a shape for every fixture", () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(SHAPES).sort());
  });

  describe.each(Object.entries(examples))("%s", (name, fixture) => {
    it("is the doc's own text (every leaf printed in its source, or listed as filled)", () => {
      expect(leavesMissingFromSource(fixture)).toEqual([]);
    });

    it("has the documented shape", () => {
      expect(SHAPES[name].safeParse(fixture.example).error?.issues).toBeUndefined();
    });
  });

  it("the documented shapes refuse a field the docs do not show", () => {
    expect(
      documented.paymentCreated.safeParse({
        ...(examples["create-payment.answer"].example as object),
        status: "INITIATED",
      }).success,
    ).toBe(false);
    expect(
      documented.errorsBody.safeParse({ errors: [{ error: "x", description: "y", property: null, code: 1 }] }).success,
    ).toBe(false);
  });
});

describe("Ping Payments: the shop reads the documented answers", () => {
  it("the payment order's id from `{id}`", () => {
    expect(paymentOrderCreated.parse(examples["create-payment-order.answer"].example)).toEqual({
      id: "5a0b6f9e-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
    });
  });

  it("the payment's id and the PaymentIQ page from `{id, provider_method_response: {pay_url}}`", () => {
    const answer = paymentCreated.parse(examples["create-payment.answer"].example);
    expect(answer.id).toBe("9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    expect(answer.provider_method_response.pay_url).toBe("https://checkout.paymentiq.example/pay/9b8a7c6d");
  });

  it("the error codes and a line for the event log from the documented errors body", () => {
    expect(readErrors(examples["error-payment-order-closed"].example)).toEqual({
      codes: ["payment_order_closed"],
      detail: "payment_order_closed (payment_order_id): The payment order is closed.",
    });
    // description and property elided by the doc: the shop reads the error without them.
    expect(readErrors({ errors: [{ error: "payment_order_closed" }] })).toEqual({
      codes: ["payment_order_closed"],
      detail: "payment_order_closed: ",
    });
    expect(
      readErrors({ errors: [{ error: "payment_order_closed", description: null, property: null }] })?.codes,
    ).toEqual(["payment_order_closed"]);
  });
});
