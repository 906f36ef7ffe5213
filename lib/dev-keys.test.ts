import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devKey, devKeyFile, ensureDevKeys, type DevKeyStore } from "./dev-keys";

const dir = mkdtempSync(join(tmpdir(), "dev-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const store: DevKeyStore = {
  dirVariable: "DEV_KEYS_TEST_DIR",
  defaultDir: join(dir, "store"),
  pairs: ["shop", "bank"],
};

describe("a development key store", () => {
  it("makes each pair once, as <pair>-private.pem and <pair>-public.pem", () => {
    ensureDevKeys(store);
    const files = readdirSync(join(dir, "store")).sort();
    expect(files).toEqual(["bank-private.pem", "bank-public.pem", "shop-private.pem", "shop-public.pem"]);
    const before = readFileSync(join(dir, "store", devKeyFile("shop", "private")), "utf8");
    ensureDevKeys(store);
    expect(readFileSync(join(dir, "store", devKeyFile("shop", "private")), "utf8")).toBe(before);
    // RSA key generation takes seconds on a busy machine: a generous ceiling, not a measure.
  }, 60_000);

  it("reads a key from the file, or from the environment variable when set (\\n for line breaks)", () => {
    expect(devKey(store, "bank", "public", "DEV_KEYS_TEST_PEM")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    process.env.DEV_KEYS_TEST_PEM = "-----BEGIN X-----\\nabc\\n-----END X-----";
    try {
      expect(devKey(store, "bank", "public", "DEV_KEYS_TEST_PEM")).toBe("-----BEGIN X-----\nabc\n-----END X-----");
    } finally {
      delete process.env.DEV_KEYS_TEST_PEM;
    }
  });
});
