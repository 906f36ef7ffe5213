// @module-tag shop
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distDirOf, TEST_DIST_DIR } from "@/scripts/dist-dirs.mjs";

const root = join(__dirname, "..", "..");

/** `npm run bench -- --quick` against the build this run made, on ports next to the integration server's. */
describe("npm run bench -- --quick", () => {
  it("runs every measure on the production build and prints and writes one table with a verdict per row", () => {
    const port = Number(process.env.INTEGRATION_PORT ?? 3101) + 2;
    const run = spawnSync("npm", ["run", "--silent", "bench", "--", "--quick"], {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        BENCH_PORT: String(port),
        SKIP_BUILD: "1",
        NEXT_DIST_DIR: distDirOf(process.env, TEST_DIST_DIR),
      },
      timeout: 240_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(join(root, "test-reports", "bench-quick.json"), "utf8")) as {
      rows: { measure: string; verdict: string; data: Record<string, unknown> }[];
      meta: { notes: string[] };
    };
    const measures = report.rows.map((row) => row.measure);
    for (const provider of ["pingpayments", "pingpong", "antom", "lesspay"]) {
      expect(measures).toContain(`Notification ingestion, ${provider}: req/s`);
      expect(measures).toContain(`Notification ingestion, ${provider}: p99`);
      expect(measures.some((m) => m.startsWith(`"Pay" to next action, ${provider}`))).toBe(true);
      // Every notification was acknowledged and moved its own pending payment.
      const ingestion = report.rows.find((row) => row.measure === `Notification ingestion, ${provider}: req/s`)!;
      expect(ingestion.data.moved).toBeGreaterThan(0);
    }
    expect(measures.filter((m) => /Admin payments list|Order lookup/.test(m))).toHaveLength(2);
    expect(measures.some((m) => m.startsWith("First-load JS"))).toBe(true);
    expect(measures.some((m) => m.startsWith("Shop memory"))).toBe(true);
    for (const row of report.rows) expect(row.verdict, row.measure).toMatch(/pass|miss/);
    expect(report.meta.notes.filter((note) => /not acknowledged|only \d+ of/.test(note))).toEqual([]);
    // The same table on stdout.
    expect(run.stdout).toContain("| Measure | Value | Comparator | Ratio | Target | Verdict |");
  }, 300_000);
});
