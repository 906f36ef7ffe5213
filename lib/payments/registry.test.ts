import { describe, expect, it } from "vitest";
import {
  getProvider,
  isEmulated,
  isLinkableWallet,
  linkableWallets,
  providerDescriptors,
  providerName,
  providerSecretFields,
  walletProvider,
} from "./registry";

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

describe("the provider list", () => {
  it("gives each descriptor its adapter's id and name, and each id once", () => {
    const ids = providerDescriptors().map((provider) => provider.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const provider of providerDescriptors()) {
      expect(provider.id).toBe(provider.adapter.id);
      expect(provider.displayName).toBe(provider.adapter.displayName);
      expect(provider.adapter.methods.every((method) => method.provider === provider.id)).toBe(true);
      expect(providerName(provider.id)).toBe(provider.displayName);
    }
    expect(providerName("gone")).toBe("gone");
  });

  it("takes a provider as emulated while its base URL is under EMULATORS_URL (the default)", () => {
    for (const provider of providerDescriptors()) expect(isEmulated(provider), provider.id).toBe(true);
  });

  it("masks every provider's secret fields in the shop's logs", () => {
    const fields = providerSecretFields();
    for (const provider of providerDescriptors())
      expect(fields).toEqual(expect.arrayContaining([...provider.secretFields]));
  });
});
