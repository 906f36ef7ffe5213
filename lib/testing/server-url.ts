/** The built shop the integration tests and suites run against (vitest.config.mts sets TEST_SERVER_URL). */
export const serverUrl = (): string => process.env.TEST_SERVER_URL ?? "http://localhost:3101";
