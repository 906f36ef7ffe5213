/**
 * Providers used only by the tests (a fixture that proves "a new provider is one folder and one line
 * on each side", see CONTRIBUTING.md): each list (lib/providers/index.ts, lib/emulators/index.ts)
 * wraps them in `testOnly`, so they exist only where `TEST_ONLY_PROVIDERS=on`, which
 * lib/testing/test-server.mjs sets for the test servers (and vitest.config.mts for the test
 * processes that run the shop's code against them) and nothing else does. `npm start` and
 * `npm run dev` never offer them. Read when a list's module is loaded (never during `next build`
 * for a server, which reloads it).
 */
export function testOnlyProvidersOn(env: Record<string, string | undefined> = process.env): boolean {
  return env.TEST_ONLY_PROVIDERS === "on";
}

/** `items` where test-only providers are on, else none. */
export function testOnly<T>(items: readonly T[], env: Record<string, string | undefined> = process.env): readonly T[] {
  return testOnlyProvidersOn(env) ? items : [];
}
