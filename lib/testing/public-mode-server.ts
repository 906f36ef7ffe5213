// Vitest global setup of the public-mode project: the built shop as a public deployment
// (APP_URL=https://shop.example.test) served on loopback, its emulators reached there too.
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "./test-server.mjs";
import { PUBLIC_MODE_DATA_DIR, publicModeServerEnv } from "./public-mode";

export default async function setup() {
  const port = Number(process.env.PUBLIC_MODE_PORT ?? 3103);
  const server = await startTestServer({
    port,
    dataDir: PUBLIC_MODE_DATA_DIR,
    timeScale: 0.001,
    inquiryAfterMs: 1500,
    env: publicModeServerEnv(port),
  });
  return async () => {
    await server.stop();
  };
}
