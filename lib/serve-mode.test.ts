import { describe, expect, it } from "vitest";
import {
  emulatorDatabaseLabel,
  emulatorDatabasePath,
  emulatorDatabaseUrl,
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

  it("keeps the emulators' data on PostgreSQL with EMULATOR_DATABASE_URL, else with the shop's DATABASE_URL", () => {
    const shop = "postgres://shop:pw@db.internal:5432/shop";
    const own = "postgresql://emu@db.internal/emulators";
    expect(emulatorDatabaseUrl({})).toBeUndefined();
    expect(emulatorDatabaseUrl({ DATABASE_URL: shop })).toBe(shop);
    expect(emulatorDatabaseUrl({ DATABASE_URL: shop, EMULATOR_DATABASE_URL: own })).toBe(own);
    expect(emulatorDatabaseUrl({ EMULATOR_DATABASE_URL: own })).toBe(own);
    // Kept on SQLite beside a shop on PostgreSQL; a misspelling is refused.
    expect(emulatorDatabaseUrl({ DATABASE_URL: shop, EMULATOR_DATABASE_URL: "sqlite" })).toBeUndefined();
    expect(() => emulatorDatabaseUrl({ DATABASE_URL: shop, EMULATOR_DATABASE_URL: "sqlit" })).toThrow(/sqlite/);
    // Anything but a PostgreSQL URL leaves them on SQLite (the file of EMULATOR_DATABASE_PATH).
    expect(emulatorDatabaseUrl({ DATABASE_URL: "file:data/shop.sqlite" })).toBeUndefined();
    expect(emulatorDatabaseLabel({ EMULATOR_DATABASE_PATH: "/tmp/e.sqlite" })).toBe("/tmp/e.sqlite");
    // The log line never shows the password.
    expect(emulatorDatabaseLabel({ DATABASE_URL: shop })).not.toContain("pw");
    expect(emulatorDatabaseLabel({ DATABASE_URL: shop })).toContain("db.internal:5432/shop (schema emulators)");
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
