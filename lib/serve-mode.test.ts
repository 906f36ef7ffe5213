import { describe, expect, it } from "vitest";
import {
  emulatorDatabasePath,
  isControlPlaneClosed,
  isStandaloneEmulators,
  servedByStandaloneEmulators,
  serveMode,
  STANDALONE_EMULATOR_DATABASE,
} from "./serve-mode";

describe("serve mode", () => {
  it("is the shop unless SERVE=emulators, and refuses any other value", () => {
    expect(serveMode({})).toBe("shop");
    expect(serveMode({ SERVE: "shop" })).toBe("shop");
    expect(serveMode({ SERVE: " Emulators " })).toBe("emulators");
    expect(isStandaloneEmulators({ SERVE: "emulators" })).toBe(true);
    expect(isStandaloneEmulators({})).toBe(false);
    expect(() => serveMode({ SERVE: "emulator" })).toThrow(/SERVE must be one of shop, emulators/);
  });

  it("serves the emulators, the build's files and the health route alone, no shop route", () => {
    for (const path of [
      "/emulators",
      "/emulators/pingpong/v4/payment/unifiedPay",
      "/emulators/control/reset",
      "/_next/static/chunks/app.js",
      "/api/health",
    ])
      expect(servedByStandaloneEmulators(path), path).toBe(true);
    for (const path of [
      "/",
      "/checkout",
      "/admin",
      "/login",
      "/api/orders/1/status",
      "/api/webhooks/antom",
      "/api/healthz",
      "/emulatorsx",
      "/canonical-host",
      "/products/mug",
    ])
      expect(servedByStandaloneEmulators(path), path).toBe(false);
  });

  it("keeps the standalone emulators' database apart from the mounted ones', unless EMULATOR_DATABASE_PATH names one", () => {
    expect(emulatorDatabasePath({})).toBe("data/emulators.sqlite");
    expect(emulatorDatabasePath({ SERVE: "emulators" })).toBe(STANDALONE_EMULATOR_DATABASE);
    expect(emulatorDatabasePath({ SERVE: "emulators", EMULATOR_DATABASE_PATH: "/tmp/e.sqlite" })).toBe("/tmp/e.sqlite");
  });

  it("closes the control plane only on EMULATOR_CONTROL=closed, and refuses a misspelling", () => {
    expect(isControlPlaneClosed({})).toBe(false);
    expect(isControlPlaneClosed({ EMULATOR_CONTROL: "open" })).toBe(false);
    expect(isControlPlaneClosed({ EMULATOR_CONTROL: "closed" })).toBe(true);
    expect(() => isControlPlaneClosed({ EMULATOR_CONTROL: "close" })).toThrow(
      /EMULATOR_CONTROL must be open or closed/,
    );
  });
});
