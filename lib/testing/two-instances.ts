// Where the suites' PostgreSQL run serves (lib/testing/two-instances-server.ts): ports and URLs,
// for its global setup and for vitest's configuration of the tests that run against it.
// TWO_INSTANCES_PORT (the balancer; the instances take the next two) and POSTGRES_TEST_PORT let two
// checkouts run side by side.
export function twoInstancesSetting(env: Record<string, string | undefined> = process.env) {
  const port = Number(env.TWO_INSTANCES_PORT ?? 3111);
  const postgresPort = Number(env.POSTGRES_TEST_PORT ?? 5433);
  return {
    port,
    url: `http://localhost:${port}`,
    instancePorts: [port + 1, port + 2],
    postgresPort,
    databaseUrl: `postgres://postgres@127.0.0.1:${postgresPort}/shop`,
  };
}
