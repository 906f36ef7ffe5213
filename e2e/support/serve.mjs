// Playwright's web server: the built shop on port 3102 with fresh e2e database files.
// The emulator clock runs 50× faster, so a "late" notification arrives about 2.4 s late.
// PingPong card payments stay voidable for 24 h (scaled: about 29 minutes) so an operator can void one.
process.env.PINGPONG_CAPTURE_DELAY_HOURS ??= "24";
// The shop gives up on a provider's answer after 10 s (not 20), so a forced timeout is quick to see.
process.env.PROVIDER_TIMEOUT_MS ??= "10000";
import { startTestServer } from "../../lib/testing/test-server.mjs";
import { testDataDir } from "../../lib/testing/parity.mjs";

const server = await startTestServer({
  port: Number(process.env.E2E_PORT ?? 3102),
  dataDir: testDataDir("e2e"),
  timeScale: 0.02,
  log: true,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.stop().then(() => process.exit(0)));
