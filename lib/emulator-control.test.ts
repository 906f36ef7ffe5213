import { describe, expect, it } from "vitest";
import { settings } from "@/lib/env";
import { controlUrl, forcibleProviders } from "./emulator-control";
import { providerDescriptors } from "./payments/registry";

describe("the shop's view of the emulators' control plane", () => {
  it("is at EMULATORS_URL/control/<id> for an emulated provider, and nowhere for an unknown one", () => {
    for (const provider of providerDescriptors())
      expect(controlUrl(provider.id)).toBe(`${settings().EMULATORS_URL}/control/${provider.id}`);
    expect(controlUrl("nowhere")).toBeUndefined();
  });

  it("offers every emulated provider to force, by its display name, saying which sign nothing", () => {
    expect(forcibleProviders()).toEqual(
      providerDescriptors().map((provider) => ({
        id: provider.id,
        label: provider.displayName,
        unsigned: Boolean(provider.unsignedNotifications),
      })),
    );
    expect(forcibleProviders().some((provider) => provider.unsigned)).toBe(true);
  });
});
