// After the whole Playwright run: the shop's database files must hold no full card number and
// no security code (every card the run typed comes from the emulators' catalogue).
import { TEST_CARDS } from "../../lib/emulators/test-cards";
import { scanFilesForCardData } from "../../lib/testing/card-data-scan";
import { E2E_SHOP_DATABASE } from "./env";

export default function scanShopDatabaseForCardData() {
  const files = [E2E_SHOP_DATABASE, `${E2E_SHOP_DATABASE}-wal`, `${E2E_SHOP_DATABASE}-shm`];
  const findings = scanFilesForCardData(files, TEST_CARDS.map((card) => card.number));
  if (findings.length > 0) {
    throw new Error(`Card data found in the shop's database files:\n${findings.map((f) => `- ${f.kind} in ${f.file}: …${f.excerpt.replace(/[^\x20-\x7e]/g, "·")}…`).join("\n")}`);
  }
  console.log(`Card data scan: ${files.join(", ")} hold no card number or security code.`);
}
