import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

/**
 * `npm run screenshots`: the README's pictures of the checkout, taken from the built test shop on its own
 * port and database (build it first: `npm run build:test`), so they always show the shop as it is. Not part
 * of `npm test`.
 */
const port = Number(process.env.SCREENSHOTS_PORT ?? 3106);

export default defineConfig({
  ...e2e,
  testDir: "screenshots",
  testMatch: "*.shots.ts",
  timeout: 120_000,
  use: { ...e2e.use, baseURL: `http://localhost:${port}` },
  webServer: {
    ...(e2e.webServer as object),
    command: "node screenshots/serve.mjs",
    url: `http://localhost:${port}/api/health`,
    env: { SCREENSHOTS_PORT: String(port) },
  },
});
