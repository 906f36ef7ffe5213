#!/usr/bin/env node
// `npm start`: builds the shop when there is no build or the sources changed since the last one,
// then serves it (with the emulators) at http://localhost:${PORT:-3000}. The databases are
// created, migrated and seeded by the server itself at start.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "public", "drizzle", "instrumentation.ts", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

const buildId = join(root, ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));
if (process.env.SKIP_BUILD !== "1" && changedAt > builtAt) {
  console.log(builtAt ? "Sources changed since the last build: building…" : "First start: building the shop (about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
console.log(`Starting merchant-storefront on http://localhost:${port} (emulators at /emulators)`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
