import { describe, expect, it } from "vitest";
import { WALLET_TYPES, isWalletType } from "./config";
import { withCode } from "./oneclick";

describe("PingPong one-click helpers", () => {
  it("appends the legacy code with ? or &", () => {
    expect(withCode("https://shop.test/back", "abc")).toBe("https://shop.test/back?code=abc");
    expect(withCode("https://shop.test/back?order=7", "abc")).toBe("https://shop.test/back?order=7&code=abc");
    expect(withCode("https://shop.test/back?", "abc")).toBe("https://shop.test/back?code=abc");
    expect(withCode("https://shop.test/back?a=1#top", "abc")).toBe("https://shop.test/back?a=1&code=abc#top");
  });

  it("knows the nine wallet types, spaces included", () => {
    expect(WALLET_TYPES).toHaveLength(9);
    expect(isWalletType("TNG eWallet")).toBe(true);
    expect(isWalletType("Rabbit LINE Pay")).toBe(true);
    expect(isWalletType("WeChatPay")).toBe(false);
  });
});
