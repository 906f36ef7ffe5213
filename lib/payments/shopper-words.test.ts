import { describe, expect, it } from "vitest";
import { wasCanceled } from "./shopper-words";

describe("wasCanceled", () => {
  it("reads a failure with a code its provider names as called off as canceled, in any case", () => {
    expect(wasCanceled({ provider: "pingpayments", status: "failed", failureCode: "CANCELLED" })).toBe(true);
    expect(wasCanceled({ provider: "pingpong", status: "failed", failureCode: "301006" })).toBe(true);
    expect(wasCanceled({ provider: "lesspay", status: "failed", failureCode: "Closed" })).toBe(true);
  });

  it("keeps a refusal, another provider's cancel code and a code-less failure as failures", () => {
    expect(wasCanceled({ provider: "pingpayments", status: "failed", failureCode: "DECLINED" })).toBe(false);
    expect(wasCanceled({ provider: "antom", status: "failed", failureCode: "301006" })).toBe(false);
    expect(wasCanceled({ provider: "pingpong", status: "failed", failureCode: null })).toBe(false);
  });

  it("reads a canceled or superseded attempt as canceled whatever its provider", () => {
    expect(wasCanceled({ provider: "antom", status: "canceled", failureCode: null })).toBe(true);
    expect(wasCanceled({ provider: "gone", status: "superseded", failureCode: null })).toBe(true);
  });
});
