// Starts the emulators alone (`npm run emulators`: scripts/emulators.mjs, SERVE=emulators) for a
// test, on its own port with a fresh data directory, and waits until its health route answers.
// The parity runner starts it "as if remote" with `env: { EMULATOR_CONTROL: "closed", ... }`.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { pathToFileURL } from "node:url";
import { distDirOf, TEST_DIST_DIR } from "../../scripts/dist-dirs.mjs";
import { captureServerOutput } from "./test-server.mjs";

const root = new URL("../..", import.meta.url).pathname;

/**
 * Every file of the server under `dataDir`: the emulators' database, the deployment secrets,
 * Antom's development keys (ANTOM_KEYS_DIR), and DATABASE_PATH, which names the shop's database
 * file only so that a test can prove nothing ever creates it.
 */
export function standaloneEmulatorsEnv({ port, dataDir }) {
  const dir = isAbsolute(dataDir) ? dataDir : join(root, dataDir);
  return {
    EMULATORS_PORT: String(port),
    EMULATOR_DATABASE_PATH: join(dir, "emulators.sqlite"),
    DEPLOYMENT_SECRETS_FILE: join(dir, "deployment-secrets.json"),
    ANTOM_KEYS_DIR: join(dir, "antom"),
    DATABASE_PATH: join(dir, "shop.sqlite"),
    AUTH_SECRET_FILE: join(dir, "auth-secret"),
  };
}

/**
 * `startStandaloneEmulators({ port, dataDir, env }) -> Promise<{ url, stop() }>`: `dataDir` (relative
 * to the project, or absolute) is emptied first; `env` adds to (and overrides) the server's
 * environment, e.g. `{ EMULATOR_CONTROL: "closed", EMULATOR_CONTROL_TOKEN: "…" }`. Serves the tests'
 * build (NEXT_DIST_DIR, default .next-test) as it is: no build is started (SKIP_BUILD=1). `url` is
 * the server's origin (the emulators are at `${url}/emulators/<provider>`); `stop()` ends it and
 * resolves once it has exited. The server's output is in `output()` and `<dataDir>/server.log`
 * (with every URL it was asked, as the test servers' logs: the card-data suite scans them), and on
 * this process's output with `log: true`.
 */
export async function startStandaloneEmulators({ port, dataDir, env: extraEnv = {}, log = false }) {
  const dir = isAbsolute(dataDir) ? dataDir : join(root, dataDir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    // Whatever the calling test process was set up as (a shop's APP_URL, its databases), not this server.
    APP_URL: "",
    PORT: "",
    SERVE: "",
    TEST_ONLY_PROVIDERS: "",
    ...standaloneEmulatorsEnv({ port, dataDir: dir }),
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDirOf(process.env, TEST_DIST_DIR),
    SKIP_BUILD: "1",
    NODE_OPTIONS: [
      process.env.NODE_OPTIONS ?? "",
      `--import ${JSON.stringify(pathToFileURL(join(root, "lib/testing/request-log.mjs")).href)}`,
    ].join(" "),
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(env)) if (value === "") delete env[name];
  // Its own process group: stop() ends the script and the Next server it started together.
  const child = spawn(process.execPath, [join(root, "scripts/emulators.mjs")], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = captureServerOutput(child, join(dir, "server.log"), log);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const url = `http://localhost:${env.EMULATORS_PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The standalone emulators exited (${child.exitCode}). Is there a test build?\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok && (await response.json()).serve === "emulators") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signal("SIGKILL");
      throw new Error(`The standalone emulators did not answer on ${url} within 60 s\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signal("SIGTERM");
        const killer = setTimeout(() => signal("SIGKILL"), 5000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}
