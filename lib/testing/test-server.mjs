// Starts the built shop (`next start`) for a test suite on its own port with its own, fresh
// database files, and waits until it answers. Used by Vitest's global setup and Playwright.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { shopNodeOptions } from "../../scripts/shop-node-options.mjs";
import { distDirOf, TEST_DIST_DIR } from "../../scripts/dist-dirs.mjs";
import { parityServerEnv } from "./parity.mjs";

const root = new URL("../..", import.meta.url).pathname;

/**
 * Keeps a server's output (stdout and stderr): appended to `logPath` and, with `log`, to this
 * process's output; answers a function that gives all of it so far.
 */
export function captureServerOutput(child, logPath, log = false) {
  const logFile = createWriteStream(logPath, { flags: "a" });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk) => {
      output += chunk;
      logFile.write(chunk);
      if (log) process.stdout.write(chunk);
    });
  }
  child.once("exit", () => logFile.end());
  return () => output;
}

/** `publicUrl`: the address the shop is reached at when it is not its own port (a balancer in front). */
export function testServerEnv({ port, dataDir, timeScale, inquiryAfterMs, publicUrl }) {
  const url = publicUrl ?? `http://localhost:${port}`;
  return {
    PORT: String(port),
    APP_URL: url,
    DATABASE_PATH: join(dataDir, "shop.sqlite"),
    EMULATOR_DATABASE_PATH: join(dataDir, "emulators.sqlite"),
    AUTH_SECRET_FILE: join(dataDir, "auth-secret"),
    DEPLOYMENT_SECRETS_FILE: join(dataDir, "deployment-secrets.json"),
    PINGPAYMENTS_BASE_URL: `${url}/emulators/pingpayments`,
    EMULATOR_TIME_SCALE: String(timeScale),
    PAYMENT_PENDING_POLL_MS: "500",
    PAYMENT_INQUIRY_AFTER_MS: String(inquiryAfterMs),
    // The tests' own providers (lib/test-only.ts): listed on test servers only, never by `npm start`.
    TEST_ONLY_PROVIDERS: "on",
  };
}

/**
 * `fresh: false` keeps the data directory (a restart after a crash); `env` adds to the server's
 * environment. The server's output goes to `<dataDir>/server.log` as well (the card-data suite
 * scans it), and to this process's output with `log: true`. Node runs with the options `npm start`
 * gives the shop (scripts/shop-node-options.mjs: the heap ceiling), plus `preloads` (modules to
 * --import) and, unless `requestLog: false` (the bench: measured as `npm start` serves), the
 * request log.
 */
export async function startTestServer({
  port,
  dataDir,
  timeScale = 0.001,
  inquiryAfterMs = 60_000,
  log = false,
  fresh = true,
  requestLog = true,
  preloads = [],
  env: extraEnv = {},
  publicUrl,
}) {
  if (fresh) rmSync(join(root, dataDir), { recursive: true, force: true });
  mkdirSync(join(root, dataDir), { recursive: true });
  // Every URL asked goes to server.log, for the card-data suite.
  const imports = [...(requestLog ? [join(root, "lib/testing/request-log.mjs")] : []), ...preloads].map(
    (path) => `--import ${JSON.stringify(pathToFileURL(path).href)}`,
  );
  const env = {
    ...process.env,
    ...testServerEnv({ port, dataDir, timeScale, inquiryAfterMs, publicUrl }),
    // A parity run's providers (base URLs and credentials from its environment) win over the defaults.
    ...parityServerEnv(process.env),
    NODE_ENV: "production",
    // The tests' own build (`NEXT_DIST_DIR=.next-test next build`), never the one `npm start` serves.
    NEXT_DIST_DIR: distDirOf(process.env, TEST_DIST_DIR),
    ...extraEnv,
    NODE_OPTIONS: shopNodeOptions({ ...process.env, ...extraEnv }, imports),
  };
  const child = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureServerOutput(child, join(root, dataDir, "server.log"), log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The test server exited (${child.exitCode}). Did you run \`npm run build\`?\n${output()}`);
    try {
      const response = await fetch(`http://localhost:${port}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The test server did not answer on port ${port} within 60 s\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `http://localhost:${port}`,
    pid: child.pid,
    output,
    /** Ends the server at once, as a crash would (SIGKILL: no shutdown hook runs). */
    crash: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        child.kill("SIGKILL");
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
