// Finds the providers' proof drivers by folder: every lib/emulators/<id>/proof-driver.ts that
// exports `proofDriver` (no list to edit). Shop-free, so the bench (scripts/bench.mjs) loads it too.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProofDriver } from "./proof-driver";

const EMULATORS_DIR = fileURLToPath(new URL("../emulators", import.meta.url));
const DRIVER_FILE = "proof-driver.ts";

/** The ids of the emulators in `emulatorsDir` that have a proof driver, in name order. */
export function proofDriverIds(emulatorsDir = EMULATORS_DIR): string[] {
  return readdirSync(emulatorsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(emulatorsDir, entry.name, DRIVER_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/** Every provider's proof driver, in name order; throws for a file that exports none for its folder. */
export async function loadProofDrivers(): Promise<ProofDriver[]> {
  const drivers: ProofDriver[] = [];
  for (const id of proofDriverIds()) {
    const { proofDriver } = (await import(pathToFileURL(join(EMULATORS_DIR, id, DRIVER_FILE)).href)) as {
      proofDriver?: ProofDriver;
    };
    if (proofDriver?.provider !== id)
      throw new Error(`lib/emulators/${id}/${DRIVER_FILE} must export a proofDriver for ${id}`);
    drivers.push(proofDriver);
  }
  return drivers;
}
