import { describe, expect, it } from "vitest";
import { canTransition } from "@/lib/payments/state";
import { failureFor, toPaymentStatus } from "./mappers";

describe("Ping Payments statuses in the shop's terms", () => {
  it("maps every status", () => {
    expect(toPaymentStatus("INITIATED")).toBe("requires_action");
    expect(toPaymentStatus("PENDING")).toBe("processing");
    expect(toPaymentStatus("COMPLETED")).toBe("succeeded");
    for (const status of ["DECLINED", "CANCELLED", "CRASHED"] as const) expect(toPaymentStatus(status)).toBe("failed");
  });

  it("lets a payment waiting for the payer go pending, then complete, never back", () => {
    const waiting = toPaymentStatus("INITIATED");
    const pending = toPaymentStatus("PENDING");
    const done = toPaymentStatus("COMPLETED");
    expect(canTransition(waiting, pending)).toBe(true);
    expect(canTransition(pending, done)).toBe(true);
    expect(canTransition(done, pending)).toBe(false);
  });

  it("explains failures with the provider's reason, or a plain default", () => {
    expect(
      failureFor("DECLINED", { code: "insufficient_funds", description: "Insufficient funds on the card." }),
    ).toEqual({ code: "insufficient_funds", message: "Insufficient funds on the card." });
    expect(failureFor("CANCELLED", null)).toEqual({
      code: "cancelled",
      message: "The payment was cancelled on the PaymentIQ page.",
    });
    expect(failureFor("COMPLETED", null)).toBeUndefined();
  });
});
