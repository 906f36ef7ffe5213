import { describe, expect, it } from "vitest";
import { corruptSignature, forcedOutcomeOf, overrideIssues } from "./control";
import { controlGuard } from "./control-guard";

describe("control plane guard", () => {
  it("refuses with 404 when the provider's base URL points at a real provider", async () => {
    const refused = controlGuard("antom", { ANTOM_BASE_URL: "https://open-sea-global.alipay.com" });
    expect(refused?.status).toBe(404);
    expect(await refused!.json()).toEqual({ error: "control is disabled: ANTOM_BASE_URL points at a real provider" });
    expect(
      controlGuard("pingpayments", { PINGPAYMENTS_BASE_URL: "https://api.pingpayments.com/payments" })?.status,
    ).toBe(404);
    expect(
      controlGuard("pingpong", { PINGPONG_BASE_URL: "https://sandbox-acquirer-payment.pingpongx.com" })?.status,
    ).toBe(404);
    expect(controlGuard("lesspay", { LESSPAY_BASE_URL: "https://api.lesspay.example" })?.status).toBe(404);
  });

  it("is enabled when the base URL is unset, empty, or the provider's emulator", () => {
    expect(controlGuard("antom", {})).toBeUndefined();
    expect(controlGuard("lesspay", { LESSPAY_BASE_URL: "" })).toBeUndefined();
    expect(controlGuard("pingpong", { PINGPONG_BASE_URL: "http://localhost:3000/emulators/pingpong" })).toBeUndefined();
    expect(
      controlGuard("pingpayments", { PINGPAYMENTS_BASE_URL: "http://localhost:3601/emulators/pingpayments/api/v1" }),
    ).toBeUndefined();
  });

  it("does not accept another provider's emulator URL, nor an unknown provider", () => {
    expect(controlGuard("antom", { ANTOM_BASE_URL: "http://localhost:3000/emulators/lesspay" })?.status).toBe(404);
    expect(controlGuard("stripe", {})?.status).toBe(404);
  });

  it("reads the environment at call time", () => {
    const before = process.env.LESSPAY_BASE_URL;
    try {
      process.env.LESSPAY_BASE_URL = "https://real.example";
      expect(controlGuard("lesspay")?.status).toBe(404);
      delete process.env.LESSPAY_BASE_URL;
      expect(controlGuard("lesspay")).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.LESSPAY_BASE_URL;
      else process.env.LESSPAY_BASE_URL = before;
    }
  });

  it("corrupts a signature so that it differs but keeps its shape", () => {
    const hex = "A".repeat(63) + "F";
    expect(corruptSignature(hex)).not.toBe(hex);
    expect(corruptSignature(hex)).toMatch(/^[0-9A-F]{64}$/);
    expect(corruptSignature("abc0")).toBe("abc1");
  });
});

describe("forced faults", () => {
  it("charge goes with a fault only; a hold with approve, a timeout, or a fault after the charge", () => {
    expect(overrideIssues({ outcome: "http_500", charge: true, holdSeconds: 5 })).toEqual([]);
    expect(overrideIssues({ outcome: "timeout", holdSeconds: 5 })).toEqual([]);
    expect(overrideIssues({ outcome: "approve", holdSeconds: 5 })).toEqual([]);
    expect(overrideIssues({ outcome: "approve", charge: true })).toEqual([expect.stringMatching(/^charge:/)]);
    expect(overrideIssues({ outcome: "html", holdSeconds: 5 })).toEqual([expect.stringMatching(/^holdSeconds:/)]);
    expect(overrideIssues({ outcome: "challenge", declineReason: "generic" })).toEqual([
      expect.stringMatching(/^declineReason:/),
    ]);
  });

  it("a fault after the charge approves the payment; before it, it forces no card outcome", () => {
    expect(forcedOutcomeOf({ outcome: "malformed_json", declineReason: null, charge: true })).toEqual({
      kind: "approve",
    });
    expect(forcedOutcomeOf({ outcome: "malformed_json", declineReason: null, charge: false })).toBeUndefined();
    expect(forcedOutcomeOf({ outcome: "decline", declineReason: "expired_card" })).toEqual({
      kind: "decline",
      reason: "expired_card",
    });
  });
});
