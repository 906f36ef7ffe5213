// Builds the shop (`next build`) when there is no build or a source changed since the last one.
// Shared by `npm start` and `npm run bench`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SERVE_DIST_DIR } from "./dist-dirs.mjs";

const root = new URL("..", import.meta.url).pathname;
export const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "instrumentation.ts",
  "next.config.mjs",
  "package.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Runs `next build` into `distDir` if needed (SKIP_BUILD=1 skips the check); exits the process when the build fails. */
export function buildIfStale(distDir = SERVE_DIST_DIR) {
  const buildId = join(root, distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));
  if (process.env.SKIP_BUILD === "1" || changedAt <= builtAt) return;
  console.log(
    builtAt ? "Sources changed since the last build: building…" : "First start: building the shop (about a minute)…",
  );
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
