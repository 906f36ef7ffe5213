import { describe, expect, it } from "vitest";
import english from "@/messages/en/checkout.json";
import chinese from "@/messages/zh/checkout.json";
import {
  brandLabel,
  CARD_BRAND_IDS,
  CARD_PROBLEMS,
  cardBrand,
  cardSummary,
  cvcLength,
  formatCardNumber,
  formatExpiry,
  luhnValid,
  parseExpiry,
  testCardSecurityCode,
  validateCard,
} from "./cards";

const NOW = new Date(Date.UTC(2026, 10, 24));

describe("card helpers", () => {
  it("detects brands", () => {
    expect(cardBrand("4111 1111 1111 1111")).toBe("visa");
    expect(cardBrand("5555555555554444")).toBe("mastercard");
    expect(cardBrand("2223003122003222")).toBe("mastercard");
    expect(cardBrand("378282246310005")).toBe("amex");
    expect(cardBrand("6200000000000005")).toBe("unionpay");
    expect(cardBrand("3530111333300000")).toBe("jcb");
    expect(cardBrand("9999")).toBe("unknown");
  });

  it("checks Luhn", () => {
    expect(luhnValid("4111 1111 1111 1111")).toBe(true);
    expect(luhnValid("4111 1111 1111 1112")).toBe(false);
    expect(luhnValid("4111")).toBe(false);
  });

  it("formats as the shopper types", () => {
    expect(formatCardNumber("4111111111111111")).toBe("4111 1111 1111 1111");
    expect(formatCardNumber("378282246310005")).toBe("3782 822463 10005");
    expect(formatCardNumber("4111-1111 11")).toBe("4111 1111 11");
    expect(formatExpiry("1")).toBe("1");
    expect(formatExpiry("4")).toBe("04/");
    expect(formatExpiry("1234")).toBe("12/34");
    expect(formatExpiry("12/345")).toBe("12/34");
  });

  it("parses expiries and asks for the brand's CVC length", () => {
    expect(parseExpiry("12/34")).toEqual({ month: "12", year: "2034" });
    expect(parseExpiry("13/34")).toBeNull();
    expect(cvcLength("amex")).toBe(4);
    expect(cvcLength("visa")).toBe(3);
  });

  it("validates a whole card with a problem per field, as a message key and its values", () => {
    expect(
      validateCard({ number: "4111 1111 1111 1111", expiry: "12/34", cvc: "737", holder: "Pat Pong" }, NOW),
    ).toEqual({});
    expect(validateCard({ number: "4111 1111 1111 1112", expiry: "10/26", cvc: "73", holder: "" }, NOW)).toEqual({
      number: { code: "numberInvalid" },
      expiry: { code: "expired" },
      cvc: { code: "cvcLength", digits: 3 },
      holder: { code: "holderMissing" },
    });
    expect(validateCard({ number: "", expiry: "", cvc: "", holder: " " }, NOW)).toEqual({
      number: { code: "numberMissing" },
      expiry: { code: "expiryMissing" },
      cvc: { code: "cvcMissing" },
      holder: { code: "holderMissing" },
    });
    expect(validateCard({ number: "4111111111111111", expiry: "1/2", cvc: "737", holder: "A B" }, NOW).expiry).toEqual({
      code: "expiryFormat",
    });
    expect(validateCard({ number: "378282246310005", expiry: "11/26", cvc: "123", holder: "A B" }, NOW).cvc).toEqual({
      code: "cvcLength",
      digits: 4,
    });
  });

  it("keeps only brand, first six and last four", () => {
    expect(cardSummary("4111 1111 1111 1111")).toEqual({ brand: "Visa", first6: "411111", last4: "1111" });
  });

  it("has a message for every card problem in both languages, the CVC's with its number of digits", () => {
    for (const catalogue of [english, chinese]) {
      const messages: Record<string, string> = catalogue.CheckoutCard.errors;
      expect(Object.keys(messages).sort()).toEqual([...CARD_PROBLEMS].sort());
      expect(messages.cvcLength).toContain("{digits}");
    }
  });

  it("names each brand the form recognises in both languages, in English as the shop keeps it", () => {
    for (const catalogue of [english, chinese])
      expect(Object.keys(catalogue.CheckoutCard.typedBrand).sort()).toEqual([...CARD_BRAND_IDS].sort());
    for (const brand of CARD_BRAND_IDS) expect(english.CheckoutCard.typedBrand[brand]).toBe(brandLabel(brand));
  });
});

describe("testCardSecurityCode", () => {
  it("fills three digits, four where the brand's code has four", () => {
    expect(testCardSecurityCode("4111 1111 1111 1111")).toBe("737");
    expect(testCardSecurityCode("3782 822463 10005")).toBe("7373");
  });
});
