// The benchmark's one table: each row a measure, its value, what it is compared with, the ratio,
// the target and the verdict; printed, and written to test-reports/bench.md and bench.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

export const ms = (value) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : "n/a";
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a");

export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model?.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}`;
}

export function table(rows) {
  const header = ["Measure", "Value", "Comparator", "Ratio", "Target", "Verdict"];
  const lines = [
    header,
    header.map(() => "---"),
    ...rows.map((r) => [r.measure, r.value, r.comparator, r.ratio, r.target, r.verdict]),
  ];
  return lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Writes test-reports/<name>.md and <name>.json; answers the Markdown. */
export function writeReport(root, name, { rows, meta }) {
  const dir = join(root, "test-reports");
  mkdirSync(dir, { recursive: true });
  const text = [
    `# npm run bench${meta.quick ? " --quick (smoke run: small counts, figures not meaningful)" : ""}`,
    "",
    `${meta.finishedAt} · ${meta.machine}`,
    "",
    table(rows),
    "",
    ...meta.notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
  writeFileSync(join(dir, `${name}.md`), text);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ meta, rows }, null, 2)}\n`);
  return text;
}
