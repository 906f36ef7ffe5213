// @module-tag emulator-internals
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartCookie } from "@/lib/testing/cart-cookie";
import { serverUrl } from "@/lib/testing/server-url";
// @ts-expect-error plain ES module shared with the Playwright config
import { startTestServer } from "@/lib/testing/test-server.mjs";

// ExamplePay is the tests' own provider: the test servers list it (TEST_ONLY_PROVIDERS=on), a
// server started as `npm start` starts it (no switch) offers it nowhere.
const PORT = Number(process.env.INTEGRATION_PORT ?? 3101) + 6;
const DATA_DIR = "data/test-examplepay-off";
let server: { url: string; stop(): Promise<void> } | undefined;

beforeAll(async () => {
  server = await startTestServer({ port: PORT, dataDir: DATA_DIR, env: { TEST_ONLY_PROVIDERS: "" } });
}, 90_000);
afterAll(() => server?.stop());

const page = async (base: string, path: string, cookie?: string) => {
  const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
};

describe("ExamplePay is listed on the test servers only", () => {
  it("a test server: checkout offers it and /emulators describes it", async () => {
    const checkout = await page(serverUrl(), "/checkout", cartCookie());
    expect(checkout.status).toBe(200);
    expect(checkout.text).toContain("Card via ExamplePay (test only)");
    expect((await page(serverUrl(), "/emulators")).text).toContain("ExamplePay (test only)");
  });

  it("without the switch: not on /checkout nor /emulators; its webhook and emulator API are unknown", async () => {
    const base = server!.url;
    const checkout = await page(base, "/checkout", cartCookie(undefined, DATA_DIR));
    expect(checkout.status).toBe(200);
    // The page lists the other providers' methods, not the fixture's.
    expect(checkout.text).toContain("PaymentIQ");
    expect(checkout.text).not.toMatch(/examplepay/i);
    const emulators = await page(base, "/emulators");
    expect(emulators.status).toBe(200);
    expect(emulators.text).not.toMatch(/examplepay/i);
    const webhook = await fetch(`${base}/api/webhooks/examplepay`, { method: "POST", body: "{}" });
    expect(webhook.status).toBe(404);
    expect((await fetch(`${base}/emulators/examplepay/v1/payments`, { method: "POST", body: "{}" })).status).toBe(404);
  });
});
