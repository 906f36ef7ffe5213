import { describe, expect, it } from "vitest";
import { getProvider, isLinkableWallet, linkableWallets, walletProvider } from "./registry";

describe("the wallet-linking capability in the registry", () => {
  it("finds the provider that links wallets through the adapter interface", () => {
    const provider = walletProvider();
    expect(provider?.id).toBe("pingpong");
    expect(provider?.wallets).toBe(getProvider("pingpong").wallets);
    expect(getProvider("antom").wallets).toBeUndefined();
  });

  it("offers that provider's wallets only", () => {
    expect(linkableWallets().wallets).toEqual(["AlipayHK", "GCash"]);
    expect(isLinkableWallet("AlipayHK")).toBe(true);
    expect(isLinkableWallet("WeChatPay")).toBe(false);
    expect(isLinkableWallet(undefined)).toBe(false);
  });

  it("says whether the deprecated authorization flow is on, read at call time", () => {
    const before = process.env.PINGPONG_LEGACY_AUTH;
    try {
      process.env.PINGPONG_LEGACY_AUTH = "1";
      expect(linkableWallets().legacy).toBe(true);
      delete process.env.PINGPONG_LEGACY_AUTH;
      expect(linkableWallets().legacy).toBe(false);
    } finally {
      if (before === undefined) delete process.env.PINGPONG_LEGACY_AUTH;
      else process.env.PINGPONG_LEGACY_AUTH = before;
    }
  });
});
