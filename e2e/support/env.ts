// @ts-expect-error plain ES module shared with the parity runner
import { testDataDir } from "../../lib/testing/parity.mjs";

/** The database files of the e2e server (see e2e/support/serve.mjs); tests read them to check what the shop stored. */
export const E2E_SHOP_DATABASE = `${testDataDir("e2e")}/shop.sqlite`;
