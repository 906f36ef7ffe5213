import { describe, expect, it } from "vitest";
import { AntomClient } from "./client";
import { antomSettings } from "./settings";

const client = (clientId: string) =>
  new AntomClient({ baseUrl: "http://localhost", clientId, merchantPrivateKey: "", antomPublicKey: "" });

describe("AntomClient paths [doc: PROVIDERS.md §2, as the official SDKs choose them]", () => {
  it("calls /ams/sandbox/api/v1/... for a SANDBOX_ client id, /ams/api/v1/... for any other", () => {
    expect(client("SANDBOX_2026STOREFRONT01").path("pay")).toBe("/ams/sandbox/api/v1/payments/pay");
    expect(client("SANDBOX_X").path("inquiryPayment")).toBe("/ams/sandbox/api/v1/payments/inquiryPayment");
    expect(client("2026STOREFRONT01").path("refund")).toBe("/ams/api/v1/payments/refund");
  });

  it("with no env file, the shop's default client id is the emulator's sandbox one, so it calls the sandbox path", () => {
    expect(antomSettings().ANTOM_CLIENT_ID).toMatch(/^SANDBOX_/);
    expect(client(antomSettings().ANTOM_CLIENT_ID).path("pay")).toBe("/ams/sandbox/api/v1/payments/pay");
  });
});
