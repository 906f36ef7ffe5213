#!/usr/bin/env node
// `npm start`: builds the shop when there is no build or the sources changed since the last one,
// then serves it (with the emulators) at http://localhost:${PORT:-3000}. The databases are
// created, migrated and seeded by the server itself at start.
import { spawn } from "node:child_process";
import { buildIfStale, nextBin } from "./build-if-stale.mjs";
import { shopNodeOptions } from "./shop-node-options.mjs";
import { SERVE_DIST_DIR } from "./dist-dirs.mjs";

const root = new URL("..", import.meta.url).pathname;
buildIfStale();

const port = process.env.PORT || "3000";
console.log(`Starting merchant-storefront on http://localhost:${port} (emulators at /emulators)`);
// The heap ceiling and any other Node options of the shop: scripts/shop-node-options.mjs.
const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  // Always the shop (lib/serve-mode.ts): `npm run emulators` serves the emulators alone.
  env: { ...process.env, SERVE: "shop", NEXT_DIST_DIR: SERVE_DIST_DIR, NODE_OPTIONS: shopNodeOptions() },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
