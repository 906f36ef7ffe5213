import { describe, expect, it } from "vitest";
import { brandOf, callbackBehaviourOf, expiryValid, luhnValid, maskCard, outcomeOfCard, testCards } from "./test-cards";

describe("the test-card catalogue", () => {
  it("holds only Luhn-valid numbers whose brand matches the number", () => {
    for (const card of testCards()) {
      expect(luhnValid(card.number), card.number).toBe(true);
      expect(brandOf(card.number)).toBe(card.brand);
    }
  });

  it("scripts outcomes by number and approves any other valid card", () => {
    expect(outcomeOfCard("4000000000009995")).toEqual({ kind: "decline", reason: "insufficient_funds" });
    expect(outcomeOfCard("4000000000003220")).toEqual({ kind: "challenge" });
    expect(outcomeOfCard("4242424242424242")).toEqual({ kind: "approve" });
  });

  it("rejects bad numbers and past expiries", () => {
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("41111")).toBe(false);
    const now = new Date(Date.UTC(2026, 10, 24));
    expect(expiryValid("11/26", now)).toBe(true);
    expect(expiryValid("10/26", now)).toBe(false);
    expect(expiryValid("13/30", now)).toBe(false);
    expect(expiryValid("12/2030", now)).toBe(true);
  });

  it("masks to first six and last four", () => {
    expect(maskCard("4111111111111111")).toBe("411111******1111");
  });

  it("reads notification behaviour from the cardholder name", () => {
    expect(callbackBehaviourOf("Ann Late")).toBe("delayed");
    expect(callbackBehaviourOf("Bob TWICE")).toBe("duplicated");
    expect(callbackBehaviourOf("silent sam")).toBe("never");
    expect(callbackBehaviourOf("Carol")).toBe("on_time");
  });
});
