#!/usr/bin/env node
// `npm run emulators`: the providers' emulators alone, for a backend in any language, at
// http://localhost:${EMULATORS_PORT:-4010}/emulators/<provider>. The same build as `npm start`
// (built first when there is none or the sources changed), served with SERVE=emulators
// (lib/serve-mode.ts): no shop route, no shop database; the emulators' own database is
// data/emulators-standalone/emulators.sqlite unless EMULATOR_DATABASE_PATH says otherwise.
// README, "Emulators for any backend".
import { spawn } from "node:child_process";
import { buildIfStale, nextBin } from "./build-if-stale.mjs";
import { distDirOf, SERVE_DIST_DIR } from "./dist-dirs.mjs";
import { shopNodeOptions } from "./shop-node-options.mjs";

const root = new URL("..", import.meta.url).pathname;
const distDir = distDirOf(process.env, SERVE_DIST_DIR);
buildIfStale(distDir);

const port = process.env.EMULATORS_PORT || "4010";
console.log(`Starting the providers' emulators alone on http://localhost:${port}/emulators (no shop)`);
// PORT makes the default APP_URL this server's own address (the control plane's and the return URLs' origin).
const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    SERVE: "emulators",
    NEXT_DIST_DIR: distDir,
    NODE_OPTIONS: shopNodeOptions(),
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
