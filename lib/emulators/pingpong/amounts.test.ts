import { describe, expect, it } from "vitest";
import { parseAmount, sixDecimals } from "./api";

describe("PingPong amounts", () => {
  it("reads major units as numbers or decimal strings, within the currency's decimals", () => {
    expect(parseAmount(100, "USD", "amount")).toBe(10000);
    expect(parseAmount("100.00", "USD", "amount")).toBe(10000);
    expect(parseAmount("12.5", "EUR", "amount")).toBe(1250);
    expect(parseAmount("1000", "JPY", "amount")).toBe(1000);
    expect(parseAmount("1.234", "KWD", "amount")).toBe(1234);
    expect(parseAmount("10.5", "JPY", "amount")).toMatch(/more decimals than JPY/);
    expect(parseAmount("1.001", "USD", "amount")).toMatch(/more decimals/);
    expect(parseAmount("0", "USD", "amount")).toMatch(/greater than 0/);
    expect(parseAmount("-1", "USD", "amount")).toMatch(/decimal amount/);
    expect(parseAmount("1e3", "USD", "amount")).toMatch(/decimal amount/);
  });

  it("writes amounts with 6 decimals", () => {
    expect(sixDecimals(10000, "USD")).toBe("100.000000");
    expect(sixDecimals(5, "USD")).toBe("0.050000");
    expect(sixDecimals(1000, "JPY")).toBe("1000.000000");
    expect(sixDecimals(1234, "BHD")).toBe("1.234000");
  });
});
