import { describe, expect, it } from "vitest";
import {
  currencyExponent,
  formatMoney,
  fromDecimalString,
  minor,
  multiplyMinor,
  sumMinor,
  toDecimalString,
} from "./money";

describe("ISO 4217 exponents", () => {
  it.each([
    ["JPY", 0],
    ["USD", 2],
    ["SEK", 2],
    ["CNY", 2],
    ["KWD", 3],
    ["BHD", 3],
    // Beyond the shop's own currencies: the whole of ISO 4217.
    ["ZAR", 2],
    ["XOF", 0],
    ["UGX", 0],
    ["OMR", 3],
  ])("%s has %i decimals", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it("refuses an unknown currency", () => {
    expect(() => currencyExponent("XYZ")).toThrow(/Unknown currency/);
    expect(() => currencyExponent("usd")).toThrow(/Unknown currency/);
    // A fund code, not a currency in use.
    expect(() => currencyExponent("CLF")).toThrow(/Unknown currency/);
  });
});

describe("minor units to the wire and back", () => {
  it.each([
    [1500, "JPY", "1500"],
    [0, "JPY", "0"],
    [1999, "USD", "19.99"],
    [5, "EUR", "0.05"],
    [100, "HKD", "1.00"],
    [12345, "KWD", "12.345"],
    [7, "KWD", "0.007"],
  ])("%i %s <-> %s", (amount, currency, text) => {
    expect(toDecimalString(amount, currency)).toBe(text);
    expect(fromDecimalString(text, currency)).toBe(amount);
  });

  it("accepts trailing zeros past the exponent (PingPong sends 100.000000)", () => {
    expect(fromDecimalString("100.000000", "USD")).toBe(10000);
    expect(fromDecimalString("5.000", "JPY")).toBe(5);
  });

  it("refuses digits a currency cannot hold", () => {
    expect(() => fromDecimalString("1.5", "JPY")).toThrow(/more decimals/);
    expect(() => fromDecimalString("1.001", "USD")).toThrow(/more decimals/);
    expect(() => fromDecimalString("1.0001", "KWD")).toThrow(/more decimals/);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "-1.00", "1,00", "abc", "1e3"]) expect(() => fromDecimalString(bad, "USD")).toThrow();
    expect(() => minor(1.5)).toThrow();
    expect(() => minor(-1)).toThrow();
    expect(() => toDecimalString(10.5, "USD")).toThrow();
  });

  it("keeps large amounts exact", () => {
    expect(toDecimalString(900719925474099, "USD")).toBe("9007199254740.99");
  });
});

describe("formatting for people", () => {
  it("uses each currency's decimals", () => {
    expect(formatMoney(1999, "USD")).toBe("$19.99");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    // Intl puts a no-break space between a currency code and the number.
    expect(formatMoney(12345, "KWD").replace(/\s/g, " ")).toBe("KWD 12.345");
    expect(formatMoney(94900, "SEK").replace(/\s/g, " ")).toBe("SEK 949.00");
  });
});

describe("arithmetic", () => {
  it("sums and multiplies integers only", () => {
    expect(sumMinor([100, 250, 5])).toBe(355);
    expect(multiplyMinor(1999, 3)).toBe(5997);
    expect(() => multiplyMinor(100, 1.5)).toThrow();
  });
});
