import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { providerDescriptors } from "@/lib/payments/registry";
import { findCardData } from "./card-data-scan";
import { REACHES_INTO_THE_EMULATOR, refusingControlPlane } from "./parity-guard";
// @ts-expect-error plain ES modules shared with the parity runner
import { NEEDS, NEEDS_MORE, PARITY_PROVIDERS, parityServerEnv } from "./parity.mjs";
// @ts-expect-error plain ES modules shared with the parity runner
import { isParityTagged, parityImportViolations, reachesIntoEmulator } from "./parity-imports.mjs";
// @ts-expect-error plain ES modules shared with the parity runner
import { recordFixtures } from "./parity-record.mjs";
// @ts-expect-error plain ES modules shared with the parity runner
import { parityReport, playwrightScenarios, reportMarkdown, vitestScenarios } from "./parity-report.mjs";

const root = process.cwd();
const at = (path: string) => join(root, path);
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "parity-"));
  temporary.push(dir);
  return dir;
};

const NEED_NAMES = Object.keys(NEEDS) as string[];
const PROVIDERS = Object.keys(PARITY_PROVIDERS) as string[];

function gitFiles(...patterns: string[]): string[] {
  return execFileSync("git", ["ls-files", ...patterns], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}

describe("parity settings", () => {
  it("names every setting of every provider, so a parity run can point each one elsewhere", () => {
    for (const descriptor of providerDescriptors()) {
      if (!PROVIDERS.includes(descriptor.id)) continue;
      const keys = Object.keys(descriptor.settings.schema.shape);
      expect(PARITY_PROVIDERS[descriptor.id], descriptor.id).toEqual(expect.arrayContaining(keys));
    }
    expect(providerDescriptors().map((descriptor) => descriptor.id)).toEqual(expect.arrayContaining(PROVIDERS));
  });

  it("hands the servers the providers' settings but never the parity flag", () => {
    const env = { PARITY_RUN: "1", ANTOM_BASE_URL: "http://remote.test/antom", HOME: "/root" };
    expect(parityServerEnv(env)).toEqual({ ANTOM_BASE_URL: "http://remote.test/antom", PARITY_RUN: undefined });
    expect(parityServerEnv({ ANTOM_BASE_URL: "http://remote.test/antom" })).toEqual({});
  });
});

describe("every integration and end-to-end test says what it needs", () => {
  it("each integration test file carries a needs tag", () => {
    const files = gitFiles("*.integration.test.ts", "lib/suites/*/*.test.ts").filter(
      (file) => !/lib\/suites\/(card-data|served-build)\//.test(file),
    );
    expect(files.length).toBeGreaterThan(30);
    const untagged = files.filter((file) => {
      const tags = [...readFileSync(at(file), "utf8").matchAll(/@module-tag\s+([\w-]+)/g)].map((match) => match[1]);
      return !tags.some((tag) => NEED_NAMES.includes(tag));
    });
    expect(untagged).toEqual([]);
  });

  // Playwright lists the suite in a few seconds (more on a loaded machine).
  it("each Playwright test carries a needs tag", { timeout: 60_000 }, () => {
    const listed = JSON.parse(
      execFileSync(at("node_modules/.bin/playwright"), ["test", "--list", "--reporter=json"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as { suites: Suite[] };
    type Suite = { title: string; specs?: { title: string; tags?: string[] }[]; suites?: Suite[] };
    const specs: { title: string; tags: string[] }[] = [];
    const visit = (suite: Suite) => {
      // The JSON report names tags without their "@".
      for (const spec of suite.specs ?? [])
        specs.push({ title: spec.title, tags: (spec.tags ?? []).map((tag) => tag.replace(/^@/, "")) });
      suite.suites?.forEach(visit);
    };
    listed.suites.forEach(visit);
    expect(specs.length).toBeGreaterThan(100);
    const untagged = specs.filter((spec) => !spec.tags.some((tag) => NEED_NAMES.includes(tag)));
    expect(untagged.map((spec) => spec.title)).toEqual([]);
    // A parity scenario names its provider, for the report.
    const parity = specs.filter(
      (spec) => spec.tags.includes("parity") && !NEEDS_MORE.some((need: string) => spec.tags.includes(need)),
    );
    expect(parity.length).toBeGreaterThan(10);
    expect(parity.filter((spec) => !PROVIDERS.some((id) => spec.tags.includes(id)))).toEqual([]);
  });
});

describe("a parity-tagged test may not reach into an emulator", () => {
  it("follows imports to an emulator's module, the control plane and the emulators' database", () => {
    expect(reachesIntoEmulator(root, at("lib/suites/faults/crash.test.ts"))).toMatch(
      /control plane \(lib\/suites\/faults\/crash\.test\.ts -> lib\/testing\/control-fixtures\.ts\)/,
    );
    expect(reachesIntoEmulator(root, at("e2e/hosted-pages-chinese.spec.ts"))).toMatch(
      /an emulator's module .*lib\/testing\/antom-fixtures\.ts -> lib\/emulators\//,
    );
    expect(reachesIntoEmulator(root, at("e2e/hosted-card-forms.spec.ts"))).toMatch(/emulators' database/);
    expect(reachesIntoEmulator(root, at("e2e/pingpong-card.spec.ts"))).toBeUndefined();
  });

  it("no parity-tagged test reaches in today (the runner's first check)", () => {
    expect(parityImportViolations(root)).toEqual([]);
  });

  it("tells parity-tagged files by their tags", () => {
    expect(isParityTagged('test("x", { tag: ["@parity", "@antom"] }, () => {})', "a.spec.ts")).toBe(true);
    expect(isParityTagged('test("x", { tag: ["@shop"] }, () => {})', "a.spec.ts")).toBe(false);
    expect(isParityTagged("// @module-tag parity\n", "a.integration.test.ts")).toBe(true);
  });

  it("the shop's own code never reaches an emulator's module (one implementation per side)", () => {
    const shopCode = gitFiles("lib/providers", "lib/payments", "lib/db", "i18n", "app/(shop)", "app/admin", "app/api")
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.ts$/.test(file))
      .filter((file) => !file.includes("/fixtures/"));
    expect(shopCode.length).toBeGreaterThan(80);
    const reaching = shopCode
      .map((file) => reachesIntoEmulator(root, at(file)))
      .filter((reason): reason is string => reason !== undefined);
    expect(reaching).toEqual([]);
  });
});

describe("recording a run's answers and notifications as fixtures", () => {
  it("keeps one fixture per exchange, redacted: no card number, no security code, no secret", () => {
    const dir = tempDir();
    const database = new Database(join(dir, "shop.sqlite"));
    database.exec(
      "CREATE TABLE payment_events (id INTEGER PRIMARY KEY, provider TEXT, type TEXT, summary TEXT, detail TEXT)",
    );
    const insert = database.prepare("INSERT INTO payment_events (provider, type, summary, detail) VALUES (?, ?, ?, ?)");
    const call = {
      method: "POST",
      url: "https://open-sandbox.example.test/ams/api/v1/payments/pay",
      status: 200,
      request: { paymentMethod: { paymentMethodMeta: { cardNo: "4111111111111111", cvv: "737" } } },
      response: { result: { resultStatus: "S" }, signature: "abc", cardToken: "tok_123" },
      durationMs: 80,
    };
    insert.run("antom", "api_call", "POST /ams/api/v1/payments/pay -> 200", JSON.stringify(call));
    insert.run("antom", "api_call", "POST /ams/api/v1/payments/pay -> 200", JSON.stringify(call));
    insert.run("antom", "notification", "Payment succeeded", JSON.stringify({ notifyType: "PAYMENT_RESULT" }));
    insert.run("lesspay", "api_call", "not in this run", JSON.stringify(call));
    database.close();

    const written: string[] = recordFixtures({
      root: dir,
      databases: ["shop.sqlite"],
      providers: ["antom"],
      recordedAt: "2026-12-03T00:00:00.000Z",
    });
    const folder = join(dir, "lib/providers/antom/fixtures/recorded/open-sandbox-example-test");
    expect(readdirSync(folder).sort()).toEqual([
      "answer-post-ams-api-v1-payments-pay-200.json",
      "notification-payment-succeeded.json",
    ]);
    expect(written).toHaveLength(2);
    const answer = readFileSync(join(folder, "answer-post-ams-api-v1-payments-pay-200.json"), "utf8");
    expect(findCardData(answer, ["4111111111111111"])).toEqual([]);
    expect(JSON.parse(answer)).toMatchObject({
      provider: "antom",
      path: "/ams/api/v1/payments/pay",
      request: { paymentMethod: { paymentMethodMeta: { cardNo: "411111******1111", cvv: "[redacted]" } } },
      response: { signature: "[redacted]", cardToken: "[redacted]" },
    });
  });
});

describe("the parity report", () => {
  const vitestJson = {
    testResults: [
      {
        name: "/x/lib/a.integration.test.ts",
        assertionResults: [
          { fullName: "pays", status: "passed", tags: ["parity", "antom"], failureMessages: [] },
          {
            fullName: "refunds",
            status: "failed",
            tags: ["parity", "antom"],
            failureMessages: ["AssertionError: expected 'F' to be 'S'\n    at x.ts:1:1"],
          },
        ],
      },
    ],
  };
  const playwrightJson = {
    suites: [
      {
        title: "lesspay.spec.ts",
        specs: [],
        suites: [
          {
            title: "Lesspay",
            specs: [
              {
                title: "cashier mode paid",
                file: "lesspay.spec.ts",
                tags: ["@parity", "@lesspay"],
                tests: [{ status: "expected", results: [{ status: "passed", errors: [] }] }],
              },
            ],
          },
        ],
      },
    ],
  };

  it("lists each scenario per provider with what differed", () => {
    const integration = vitestScenarios(vitestJson, ["antom", "lesspay"], () => []);
    expect(integration).toMatchObject([
      { provider: "antom", scenario: "pays", passed: true, differed: "" },
      { provider: "antom", scenario: "refunds", passed: false, differed: "AssertionError: expected 'F' to be 'S'" },
    ]);
    expect(playwrightScenarios(playwrightJson, ["antom", "lesspay"])).toMatchObject([
      { provider: "lesspay", scenario: "Lesspay › cashier mode paid", file: "lesspay.spec.ts", passed: true },
    ]);
  });

  it("writes per provider counts and a readable table", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "integration.json"), JSON.stringify(vitestJson));
    const report = parityReport({ reports: dir, targets: ["antom"], target: "test", now: new Date(0) });
    expect(report.providers).toEqual([expect.objectContaining({ provider: "antom", passed: 1, failed: 1 })]);
    expect(reportMarkdown(report)).toContain(
      "| refunds | integration | FAIL | AssertionError: expected 'F' to be 'S' |",
    );
  });
});

describe("a test's own call to the control plane in a parity run", () => {
  const calls: string[] = [];
  const client = {
    post: (url: string) => calls.push(`POST ${url}`),
    get: (url: string) => calls.push(`GET ${url}`),
  };

  it("is refused with a message that says why; other calls go through", () => {
    const guarded = refusingControlPlane(client);
    expect(() => guarded.post("/emulators/control/antom/next-payment")).toThrow(REACHES_INTO_THE_EMULATOR);
    expect(() => guarded.get("http://localhost:3107/emulators/control?provider=antom")).toThrow(/control plane/);
    guarded.get("/emulators/antom/3ds/123");
    guarded.post("/api/webhooks/antom");
    expect(calls).toEqual(["GET /emulators/antom/3ds/123", "POST /api/webhooks/antom"]);
  });
});
