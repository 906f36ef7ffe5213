import { describe, expect, it } from "vitest";
import { controlPlaneToken } from "@/lib/deployment-secrets";
import { emulatorSettings } from "./settings";

describe("the emulators' own settings", () => {
  it("read the control token and the shop's address from the environment, without the shop's settings", () => {
    const env = { APP_URL: "https://shop.example.test/", EMULATOR_CONTROL_TOKEN: "a-control-token-of-24-characters" };
    expect(emulatorSettings(env)).toEqual({
      APP_URL: "https://shop.example.test",
      EMULATOR_CONTROL_TOKEN: "a-control-token-of-24-characters",
    });
  });

  it("give the same control token as the shop's side when it is configured", () => {
    expect(
      controlPlaneToken(
        emulatorSettings({ EMULATOR_CONTROL_TOKEN: " configured-token-0123456789 " }).EMULATOR_CONTROL_TOKEN,
      ),
    ).toBe("configured-token-0123456789");
  });
});
