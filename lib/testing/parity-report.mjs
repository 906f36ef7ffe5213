// The parity run's report: per provider, each scenario (a test), whether it passed, and what
// differed (the first lines of its failure), from Vitest's and Playwright's JSON reports.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined);

/** The first lines of a failure, without terminal colours: what differed. */
export function whatDiffered(messages) {
  const text = messages
    .join("\n")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !/^\s+at\s/.test(line));
  return text.slice(0, 12).join("\n");
}

function providerOf(tags, targets) {
  return targets.find((provider) => tags.includes(provider) || tags.includes(`@${provider}`));
}

/** Vitest's JSON report: the file's module tags name its provider. */
export function vitestScenarios(report, targets, tagsOfFile) {
  return (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults.map((test) => ({
      provider: providerOf([...(test.tags ?? []), ...tagsOfFile(file.name)], targets) ?? "unknown",
      kind: "integration",
      scenario: test.fullName,
      file: file.name,
      passed: test.status === "passed",
      skipped: test.status === "pending" || test.status === "skipped" || test.status === "todo",
      differed: test.status === "failed" ? whatDiffered(test.failureMessages ?? []) : "",
    })),
  );
}

/** Playwright's JSON report: suites nest; each spec has its tags and its results. */
export function playwrightScenarios(report, targets) {
  const out = [];
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = test.results ?? [];
        const last = results.at(-1);
        const errors = results.flatMap((result) => result.errors ?? []).map((error) => error.message ?? "");
        out.push({
          provider: providerOf(spec.tags ?? [], targets) ?? "unknown",
          kind: "e2e",
          scenario: [...titles, spec.title].filter(Boolean).join(" › "),
          file: spec.file,
          passed: test.status === "expected",
          skipped: test.status === "skipped",
          differed:
            test.status === "expected" ? "" : whatDiffered(errors.length ? errors : [last?.status ?? "no result"]),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of report?.suites ?? []) visit(suite, []);
  return out;
}

const moduleTags = (file) => {
  try {
    return [...readFileSync(file, "utf8").matchAll(/@module-tag\s+([\w-]+)/g)].map((match) => match[1]);
  } catch {
    return [];
  }
};

/** The report of the run whose JSON reports are in `reports`. */
export function parityReport({ reports, targets, violations = [], target, now = new Date() }) {
  const scenarios = [
    ...vitestScenarios(readJson(join(reports, "integration.json")), targets, moduleTags),
    ...playwrightScenarios(readJson(join(reports, "e2e.json")), targets),
  ].filter((scenario) => !scenario.skipped);
  return {
    ranAt: now.toISOString(),
    target,
    violations,
    scenarios: scenarios.length,
    providers: [...targets, "unknown"]
      .map((provider) => {
        const own = scenarios.filter((scenario) => scenario.provider === provider);
        return {
          provider,
          passed: own.filter((scenario) => scenario.passed).length,
          failed: own.filter((scenario) => !scenario.passed).length,
          scenarios: own.map(({ kind, scenario, file, passed, differed }) => ({
            kind,
            scenario,
            file,
            passed,
            differed,
          })),
        };
      })
      .filter((provider) => provider.provider !== "unknown" || provider.scenarios.length),
  };
}

export function reportMarkdown(report) {
  const lines = [`# Parity run, ${report.ranAt}`, "", `Against: ${report.target}.`, ""];
  if (report.violations.length) {
    lines.push("## Parity-tagged tests that reach into an emulator", "");
    for (const violation of report.violations) lines.push(`- \`${violation.file}\`: ${violation.reason}`);
    lines.push("");
  }
  for (const provider of report.providers) {
    lines.push(`## ${provider.provider}: ${provider.passed} passed, ${provider.failed} failed`, "");
    lines.push("| Scenario | Kind | Result | What differed |", "| --- | --- | --- | --- |");
    for (const scenario of provider.scenarios) {
      const differed = scenario.differed.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
      lines.push(`| ${scenario.scenario} | ${scenario.kind} | ${scenario.passed ? "pass" : "FAIL"} | ${differed} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
