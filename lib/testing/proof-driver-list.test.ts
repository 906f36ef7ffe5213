import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProofDrivers, proofDriverIds } from "./proof-driver-list";

describe("proofDriverIds", () => {
  const dir = mkdtempSync(join(tmpdir(), "proof-drivers-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the folders that hold a proof-driver.ts, in name order, and nothing else", () => {
    for (const name of ["zeta", "alpha", "no-driver"]) mkdirSync(join(dir, name));
    writeFileSync(join(dir, "zeta", "proof-driver.ts"), "");
    writeFileSync(join(dir, "alpha", "proof-driver.ts"), "");
    writeFileSync(join(dir, "proof-driver.ts"), "");
    expect(proofDriverIds(dir)).toEqual(["alpha", "zeta"]);
  });

  it("finds every emulator's driver in lib/emulators", () => {
    expect(proofDriverIds()).toEqual(["antom", "lesspay", "pingpayments", "pingpong"]);
  });
});

describe("loadProofDrivers", () => {
  it("loads one driver per folder, each for its own provider, with the outcomes it notifies", async () => {
    const drivers = await loadProofDrivers();
    expect(drivers.map((driver) => driver.provider)).toEqual(proofDriverIds());
    for (const driver of drivers) expect(driver.outcomes).toContain("succeeded");
  });
});
