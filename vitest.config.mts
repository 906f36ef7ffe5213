import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// INTEGRATION_PORT lets two checkouts run their suites side by side.
const integrationPort = Number(process.env.INTEGRATION_PORT ?? 3101);
const integrationUrl = `http://localhost:${integrationPort}`;

const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests run server code directly.
      "server-only": `${root}lib/testing/server-only-stub.ts`,
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts"],
          globalSetup: ["lib/testing/integration-server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One server and one database for the whole run; files run one at a time.
          fileParallelism: false,
          env: {
            TEST_SERVER_URL: integrationUrl,
            APP_URL: integrationUrl,
            PORT: String(integrationPort),
            DATABASE_PATH: "data/test-integration/shop.sqlite",
            EMULATOR_DATABASE_PATH: "data/test-integration/emulators.sqlite",
            PINGPAYMENTS_BASE_URL: `${integrationUrl}/emulators/pingpayments`,
          },
        },
      },
    ],
  },
});
