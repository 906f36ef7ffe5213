import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types
import { FORWARDED_HEADERS_IMPORT, shopNodeOptions } from "../../scripts/shop-node-options.mjs";

const root = join(__dirname, "..", "..");
const options = shopNodeOptions as (env?: Record<string, string | undefined>, extra?: string[]) => string;

describe("the shop's Node options (scripts/shop-node-options.mjs)", () => {
  it("give the server a 256 MB heap ceiling, raised with SHOP_MAX_OLD_SPACE_MB", () => {
    expect(options({})).toBe(`--max-old-space-size=256 ${FORWARDED_HEADERS_IMPORT}`);
    expect(options({ SHOP_MAX_OLD_SPACE_MB: "512" })).toBe(`--max-old-space-size=512 ${FORWARDED_HEADERS_IMPORT}`);
    expect(options({ SHOP_MAX_OLD_SPACE_MB: "lots" })).toBe(`--max-old-space-size=256 ${FORWARDED_HEADERS_IMPORT}`);
  });

  it("keep what NODE_OPTIONS already says (its own ceiling wins) and add preloads after", () => {
    expect(options({ NODE_OPTIONS: "--enable-source-maps" }, ["--import x.mjs"])).toBe(
      `--enable-source-maps --max-old-space-size=256 ${FORWARDED_HEADERS_IMPORT} --import x.mjs`,
    );
    expect(options({ NODE_OPTIONS: "--max-old-space-size=1024", SHOP_MAX_OLD_SPACE_MB: "512" })).toBe(
      `--max-old-space-size=1024 ${FORWARDED_HEADERS_IMPORT}`,
    );
  });

  it("are the ones `npm start` and the test and bench servers start Next with", () => {
    for (const file of ["scripts/start.mjs", "lib/testing/test-server.mjs"]) {
      expect(readFileSync(join(root, file), "utf8"), file).toMatch(/NODE_OPTIONS: shopNodeOptions\(/);
    }
  });
});
