// Vitest global setup of the integration project: one built shop server for the whole run.
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "./test-server.mjs";
// @ts-expect-error plain ES module shared with the parity runner
import { testDataDir } from "./parity.mjs";

export default async function setup() {
  const port = Number(process.env.INTEGRATION_PORT ?? 3101);
  const server = await startTestServer({
    port,
    dataDir: testDataDir("integration"),
    timeScale: 0.001,
    inquiryAfterMs: 1500,
  });
  return async () => {
    await server.stop();
  };
}
