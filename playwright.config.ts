import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3102);
const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Desktop Chrome with the system's Chromium. */
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};
/** The specs that need two workers at once (run by `npm test` with --workers=2). */
const TWO_WORKERS = /forced-outcome-scopes\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test is a failing test.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: TWO_WORKERS, use: browser },
    // Two workers at once, forcing outcomes each for its own shopper (issue 17). Only this file:
    // `npm test` runs it as a step of its own with --workers=2; the rest of the suite stays serial.
    { name: "two-workers", testMatch: TWO_WORKERS, workers: 2, use: browser },
  ],
  webServer: {
    command: `node e2e/support/serve.mjs`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
