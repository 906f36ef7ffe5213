import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findCardData, scanFilesForCardData } from "./card-data-scan";

const CARDS = ["4111111111111111", "378282246310005"];
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("card data scan", () => {
  it("finds card numbers in any spacing and CVV-like key values", () => {
    expect(findCardData('{"cardNo":"4111 1111 1111 1111"}', CARDS)).toHaveLength(1);
    expect(findCardData("pan=3782-822463-10005", CARDS).map((f) => f.kind)).toEqual(["card number"]);
    expect(findCardData("GET /pay?card=4111+1111+1111+1111&x=1", CARDS).map((f) => f.kind)).toEqual(["card number"]);
    expect(findCardData("GET /pay?card=4111%201111%201111%201111", CARDS).map((f) => f.kind)).toEqual(["card number"]);
    expect(findCardData('{"cvv":"737"}', CARDS).map((f) => f.kind)).toEqual(["security code"]);
    expect(findCardData("cardCvc=1234&x", CARDS).map((f) => f.kind)).toEqual(["security code"]);
  });

  it("finds other Luhn-valid numbers on a test card's BIN, and ignores Luhn-invalid runs and other BINs", () => {
    expect(findCardData("order 4111110000000005 paid", CARDS).map((f) => f.kind)).toEqual(["card number"]);
    expect(findCardData("id=x4111111111111111x", CARDS)).toHaveLength(1);
    expect(findCardData("4111111111111112", CARDS)).toEqual([]);
    expect(findCardData("1764012345678 1764012345679", CARDS)).toEqual([]);
  });

  it("finds a card number at either end of a longer run, and a listed card anywhere in it", () => {
    // A Luhn-valid number on a test BIN followed by an expiry, and after a prefix.
    expect(findCardData("41111100000000051229", CARDS)).toHaveLength(1);
    expect(findCardData("20264111110000000005", CARDS)).toHaveLength(1);
    expect(findCardData("2026120210989411111111111111112997", CARDS)).toHaveLength(1);
  });

  it("passes a provider's long id that merely holds a test BIN in its middle", () => {
    // An emulator payment id of 35 digits: "411111" inside, Luhn-valid at some length by chance.
    expect(findCardData('"captureId":"20261202109894111112997108784859626"', CARDS)).toEqual([]);
  });

  it("passes masked and redacted data", () => {
    expect(findCardData('{"cardNo":"411111******1111","cvv":"[redacted]","last4":"1111"}', CARDS)).toEqual([]);
  });

  it("reads a SQLite file's bytes, WAL included", () => {
    const dir = mkdtempSync(join(tmpdir(), "scan-"));
    dirs.push(dir);
    const path = join(dir, "shop.sqlite");
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.exec("create table t (v text)");
    db.prepare("insert into t values (?)").run('{"number":"4111111111111111"}');
    const findings = scanFilesForCardData([path, `${path}-wal`], CARDS);
    db.close();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0].kind).toBe("card number");
  });
});
