// The README pictures' web server: the built test shop on its own port and database, showing
// what `npm start` shows (no test-only providers).
import { startTestServer } from "../lib/testing/test-server.mjs";

const server = await startTestServer({
  port: Number(process.env.SCREENSHOTS_PORT ?? 3106),
  dataDir: "data/screenshots",
  env: { TEST_ONLY_PROVIDERS: "off" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.stop().then(() => process.exit(0)));
