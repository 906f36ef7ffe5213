import { afterEach, describe, expect, it, vi } from "vitest";
import type { PaymentMethod } from "./types";

/** The module as a fresh process with `env` reads it (settings are read once per process). */
async function cardProcessorWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import("./card-processor");
}

const keysOf = (methods: readonly PaymentMethod[]) => methods.map((m) => `${m.provider}:${m.method}`);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the card processor", () => {
  it("on a laptop: every processor is offered (QA may switch), Antom's card form first by default", async () => {
    const { offeredCardProcessors, isOffered } = await cardProcessorWith({ APP_URL: "http://localhost:3000" });
    const offered = keysOf(offeredCardProcessors("USD"));
    expect(offered[0]).toBe("antom:card");
    expect(offered).toEqual(
      expect.arrayContaining(["pingpong:card", "lesspay:card", "lesspay:cashier", "pingpayments:card"]),
    );
    expect(isOffered({ provider: "pingpong", method: "card" }, "USD")).toBe(true);
  });

  it("on a public deployment: only the configured processor; another one is not offered", async () => {
    const { offeredCardProcessors, isOffered } = await cardProcessorWith({
      APP_URL: "https://shop.example.test",
      CARD_PROCESSOR: "pingpong:card",
    });
    expect(keysOf(offeredCardProcessors("USD"))).toEqual(["pingpong:card"]);
    expect(isOffered({ provider: "antom", method: "card" }, "USD")).toBe(false);
    expect(isOffered({ provider: "pingpayments", method: "card" }, "USD")).toBe(false);
    // Wallets and QR methods are not card processors: still offered.
    expect(isOffered({ provider: "pingpong", method: "alipayhk" }, "USD")).toBe(true);
  });

  it("a configured processor the shop does not have falls back to the first one", async () => {
    const { offeredCardProcessors } = await cardProcessorWith({
      APP_URL: "https://shop.example.test",
      CARD_PROCESSOR: "nowhere:card",
    });
    expect(offeredCardProcessors("USD")).toHaveLength(1);
  });

  it("checkout lists the card processors first, then the wallets and QR methods", async () => {
    const { checkoutMethodsFor } = await cardProcessorWith({ APP_URL: "http://localhost:3000" });
    const kinds = checkoutMethodsFor("USD").map((m) => (m.kind === "card" || m.cardPage ? "card" : "other"));
    expect(kinds.indexOf("other")).toBeGreaterThan(kinds.lastIndexOf("card"));
  });
});
