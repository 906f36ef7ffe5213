// `npm run format` rewrites every file the formatter owns (.prettierrc.json, .prettierignore);
// `npm run format -- --check` only checks them (npm test's lint step runs it).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const check = process.argv.includes("--check");
const prettier = join(root, "node_modules", ".bin", "prettier");
const result = spawnSync(prettier, [check ? "--check" : "--write", "--log-level", check ? "warn" : "log", "."], {
  cwd: root,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
