import { describe, expect, it } from "vitest";
import { z } from "zod";
import { settings } from "@/lib/env";
import { baseUrlOf, isUnderEmulators, providerSettings } from "./settings";

describe("a provider's own settings", () => {
  it("default the base URL to its emulator under EMULATORS_URL, without a trailing slash", () => {
    const emulators = settings().EMULATORS_URL;
    expect(baseUrlOf("acme", undefined)).toBe(`${emulators}/acme`);
    expect(baseUrlOf("acme", "https://api.acme.example/v1/")).toBe("https://api.acme.example/v1");
  });

  it("take a URL as the emulators' only under EMULATORS_URL itself", () => {
    const emulators = settings().EMULATORS_URL;
    expect(isUnderEmulators(`${emulators}/acme`)).toBe(true);
    expect(isUnderEmulators(`${emulators}-elsewhere/acme`)).toBe(false);
    expect(isUnderEmulators("https://api.acme.example/emulators/acme")).toBe(false);
  });

  it("are read at first use, once, and refuse an invalid value by its key", () => {
    let reads = 0;
    const read = providerSettings(z.object({ ACME_TEST_LIMIT: z.coerce.number().int().default(3) }), (env) => {
      reads += 1;
      return env;
    });
    expect(reads).toBe(0);
    expect(read()).toEqual({ ACME_TEST_LIMIT: 3 });
    expect(read()).toBe(read());
    expect(reads).toBe(1);

    process.env.ACME_TEST_BAD = "not a number";
    try {
      const bad = providerSettings(z.object({ ACME_TEST_BAD: z.coerce.number() }), (env) => env);
      expect(bad).toThrow(/Invalid environment[\s\S]*ACME_TEST_BAD/);
    } finally {
      delete process.env.ACME_TEST_BAD;
    }
  });
});
