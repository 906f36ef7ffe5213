import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  bestMatch,
  clearOverride,
  forcedOutcomeView,
  listOverrides,
  overrideBody,
  scopeOfQuery,
  setOverride,
  takeNextPayment,
  testIdOf,
} from "./control";
import type { ScopeKind } from "./schema";

// Forced outcomes scoped to a shopper email, a merchant reference prefix or a test id (issue 17).
const directory = mkdtempSync(join(tmpdir(), "control-scope-"));
const databasePath = join(directory, "emulators.sqlite");
const before = process.env.EMULATOR_DATABASE_PATH;
beforeAll(() => {
  process.env.EMULATOR_DATABASE_PATH = databasePath;
});
afterAll(() => {
  if (before === undefined) delete process.env.EMULATOR_DATABASE_PATH;
  else process.env.EMULATOR_DATABASE_PATH = before;
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(async () => {
  await clearOverride("antom");
  await clearOverride("lesspay");
});

const row = (scopeKind: ScopeKind, scopeValue: string, name = `${scopeKind}:${scopeValue}`) => ({
  scopeKind,
  scopeValue,
  name,
});

describe("which forced outcome a payment takes (bestMatch)", () => {
  const rows = [
    row("any", ""),
    row("reference_prefix", "qa-"),
    row("reference_prefix", "qa-anna-"),
    row("email", "anna@example.com"),
    row("test_id", "worker-1"),
  ];

  it("test id first, then the shopper's email, then the longest reference prefix, then the unscoped one", () => {
    const facts = { testId: "worker-1", email: "anna@example.com", reference: "qa-anna-0001" };
    expect(bestMatch(rows, facts)?.name).toBe("test_id:worker-1");
    expect(bestMatch(rows, { ...facts, testId: "worker-2" })?.name).toBe("email:anna@example.com");
    expect(bestMatch(rows, { ...facts, testId: null, email: "bob@example.com" })?.name).toBe(
      "reference_prefix:qa-anna-",
    );
    expect(bestMatch(rows, { reference: "qa-bob-0001" })?.name).toBe("reference_prefix:qa-");
    expect(bestMatch(rows, { reference: "prod-0001", email: "bob@example.com", testId: "x" })?.name).toBe("any:");
  });

  it("compares emails without case or surrounding spaces; a test id and a prefix exactly", () => {
    expect(bestMatch(rows, { email: " Anna@Example.COM " })?.name).toBe("email:anna@example.com");
    expect(bestMatch(rows, { testId: "Worker-1" })?.name).toBe("any:");
    expect(bestMatch(rows, { reference: "QA-anna-1" })?.name).toBe("any:");
  });

  it("a scoped one never applies to another payment, and without an unscoped one nothing does", () => {
    const scoped = rows.filter((candidate) => candidate.scopeKind !== "any");
    expect(bestMatch(scoped, { email: "bob@example.com", reference: "shop-1", testId: "worker-2" })).toBeUndefined();
    expect(bestMatch(scoped, {})).toBeUndefined();
  });
});

describe("the API's scope", () => {
  it("takes exactly one of email, referencePrefix and testId, and lowercases the email", () => {
    expect(overrideBody.parse({ outcome: "decline", scope: { email: " Anna@Example.com" } }).scope).toEqual({
      email: "anna@example.com",
    });
    const refusals = [
      { scope: {} },
      { scope: { email: "a@example.com", testId: "t" } },
      { scope: { email: "not an email" } },
      { scope: { referencePrefix: "" } },
      { scope: { testId: "has space" } },
      { scope: { shopper: "a@example.com" } },
      { scope: "a@example.com" },
    ];
    for (const body of refusals) expect(overrideBody.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it("DELETE names one scope, the unscoped one, or none (all)", () => {
    const query = (text: string) => scopeOfQuery(new URLSearchParams(text));
    expect(query("")).toEqual({ ok: true, scope: undefined });
    expect(query("scope=any")).toEqual({ ok: true, scope: { kind: "any", value: "" } });
    expect(query("email=A%40example.com")).toEqual({ ok: true, scope: { kind: "email", value: "a@example.com" } });
    expect(query("referencePrefix=qa-")).toEqual({ ok: true, scope: { kind: "reference_prefix", value: "qa-" } });
    expect(query("testId=w1")).toEqual({ ok: true, scope: { kind: "test_id", value: "w1" } });
    for (const bad of ["scope=all", "email=a%40example.com&testId=w1", "testId=a&testId=b", "who=me", "email=nope"])
      expect(query(bad).ok, bad).toBe(false);
  });

  it("reads the test id from the X-Emulator-Test-Id header", () => {
    const request = new Request("http://localhost/x", { headers: { "x-emulator-test-id": " worker-2 " } });
    expect(testIdOf(request)).toBe("worker-2");
    expect(testIdOf(new Request("http://localhost/x"))).toBeNull();
  });
});

describe("forced outcomes in the database", () => {
  it("keeps one per scope, lists them with who set them, and each payment takes its own", async () => {
    await setOverride("antom", { outcome: "approve" }, "local, no sign-in (curl)");
    await setOverride("antom", { outcome: "decline", scope: { email: "anna@example.com" } }, "anna@example.com");
    await setOverride("antom", { outcome: "challenge", scope: { email: "anna@example.com" } }, "control token");
    await setOverride("antom", { outcome: "http_500", scope: { testId: "worker-1" } }, "control token");
    await setOverride("lesspay", { outcome: "decline", scope: { referencePrefix: "qa-" } }, "control token");

    const listed = (await listOverrides("antom")).map(forcedOutcomeView);
    expect(listed.map(({ scope, override, setBy }) => ({ scope, override, setBy }))).toEqual([
      { scope: null, override: { outcome: "approve" }, setBy: "local, no sign-in (curl)" },
      { scope: { email: "anna@example.com" }, override: { outcome: "challenge" }, setBy: "control token" },
      { scope: { testId: "worker-1" }, override: { outcome: "http_500" }, setBy: "control token" },
    ]);
    expect(listed.every(({ setAt }) => Math.abs(Date.parse(setAt) - Date.now()) < 60_000)).toBe(true);

    // Anna's payment takes hers, another shopper's the unscoped one, the test id's its own.
    expect((await takeNextPayment("antom", { email: "ANNA@example.com", reference: "p1" })).override?.outcome).toBe(
      "challenge",
    );
    expect((await takeNextPayment("antom", { email: "bob@example.com", reference: "p2" })).override?.outcome).toBe(
      "approve",
    );
    expect((await takeNextPayment("antom", { email: "bob@example.com", reference: "p3" })).override).toBeUndefined();
    expect((await takeNextPayment("antom", { testId: "worker-1" })).before).toEqual({
      kind: "http_500",
      holdSeconds: 0,
    });
    // Another provider's forced outcome is untouched.
    expect(await listOverrides("antom")).toEqual([]);
    expect(await listOverrides("lesspay")).toHaveLength(1);
  });

  it("clears one scope, or all of them", async () => {
    await setOverride("antom", { outcome: "approve" });
    await setOverride("antom", { outcome: "decline", scope: { referencePrefix: "qa-" } });
    await setOverride("antom", { outcome: "decline", scope: { testId: "t" } });
    expect(await clearOverride("antom", { kind: "reference_prefix", value: "qa-" })).toBe(true);
    expect(await clearOverride("antom", { kind: "reference_prefix", value: "qa-" })).toBe(false);
    expect((await listOverrides("antom")).map((forced) => forced.scopeKind)).toEqual(["any", "test_id"]);
    expect(await clearOverride("antom")).toBe(true);
    expect(await listOverrides("antom")).toEqual([]);
  });

  it("two processes taking at once never take the same forced outcome", async () => {
    // Every prefix of one reference, so that each take of both processes wants the same (longest) one.
    const reference = "r".repeat(240);
    for (let length = 1; length <= reference.length; length++)
      await setOverride("antom", { outcome: "approve", scope: { referencePrefix: reference.slice(0, length) } });
    const startAt = Date.now() + 4_000;
    const run = promisify(execFile);
    const taker = () =>
      run(
        process.execPath,
        [
          "--conditions=react-server",
          "--import",
          "tsx",
          "lib/testing/take-forced-outcomes.ts",
          "antom",
          reference,
          "120",
          String(startAt),
        ],
        { env: { ...process.env, EMULATOR_DATABASE_PATH: databasePath } },
      ).then(({ stdout }) => JSON.parse(stdout) as number[]);
    const [first, second] = await Promise.all([taker(), taker()]);
    expect(first).toHaveLength(120);
    expect(second).toHaveLength(120);
    expect(new Set([...first, ...second]).size).toBe(240);
    expect(await listOverrides("antom")).toEqual([]);
  }, 30_000);
});
