import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

  it("finds a driver for every emulator in lib/emulators (each folder with an index.ts)", () => {
    const emulators = fileURLToPath(new URL("../emulators", import.meta.url));
    const withIndex = readdirSync(emulators, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(emulators, entry.name, "index.ts")))
      .map((entry) => entry.name)
      .sort();
    expect(withIndex.length).toBeGreaterThanOrEqual(5);
    expect(proofDriverIds()).toEqual(withIndex);
  });
});

describe("loadProofDrivers", () => {
  it("loads one driver per folder, each for its own provider, with the outcomes it notifies", async () => {
    const drivers = await loadProofDrivers();
    expect(drivers.map((driver) => driver.provider)).toEqual(proofDriverIds());
    for (const driver of drivers) expect(driver.outcomes).toContain("succeeded");
  });
});
