// The build `npm start` serves (`.next`), as a fingerprint: `npm test` records it before its first
// step and its last step checks it is unchanged, so the tests (which build into `.next-test`, see
// scripts/dist-dirs.mjs) can run while the shop is being served from the same checkout.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SERVE_DIST_DIR } from "./dist-dirs.mjs";

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * `null` when there is no build; else its BUILD_ID and every file of the pages and scripts it
 * serves (server/ and static/: path, size, modification time). Not cache/ nor trace files, which
 * a running server writes itself.
 */
export function servedBuildFingerprint(root) {
  const dir = join(root, SERVE_DIST_DIR);
  if (!existsSync(join(dir, "BUILD_ID"))) return null;
  const served = [...files(join(dir, "server")), ...files(join(dir, "static"))].sort();
  return {
    buildId: readFileSync(join(dir, "BUILD_ID"), "utf8").trim(),
    files: served.map((path) => {
      const stat = statSync(path);
      return `${relative(dir, path)} ${stat.size} ${Math.round(stat.mtimeMs)}`;
    }),
  };
}

/** Where `npm test` keeps the fingerprint taken before its first step. */
export const SERVED_BUILD_BEFORE = join("test-reports", "served-build-before.json");
