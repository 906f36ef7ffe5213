// Vitest global setup of the suites' PostgreSQL runs: a throwaway PostgreSQL cluster, two
// instances of the built shop on it (the shop's data and, through the same DATABASE_URL, the
// emulators' in their own schema), and a round-robin load balancer in front, which is the URL everyone uses:
// the tests, the shop's APP_URL (so the emulators' notifications are spread over both too).
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "./test-server.mjs";
// @ts-expect-error plain ES module shared with the parity runner
import { testDataDir } from "./parity.mjs";
import { startLoadBalancer } from "./load-balancer.mjs";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";
import { join } from "node:path";
import { twoInstancesSetting } from "./two-instances";

export default async function setup() {
  const setting = twoInstancesSetting();
  const cluster = startThrowawayPostgres({ port: setting.postgresPort, databases: ["shop"] });
  const env = {
    DATABASE_URL: cluster.urls.shop,
    // The tests' fixture provider keeps its payments in one process's memory (vitest.config.mts): not on two instances.
    TEST_ONLY_PROVIDERS: "off",
  };
  const dataDir = testDataDir("two-instances");
  const options = { dataDir, timeScale: 0.001, inquiryAfterMs: 1500, env, publicUrl: setting.url };
  // One after the other: the first migrates and seeds, the second finds it done.
  const first = await startTestServer({ ...options, port: setting.instancePorts[0] });
  const second = await startTestServer({ ...options, port: setting.instancePorts[1], fresh: false });
  const balancer = await startLoadBalancer({ port: setting.port, targets: setting.instancePorts });
  return async () => {
    // Both instances took part (else the run proved nothing about two of them).
    const idle = setting.instancePorts.filter((port) => balancer.counts[port] === 0);
    await balancer.stop();
    await Promise.all([first.stop(), second.stop()]);
    // What the run left in PostgreSQL, as text the card-data suite scans with the SQLite files.
    cluster.dumpData("shop", join(dataDir, "postgres-dump.sql"));
    cluster.stop();
    if (idle.length > 0) throw new Error(`The balancer sent no request to the instance on port ${idle.join(", ")}`);
    console.log(`two instances served ${JSON.stringify(balancer.counts)} requests (by port)`);
  };
}
